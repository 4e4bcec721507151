import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/**
 * axe-core's violations within `selector` of the page, every `<details>` there opened first (so the
 * rules see what a reader can open). Evaluated through DevTools: the dashboard's CSP allows no
 * injected script.
 */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const source = await readFile(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async (within) => {
    const root = document.querySelector(within) as Element;
    for (const d of root.querySelectorAll('details')) d.open = true;
    const axe = (
      window as unknown as {
        axe: { run(ctx: Element, o: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(root, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 5).map((n) => n.target))}`);
  }, selector);
}
