import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExampleToolSite } from '../helpers/example-tool-site.js';

// The adaptive trigger (issue 18 item 2) in Chromium: the collector sends each person their own due
// day (here without a fitted model yet: `minDays` after their last use), and the SDK shows the item
// on the first visit on or after it, not before.
const adminToken = 'e2e-admin-token-0123456789';
const day = 86_400_000;
const site = useExampleToolSite((toolUrl) => ({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identitySecret: 'e2e-identity-secret-0123', origins: [toolUrl] }],
  adminToken,
  maxEventAgeDays: 36_500,
  prompts: [
    {
      id: 'refresher',
      trigger: { adaptive: { targetRecall: 0.8, minDays: 5, maxDays: 60 } },
      content: { title: 'Three ways to use the assistant this week' },
    },
  ],
}));

/** Seeds a use of AI by `userId`, `daysAgo` days ago, sent by a server-side sender. */
async function usedBefore(userId: string, daysAgo: number): Promise<void> {
  const res = await fetch(`${site().collector.url}/v1/batch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      writeKey: 'wk_assistant',
      events: [
        {
          id: `e2e-${userId}-used`,
          name: 'ai.request',
          ts: new Date(Date.now() - daysAgo * day).toISOString(),
          userId,
          anonymousId: `a-${userId}`,
          sessionId: `s-${userId}`,
          tool: 'assistant',
          props: { feature: 'summarize' },
        },
      ],
    }),
  });
  expect((await res.json()).accepted).toBe(1);
}

/** The example tool signed in as `id`. */
async function openTool(id: string): Promise<Page> {
  const context = await site().browser.newContext();
  const user = Buffer.from(JSON.stringify({ id, role: 'professional', team: 'sales' })).toString('base64url');
  await context.addCookies([{ name: 'assistant-user', value: user, url: site().tool.url }]);
  const page = await context.newPage();
  await page.goto(`${site().tool.url}/`);
  return page;
}

type Explanation = { kind: string; id: string; due: boolean; reason: string };
const explain = (page: Page) =>
  page.evaluate(() => (window as unknown as { uptake: { explain(): Promise<Explanation[]> } }).uptake.explain());

describe('an adaptive prompt in Chromium', () => {
  it('shows to a person whose day has come (last use 9 days ago, minDays 5)', async () => {
    await usedBefore('e2e-due', 9);
    const page = await openTool('e2e-due');
    await page.locator('uptake-prompt').getByText('Three ways to use the assistant this week').waitFor();
    await site().waitForEvents((events) => events.some((e) => e.name === 'prompt.shown' && e.props['promptId'] === 'refresher'));
    await page.context().close();
  });

  it('does not show to a person whose day has not come (last use yesterday), and explain() says from when', async () => {
    await usedBefore('e2e-not-yet', 1);
    const page = await openTool('e2e-not-yet');
    let reasons: Explanation[] = [];
    await expect.poll(async () => (reasons = await explain(page)).length, { timeout: 15_000 }).toBe(1);
    const dueDay = new Date(Date.now() - day + 5 * day).toISOString().slice(0, 10);
    expect(reasons[0]).toEqual({
      kind: 'prompt',
      id: 'refresher',
      due: false,
      reason: `due from this person's day, ${dueDay} (from their AI use)`,
    });
    expect(await page.locator('uptake-prompt').count()).toBe(0);
    await page.context().close();
  });
});
