// `npm run screenshots`: the dashboard's pictures in docs/images, taken in real Chromium against a
// collector holding the demo organisation (seed 42, as `npm start` writes it). Anyone can repeat it;
// the pictures change only when the dashboard or the demo does (and with the date: the demo ends today).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { generateDemo, loadConfig, startCollector } from '@uptake/collector';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = (name) => join(root, 'docs', 'images', name);

const dir = await mkdtemp(join(tmpdir(), 'uptake-screenshots-'));
const config = await loadConfig(join(root, 'examples', 'uptake.config.json'));
const collector = await startCollector({ config, db: join(dir, 'uptake.duckdb'), port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  process.stdout.write('Writing the demo organisation… ');
  const demo = await generateDemo(collector.store, config, {
    seed: 42,
    employees: 4200,
    until: new Date().toISOString().slice(0, 10),
    tool: 'assistant',
  });
  console.log(`${demo.written ? demo.events.toLocaleString('en-US') : 0} events`);

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => console.error(`page error: ${e}`));
  await page.goto(`${collector.url}/dashboard`);
  await page.getByLabel('Admin token').waitFor();
  await page.screenshot({ path: out('dashboard-sign-in.png') });

  await page.getByLabel('Admin token').fill(config.adminToken);
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  const drawn = () =>
    page.waitForFunction(
      () => document.querySelectorAll('uptake-chart[data-points]').length === 3 && document.querySelector('[data-state="ready"]'),
    );
  await drawn();
  await page.screenshot({ path: out('dashboard.png'), fullPage: true });

  // One program, to show what the filters do.
  await page.getByLabel('Program', { exact: true }).selectOption('workshop');
  await page.waitForFunction(
    () =>
      document.querySelector('[data-state="ready"]') &&
      document.querySelector('[data-program]')?.getAttribute('data-program') === 'workshop' &&
      document.querySelectorAll('[data-program]').length === 1,
  );
  await drawn();
  await page.screenshot({ path: out('dashboard-workshop.png'), fullPage: true });
  console.log('Wrote docs/images/dashboard-sign-in.png, dashboard.png and dashboard-workshop.png');
} finally {
  await browser.close();
  await collector.close();
  await rm(dir, { recursive: true, force: true });
}
