import type { Browser, Page } from 'playwright-core';

/**
 * Opens the dashboard of the collector at `url` in a new page and signs in with `token`, waiting for
 * its figures; `problems` collects page errors and console errors (a refused request included).
 */
export async function signInDashboard(browser: Browser, url: string, token: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(`${url}/dashboard/`);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  await page.waitForSelector('[data-state="ready"]', { timeout: 20_000 });
  return { page, problems };
}
