import { describe, expect, it } from 'vitest';
import { servedItems, studioClient } from '../../packages/collector/test/studio/studio-client.js';
import { useExampleToolSite } from '../helpers/example-tool-site.js';

const adminToken = 'e2e-admin-token-0123456789';
const site = useExampleToolSite((toolUrl) => ({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identitySecret: 'e2e-identity-secret-0123', origins: [toolUrl] }],
  adminToken,
  // Each reload below may show the tip again.
  fatigue: { perDay: 20, perWeek: 50 },
}));

const tip = (title: string) => ({
  trigger: { url: '/**' },
  content: { title, body: 'Try: "Summarize for the CFO in three bullets."' },
  frequency: { maxShows: 10, cooldownDays: 0 },
});

describe('the studio in real Chromium: live without a restart', () => {
  it('a tip published over the API shows at the next load of the example tool, and an edit at the load after', async () => {
    const studio = studioClient(site().collector.url, adminToken);
    const page = await site().browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const configAnswers: number[] = [];
    page.on('response', (r) => new URL(r.url()).pathname === '/v1/config' && configAnswers.push(r.status()));

    await page.goto(`${site().tool.url}/`);
    await page.waitForFunction(() => typeof (window as { uptake?: { show?: unknown } }).uptake?.show === 'function');
    await expect.poll(() => configAnswers.length).toBe(1);
    expect(await page.locator('uptake-prompt').count()).toBe(0);

    expect((await studio.put('prompts', 'studio-tip', tip('Say who the summary is for'))).status).toBe(201);
    expect((await studio.act('prompts', 'studio-tip', 'publish')).body['status']).toBe('live');
    await page.reload();
    await expect.poll(() => page.locator('uptake-prompt').getByText('Say who the summary is for').count(), { timeout: 10_000 }).toBe(1);

    const draft = await studio.put('prompts', 'studio-tip', tip('Name the reader first'));
    // A draft is not served: the next load still shows the published text.
    await page.reload();
    await expect.poll(() => page.locator('uptake-prompt').getByText('Say who the summary is for').count(), { timeout: 10_000 }).toBe(1);
    await studio.act('prompts', 'studio-tip', 'publish', { 'If-Match': draft.etag as string });
    await page.reload();
    await expect.poll(() => page.locator('uptake-prompt').getByText('Name the reader first').count(), { timeout: 10_000 }).toBe(1);

    // Every load revalidated the person's config, and the same collector served it throughout.
    expect(configAnswers.length).toBeGreaterThanOrEqual(4);
    expect((await servedItems(site().collector.url)).ids).toEqual(['studio-tip']);
    const shown = await site().waitForEvents((es) => es.filter((e) => e.name === 'prompt.shown').length >= 3);
    expect(shown.filter((e) => e.name === 'prompt.shown' && e.props['promptId'] === 'studio-tip')).toHaveLength(3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
