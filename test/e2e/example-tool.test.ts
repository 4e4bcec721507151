import { describe, expect, it } from 'vitest';
import { useExampleToolSite } from '../helpers/example-tool-site.js';

const site = useExampleToolSite((toolUrl) => ({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identitySecret: 'e2e-identity-secret-0123', origins: [toolUrl] }],
  adminToken: 'e2e-admin-token-0123456789',
}));
const waitForEvents: ReturnType<typeof site>['waitForEvents'] = (predicate, timeoutMs) => site().waitForEvents(predicate, timeoutMs);

describe('the example tool in real Chromium, with the script tag and a real collector', () => {
  it('Ask then Accept stores identify, ai.request, ai.output_shown and ai.output_accepted, and nothing typed', async () => {
    const page = await site().browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${site().tool.url}/`);
    // The script tag replaces the command queue array with the API once it has loaded.
    await page.waitForFunction(() => typeof (window as { uptake?: { flush?: unknown } }).uptake?.flush === 'function');

    const secret = 'Confidential merger notes for Project Falcon';
    await page.getByLabel('Your request').fill(secret);
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.getByRole('button', { name: 'Accept' }).click();

    const events = await waitForEvents((es) => es.some((e) => e.name === 'ai.output_accepted'));
    const names = events.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['identify', 'ai.request', 'ai.output_shown', 'ai.output_accepted']));
    expect(names.filter((n) => n === 'ai.output_accepted')).toHaveLength(1);
    const accepted = events.find((e) => e.name === 'ai.output_accepted');
    expect(accepted?.props['feature']).toBe('summarize');
    expect(accepted?.tool).toBe('assistant');
    const identify = events.find((e) => e.name === 'identify');
    expect(['executive', 'leader', 'professional', 'technical']).toContain(identify?.props['role']);
    // Every event of the page belongs to the identified user, stored as a keyed hash.
    expect(new Set(events.map((e) => e.userId)).size).toBe(1);
    expect(accepted?.userId).toMatch(/^[0-9a-f]{64}$/);

    // web-vitals arrives after the page's load, from uptake-vitals.js: FCP and TTFB at once, LCP at the first input.
    const vitals = await waitForEvents((es) =>
      ['FCP', 'TTFB', 'LCP'].every((m) => es.some((e) => e.name === 'perf.vital' && e.props['metric'] === m)),
    );
    const perf = vitals.filter((e) => e.name === 'perf.vital');
    expect(perf.map((e) => e.props['metric']).sort()).toEqual(expect.arrayContaining(['FCP', 'LCP', 'TTFB']));
    for (const e of perf)
      expect([typeof e.props['value'], e.props['rating']]).toEqual(['number', expect.stringMatching(/^(good|needs-improvement|poor)$/)]);

    // This collector's config has no prompts: the person's config is fetched once, the prompts chunk never.
    expect(requested.filter((p) => p === '/v1/config')).toHaveLength(1);
    expect(requested).not.toContain('/uptake-prompts.js');
    expect(requested).toContain('/uptake-vitals.js');

    const stored = JSON.stringify(events);
    expect(stored).not.toContain('Project Falcon');
    expect(stored).not.toContain('Q3 spend came in');
    expect(errors).toEqual([]);
    await page.close();
  });
});
