import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userHash } from '../../packages/collector/src/identity/user-hash.js';
import type { Collector } from '../../packages/collector/src/start-collector.js';
import { useChromium } from '../helpers/chromium.js';
import { demoCollector } from '../helpers/demo-collector.js';

const browser = useChromium();
let collector: Collector & { stop(): Promise<void> };
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  collector = await demoCollector();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  // Anything the Content-Security-Policy blocks (an inline style, say) is a failure too.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
}, 120_000);

afterAll(async () => {
  await collector?.stop();
});

const token = () => collector.config.adminToken;
const figure = (name: string) => page.locator(`[data-figure="${name}"]`).innerText();
// Metrics on a loaded 2-core machine can take a few seconds: wait for figures, not for a fixed time.
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000 });
const ready = () => page.waitForSelector('[data-state="ready"]');

/** axe-core's violations on the page, every table behind a chart opened. Evaluated through DevTools: the page's CSP allows no injected script. */
async function axeViolations(): Promise<string[]> {
  const source = await readFile(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 5).map((n) => n.target))}`);
  });
}

describe('the dashboard in Chromium, on the demo organisation', () => {
  it('asks for the token; a wrong one gets a clear message and is not kept', async () => {
    const response = await page.goto(`${collector.url}/dashboard`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(new URL(page.url()).pathname).toBe('/dashboard/');
    await page.getByLabel('Admin token').fill('this-is-not-the-admin-token');
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    await poll(() => page.getByRole('alert').innerText()).toContain('does not accept this admin token');
    expect(await page.evaluate(() => sessionStorage.getItem('uptake.adminToken'))).toBeNull();
    expect(await page.getByLabel('Admin token').getAttribute('aria-invalid')).toBe('true');
    // The refused request is the only thing Chromium logged (it logs every 4xx answer to a fetch).
    expect(problems).toEqual([expect.stringMatching(/status of 401/)]);
    problems.length = 0;
  });

  it('with the right token, draws every chart with data and fills every table', async () => {
    await page.getByLabel('Admin token').fill(token());
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    await ready();
    // Each uPlot chart has drawn values, and its canvas has ink on it.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('uptake-chart')].every((c) => Number((c as HTMLElement).dataset['points']) > 0),
    );
    const charts = await page.$$eval('uptake-chart', (els) =>
      els.map((el) => {
        const canvas = el.querySelector('canvas') as HTMLCanvasElement;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] as number) > 0) inked++;
        return { chart: el.getAttribute('data-chart'), points: Number((el as HTMLElement).dataset['points']), inked };
      }),
    );
    expect(charts.map((c) => c.chart)).toEqual(['trends', 'sustained-program', 'sustained-role', 'decay']);
    for (const c of charts) {
      expect(c.points, c.chart as string).toBeGreaterThan(4);
      expect(c.inked, c.chart as string).toBeGreaterThan(2000);
    }
    // The headline figures are numbers.
    expect(await figure('trained')).toMatch(/^\d{1,3}(,\d{3})*$/);
    expect(await figure('sustained-d90')).toMatch(/^\d+%$/);
    expect(await figure('gap')).toMatch(/^\d{1,3}(,\d{3})*$/);
    expect(await figure('behavior-verdict')).toMatch(/^(Failing at behaviour transfer|Passing): \d+% of [\d,]+ respondents/);
    expect(await figure('acceptance')).toMatch(/^\d+%$/);
    // Retention heatmap: coloured cells for every cohort; decay: a half-life and plateau per program.
    expect(await page.locator('[data-chart="retention"] tbody tr').count()).toBeGreaterThan(5);
    expect(await page.locator('[data-chart="retention"] td.rate').count()).toBeGreaterThan(50);
    expect(
      await page
        .locator('[data-chart="retention"] td.rate')
        .first()
        .evaluate((td) => getComputedStyle(td).backgroundColor),
    ).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('.fit-summary li').allInnerTexts()).toEqual([
      expect.stringMatching(/^workshop: half-life [\d.]+ days, plateau [\d.]+%$/),
      expect.stringMatching(/^twelve-week: half-life [\d.]+ days, plateau [\d.]+%$/),
    ]);
    // Output bars have widths; the uplift has its interval drawn.
    const widths = await page.$$eval('.bars .bar', (bars) => bars.map((b) => b.getBoundingClientRect().width));
    expect(widths).toHaveLength(3);
    for (const w of widths) expect(w).toBeGreaterThan(10);
    expect(
      await page
        .locator('.forest .ci')
        .first()
        .evaluate((el) => el.getBoundingClientRect().width),
    ).toBeGreaterThan(5);
    // Web-vitals: the five metrics of the tool.
    expect(await page.locator('[data-chart="vitals"] tbody tr td:nth-child(2)').allInnerTexts()).toEqual([
      'LCP',
      'INP',
      'CLS',
      'FCP',
      'TTFB',
    ]);
    // Every chart's table has rows.
    const tables = await page.$$eval('details.data-table table', (ts) => ts.map((t) => t.querySelectorAll('tbody tr').length));
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const rows of tables) expect(rows).toBeGreaterThan(0);
  });

  it('shows a suppressed group as "suppressed", never as zero', async () => {
    // The example config's spaced-recap prompt has a goal but no exposures in the demo: both arms are empty.
    const recap = page.locator('.uplift li', { hasText: 'spaced-recap' });
    expect(await recap.innerText()).toContain('suppressed');
    expect(await recap.innerText()).not.toMatch(/\b0(\.0)?( pts|%)/);
    const row = page.locator('details.data-table tr', { hasText: 'spaced-recap' });
    expect(await row.locator('td').allTextContents()).toEqual(Array(9).fill('suppressed'));
  });

  it('keeps the token in sessionStorage, never in the URL, and stays signed in on reload', async () => {
    expect(await page.evaluate(() => sessionStorage.getItem('uptake.adminToken'))).toBe(token());
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(token());
    expect(page.url()).not.toContain(token());
    await page.reload();
    await ready();
    expect(await page.getByLabel('Admin token').count()).toBe(0);
    expect(page.url()).toBe(`${collector.url}/dashboard/`);
  });

  it('filters re-query the metrics and change the figures', async () => {
    const all = { trained: await figure('trained'), d90: await figure('sustained-d90') };
    await page.getByLabel('Program', { exact: true }).selectOption('workshop');
    await poll(() => page.locator('.fit-summary li').count()).toBe(1);
    await ready();
    const workshop = { trained: await figure('trained'), d90: await figure('sustained-d90') };
    expect(workshop.trained).not.toBe(all.trained);
    expect(Number(workshop.trained.replace(/,/g, ''))).toBeLessThan(Number(all.trained.replace(/,/g, '')));
    expect(parseInt(workshop.d90, 10)).toBeLessThan(parseInt(all.d90, 10));

    const cohort = (await page.locator('#filter-cohort option').allInnerTexts()).find((c) => c.startsWith('workshop-')) as string;
    await page.getByLabel('Cohort', { exact: true }).selectOption(cohort);
    await poll(() => page.locator('[data-chart="retention"] tbody tr').allInnerTexts()).toEqual([expect.stringContaining(cohort)]);

    await page.getByLabel('Cohort', { exact: true }).selectOption('');
    await page.getByLabel('Program', { exact: true }).selectOption('');
    await poll(() => figure('trained')).toBe(all.trained);
    // Four months earlier, fewer people had been trained.
    const earlier = new Date(Date.now() - 120 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('As of').fill(earlier);
    await poll(async () => Number((await figure('trained')).replace(/,/g, ''))).toBeLessThan(Number(all.trained.replace(/,/g, '')));
    expect(await page.locator('[role="status"][data-state]').innerText()).toContain(`Figures as of ${earlier}`);
    await page.getByLabel('Tool', { exact: true }).selectOption('assistant');
    await poll(() => page.locator('[role="status"][data-state]').innerText()).toBe(
      `Figures as of ${earlier} · tool assistant · all programs; groups of fewer than 10 people are suppressed.`,
    );
  });

  it('axe-core finds no violation', async () => {
    expect(await axeViolations()).toEqual([]);
  });

  it('exports download with the token, as files named by the collector', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^uptake-events-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) as string, 'utf8');
    const lines = csv.split(/\r?\n/);
    expect(lines[0]).toBe('id,name,ts,receivedAt,userId,anonymousId,sessionId,tool,props');
    expect(lines.length).toBeGreaterThan(1000);
    await poll(() => page.locator('uptake-export [role="status"]').innerText()).toMatch(/^Saved uptake-events-.*\.csv \([\d,]+ bytes\)\.$/);
  });

  it('live activity shows new events within seconds', async () => {
    await poll(() => figure('live-total')).toMatch(/events from/);
    const id = `live-${Date.now().toString(36)}`;
    // The demo's tool verifies identity: the page of u-live carries the hash its backend computed.
    const secret = [collector.config.tools.find((t) => t.id === 'assistant')?.identitySecret ?? []].flat()[0] as string;
    const res = await fetch(`${collector.url}/v1/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        writeKey: 'wk_assistant',
        identities: { 'u-live': userHash(secret, 'u-live') },
        events: [
          {
            id,
            name: 'ai.output_accepted',
            ts: new Date().toISOString(),
            userId: 'u-live',
            tool: 'assistant',
            props: { feature: 'draft' },
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    await poll(() => page.locator('[data-live="arrivals"]').innerText()).toContain('ai.output_accepted +1');
  });

  it('lists the events as they arrive, refused ones with their reasons, as text, pausable; axe-core still finds no violation', async () => {
    const secret = [collector.config.tools.find((t) => t.id === 'assistant')?.identitySecret ?? []].flat()[0] as string;
    const events = page.locator('[data-live="events"]');
    const send = (body: object) =>
      fetch(`${collector.url}/v1/batch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const event = (overrides: object) => ({
      id: `list-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      name: 'ai.output_shown',
      ts: new Date().toISOString(),
      userId: 'u-list',
      tool: 'assistant',
      props: { feature: 'draft' },
      ...overrides,
    });
    const res = await send({
      writeKey: 'wk_assistant',
      identities: { 'u-list': userHash(secret, 'u-list') },
      events: [
        // Markup in a prop stays text: no element is made of it.
        event({ props: { feature: '<img src=x onerror=alert(1)>' } }),
        event({ userId: 'u-nohash' }),
      ],
    });
    expect(res.status).toBe(200);
    await poll(() => events.locator('li[data-status="refused"]').count()).toBe(1);
    expect(await events.locator('li[data-status="refused"]').innerText()).toMatch(
      /ai\.output_shown\s+person [0-9a-f]{6}\s+Refused events\[1\]: userId: no valid userHash/,
    );
    const shown = events.locator('li[data-status="accepted"]').first();
    expect(await shown.innerText()).toMatch(/assistant ai\.output_shown person [0-9a-f]{6} feature=<img src=x onerror=alert\(1\)>/);
    expect(await events.locator('img').count()).toBe(0);
    expect(await events.innerText()).not.toMatch(/u-list|u-nohash/);

    // Paused, the list holds still and says how many arrived meanwhile; resumed, it shows them.
    await page.getByRole('button', { name: 'Pause' }).click();
    const before = await events.locator('li').count();
    expect((await send({ writeKey: 'wk_asistant', events: [event({})] })).status).toBe(401);
    await poll(() => page.locator('[data-live="held"]').innerText()).toBe('Paused: 1 new event held back.');
    expect(await events.locator('li').count()).toBe(before);
    await page.getByRole('button', { name: 'Resume' }).click();
    expect(await events.locator('li').first().innerText()).toMatch(
      /Batch refused \(401, 1 event\) write key wk_asistant: unknown write key/,
    );
    expect(await axeViolations()).toEqual([]);
  });

  it('logged no console error and no CSP violation', async () => {
    expect(problems).toEqual([]);
    // The listener does catch what the policy blocks: an inline style attribute is one.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>'));
    await poll(async () => problems).toContainEqual(expect.stringMatching(/^console: CSP violation: style-src-attr/));
  });
});
