import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Collector } from '../../packages/collector/src/start-collector.js';
import { useChromium } from '../helpers/chromium.js';
import { demoCollector } from '../helpers/demo-collector.js';

const browser = useChromium();
const viewer = `managers-${'v'.repeat(32)}`;
const analyst = `hr-${'a'.repeat(40)}`;
let collector: Collector & { stop(): Promise<void> };
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  collector = await demoCollector(300, (config) => ({
    ...config,
    tokens: [
      { name: 'managers', role: 'viewer', token: viewer },
      { name: 'hr-analytics', role: 'analyst', token: analyst },
    ],
  }));
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  // A 403 (a panel asking for what the role may not read) would be logged here too.
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
}, 120_000);

afterAll(async () => {
  await collector?.stop();
});

async function signIn(token: string): Promise<void> {
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  await page.waitForSelector('[data-state="ready"]', { timeout: 20_000 });
}

describe('the dashboard shows what the role may use, and says why the rest is hidden', () => {
  it('a viewer sees the figures, no export and no live counts, with the reason', async () => {
    await page.goto(`${collector.url}/dashboard/`);
    await signIn(viewer);
    expect(await page.locator('[data-caller]').innerText()).toBe('Signed in as managers (viewer)');
    expect(await page.locator('[data-figure="trained"]').count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Download/ }).count()).toBe(0);
    expect(await page.locator('uptake-export, uptake-live').count()).toBe(0);
    expect(await page.locator('[data-withheld="export"] h2').innerText()).toBe('Export the events');
    expect(await page.locator('[data-withheld="export"] p').innerText()).toBe(
      'Exporting events needs an analyst or admin token; you are signed in as managers, with the viewer role.',
    );
    expect(await page.locator('[data-withheld="live"] p').innerText()).toBe(
      'Live activity shows exact event counts: reading exact counts needs an analyst or admin token; you are signed in as managers, with the viewer role.',
    );
    expect(problems).toEqual([]);
  });

  it('an analyst, signed in after the viewer signed out, gets the exports and live activity', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(analyst);
    expect(await page.locator('[data-caller]').innerText()).toBe('Signed in as hr-analytics (analyst)');
    expect(await page.getByRole('button', { name: /^Download/ }).allInnerTexts()).toEqual([
      'Download CSV',
      'Download NDJSON',
      'Download Parquet',
    ]);
    await expect.poll(() => page.locator('[data-figure="live-total"]').innerText(), { timeout: 20_000 }).toMatch(/events from/);
    // Only the studio stays withheld: editing prompts and surveys is for editors and admins.
    expect(await page.locator('[data-withheld]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['withheld']))).toEqual([
      'studio',
    ]);
    expect(await page.locator('[data-withheld="studio"] p').innerText()).toBe(
      'Editing prompts and surveys needs an editor or admin token; you are signed in as hr-analytics, with the analyst role.',
    );
    expect(problems).toEqual([]);
  });

  it('every read of the dashboard is in the audit log under the token name', async () => {
    await expect
      .poll(async () => new Set((await collector.store.readAudit()).map((l) => `${l.token} ${l.endpoint.split('?')[0]} ${l.status}`)))
      .toEqual(
        new Set([
          'managers /v1/tools 200',
          'managers /v1/metrics 200',
          'hr-analytics /v1/tools 200',
          'hr-analytics /v1/metrics 200',
          'hr-analytics /v1/stats 200',
        ]),
      );
  });
});
