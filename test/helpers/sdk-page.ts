import type { BrowserContext, Page } from 'playwright-core';
import type { ProxiedBatch } from './fault-proxy.js';

/** The part of the script tag's `window.uptake` the tests drive. */
export type Uptake = { push(...commands: unknown[]): number; flush(): Promise<void> };

/** Opens `url` in a new tab of `context` and resolves once the script tag has replaced the command queue; a page error fails it. */
export async function openSdkPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await waitForSdk(page);
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  return page;
}

/** Resolves once `uptake.js` has loaded in `page`. */
export async function waitForSdk(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof (window as unknown as { uptake?: Uptake }).uptake?.flush === 'function');
}

/** Tracks `count` events named `name` (numbered in `props.n`, from `from`) through the command queue. */
export async function track(page: Page, name: string, count: number, from = 0): Promise<void> {
  await page.evaluate(
    ({ name, count, from }) => {
      const uptake = (window as unknown as { uptake: Uptake }).uptake;
      for (let n = from; n < from + count; n++) uptake.push(['track', name, { n }]);
    },
    { name, count, from },
  );
}

/** Asks the page's SDK to send now. */
export async function flush(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { uptake: Uptake }).uptake.flush());
}

/** Events named `name` waiting in the page's IndexedDB queue, read with the browser's own IndexedDB. */
export function queuedInIndexedDb(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('uptake:assistant');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('events').objectStore('events').getAll();
          all.onsuccess = () => {
            resolve((all.result as { name: string }[]).filter((e) => e.name === name).length);
            open.result.close();
          };
        };
      }),
    name,
  );
}

/** Waits until the page's IndexedDB queue holds exactly `count` events named `name`. */
export async function waitForQueued(page: Page, name: string, count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await queuedInIndexedDb(page, name)) !== count) {
    if (Date.now() > deadline) throw new Error(`IndexedDB never held ${count} ${name} events`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** How many times each id reached the collector in a request it answered 200. */
export function deliveries(batches: ProxiedBatch[], prefix: string): Map<string, number> {
  const times = new Map<string, number>();
  for (const b of batches.filter((b) => b.status === 200)) {
    for (const [i, id] of b.ids.entries()) if (b.names[i]?.startsWith(prefix)) times.set(id, (times.get(id) ?? 0) + 1);
  }
  return times;
}

/** The number of distinct ids among `events`. */
export const distinct = (events: { id: string }[]): number => new Set(events.map((e) => e.id)).size;
