import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExampleToolSite } from '../helpers/example-tool-site.js';

// Recurring surveys (issue 15 item 7) in Chromium: the collector's history and the SDK's rules offer
// a survey again `everyDays` after a person's last answer, and not before.
const adminToken = 'e2e-admin-token-0123456789';
const day = 86_400_000;
const site = useExampleToolSite((toolUrl) => ({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identitySecret: 'e2e-identity-secret-0123', origins: [toolUrl] }],
  adminToken,
  // The earlier waves' events are months old.
  maxEventAgeDays: 36_500,
  surveys: [
    {
      id: 'confidence',
      trigger: { url: '/**' },
      questions: [{ id: 'sure', type: 'choice', text: 'Do you feel confident using the assistant?', options: ['yes', 'no'] }],
      recurrence: { everyDays: 90 },
    },
  ],
}));

/** Seeds one earlier wave for `userId`: the survey shown and answered `daysAgo` days ago, sent by a server-side sender. */
async function answeredBefore(userId: string, daysAgo: number): Promise<void> {
  const at = (ms: number) => new Date(Date.now() - daysAgo * day + ms).toISOString();
  const event = (id: string, name: string, ts: string, props: Record<string, string>) => ({
    id,
    name,
    ts,
    userId,
    anonymousId: `a-${userId}`,
    sessionId: `s-${userId}`,
    tool: 'assistant',
    props: { surveyId: 'confidence', ...props },
  });
  const res = await fetch(`${site().collector.url}/v1/batch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      writeKey: 'wk_assistant',
      events: [
        event(`e2e-${userId}-shown`, 'survey.shown', at(0), {}),
        event(`e2e-${userId}-answered`, 'survey.answered', at(60_000), { questionId: 'sure', value: 'no' }),
      ],
    }),
  });
  expect((await res.json()).accepted).toBe(2);
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

describe('a recurring survey in Chromium', () => {
  it('is offered again 90 days after the last answer, and the new answer is stored as a second wave', async () => {
    await answeredBefore('e2e-wave-two', 91);
    const page = await openTool('e2e-wave-two');
    const survey = page.locator('uptake-pulse');
    await survey.getByText('Do you feel confident using the assistant?').waitFor();
    await survey.getByLabel('yes').check();
    await survey.getByRole('button', { name: 'Send' }).click();
    const answers = await site().waitForEvents(
      (events) => events.filter((e) => e.name === 'survey.answered' && e.props['surveyId'] === 'confidence').length >= 2,
    );
    const values = answers
      .filter((e) => e.name === 'survey.answered')
      .sort((a, b) => a.ts.getTime() - b.ts.getTime())
      .map((e) => e.props['value']);
    expect(values).toEqual(['no', 'yes']);
    await page.context().close();
  });

  it('is not offered before, and explain() says from when it will be', async () => {
    await answeredBefore('e2e-wave-one', 30);
    const page = await openTool('e2e-wave-one');
    let reasons: Explanation[] = [];
    await expect.poll(async () => (reasons = await explain(page)).length, { timeout: 15_000 }).toBe(1);
    expect(reasons[0]).toMatchObject({ kind: 'survey', id: 'confidence', due: false });
    expect(reasons[0]?.reason).toMatch(
      /^answered at \d{4}-\d\d-\d\d \d\d:\d\d UTC; offered again from \d{4}-\d\d-\d\d \d\d:\d\d UTC \(recurrence\.everyDays 90\)$/,
    );
    expect(await page.locator('uptake-pulse').count()).toBe(0);
    await page.context().close();
  });
});
