import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { studioClient } from '../../packages/collector/test/studio/studio-client.js';
import { useExampleToolSite } from '../helpers/example-tool-site.js';

const adminToken = 'e2e-admin-token-0123456789';
const site = useExampleToolSite((toolUrl) => ({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identitySecret: 'e2e-identity-secret-0123', origins: [toolUrl] }],
  adminToken,
  // The default caps: one prompt or survey a day.
  fatigue: { perDay: 1, perWeek: 3 },
}));

type Explanation = { kind: string; id: string; due: boolean; reason: string };
const explain = (page: Page) =>
  page.evaluate(() => (window as unknown as { uptake: { explain(): Promise<Explanation[]> } }).uptake.explain());

describe('"why not shown" in Chromium: uptake.explain() and data-debug', () => {
  it('says that the survey waits because the daily cap was used by the tip, and when the tip may come back', async () => {
    const studio = studioClient(site().collector.url, adminToken);
    await studio.put('prompts', 'page-tip', { trigger: { url: '/**' }, content: { title: 'Name the reader first' } });
    await studio.put('surveys', 'pulse', {
      trigger: { url: '/**' },
      questions: [{ id: 'confidence', type: 'scale', text: 'How confident are you with the assistant?' }],
    });
    await studio.act('prompts', 'page-tip', 'publish');
    await studio.act('surveys', 'pulse', 'publish');

    const page = await site().browser.newPage();
    const info: string[] = [];
    page.on('console', (m) => m.type() === 'info' && info.push(m.text()));
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    // The script tag with the debug flag, as a tool team would set it while checking their prompts:
    // added as the parser inserts the tag, before the async script runs and reads its attributes.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const tag = document.querySelector('script[data-write-key]');
        if (!tag) return;
        tag.setAttribute('data-debug', '');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${site().tool.url}/`);
    const card = page.locator('uptake-prompt');
    await card.getByText('Name the reader first').waitFor();
    // Said after the look that showed the tip.
    await expect
      .poll(() => info.join('\n'))
      .toMatch(/^\[uptake\] prompt page-tip: cooling down until .*\nsurvey pulse: due, but page-tip is on screen$/m);
    expect(requested).toContain('/uptake-explain.js');

    expect(await explain(page)).toEqual([
      {
        kind: 'prompt',
        id: 'page-tip',
        due: false,
        reason: expect.stringMatching(/^cooling down until .* UTC \(shown at .* UTC, frequency\.cooldownDays 3\)$/),
      },
      { kind: 'survey', id: 'pulse', due: false, reason: 'due, but page-tip is on screen' },
    ]);
    await card.getByRole('button', { name: 'Not now' }).click();
    await card.waitFor({ state: 'detached' });
    const after = await explain(page);
    expect(after[1]).toEqual({
      kind: 'survey',
      id: 'pulse',
      due: false,
      reason: expect.stringMatching(
        /^due, but the daily cap \(fatigue\.perDay 1\) is used by prompt page-tip at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
      ),
    });
    // The debug lines follow the page: the next look says the same.
    await page.evaluate(() => (window as unknown as { uptake: { track(n: string): void } }).uptake.track('report.generated'));
    await expect.poll(() => info.at(-1)).toContain('survey pulse: due, but the daily cap (fatigue.perDay 1) is used by prompt page-tip');
    expect(await page.locator('uptake-pulse').count()).toBe(0);
    await page.close();
  });

  it('without the flag the console stays quiet and uptake-explain.js loads only when asked', async () => {
    const page = await site().browser.newPage();
    const info: string[] = [];
    page.on('console', (m) => m.type() === 'info' && info.push(m.text()));
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${site().tool.url}/`);
    await page.locator('uptake-prompt').getByText('Name the reader first').waitFor();
    expect(requested).not.toContain('/uptake-explain.js');
    expect((await explain(page)).map((e) => e.id)).toEqual(['page-tip', 'pulse']);
    expect(requested).toContain('/uptake-explain.js');
    expect(info).toEqual([]);
    await page.close();
  });
});
