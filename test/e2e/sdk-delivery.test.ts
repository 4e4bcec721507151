import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/chromium.js';
import { deliveries, distinct, openSdkPage, track, waitForQueued, waitForSdk, type Uptake } from '../helpers/sdk-page.js';
import { startSdkTestSite, type SdkTestSite } from '../helpers/sdk-test-site.js';

// The SDK's delivery guarantees in real Chromium: the built uptake.js from a script tag, real
// IndexedDB, Web Locks and sendBeacon, and the real collector (DuckDB) behind a fault-injecting proxy.

const browser = useChromium();
let site: SdkTestSite;
let context: BrowserContext;

beforeEach(async () => {
  site = await startSdkTestSite();
  context = await browser.newContext();
});
afterEach(async () => {
  await context?.close();
  await site?.close();
});

async function open(flushInterval?: number): Promise<Page> {
  return openSdkPage(context, site.pageUrl({ flushInterval }));
}

describe('uptake.js delivery in real Chromium, with a real collector', () => {
  it('events queued, page reloaded before they were sent: all delivered after the reload, exactly once', async () => {
    site.mode = 'fail';
    const page = await open();
    await track(page, 'e2e.reload', 25);
    await waitForQueued(page, 'e2e.reload', 25);
    await page.reload();
    // The unload beacon carried them to a failing collector: only IndexedDB still has them.
    await site.waitFor(() => site.batches.some((b) => b.fetchMode === 'no-cors'));
    await waitForSdk(page);
    expect((await site.waitForStored('e2e.', 1, 0)).length).toBe(0);
    site.mode = 'pass';

    const stored = await site.waitForStored('e2e.reload', 25);
    expect(stored).toHaveLength(25);
    expect(distinct(stored)).toBe(25);
    expect(stored.map((e) => e.props['n']).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 25 }, (_, n) => n));
    // Sent by the reloaded page's fetch (cors), each event in exactly one successful request.
    const times = deliveries(site.batches, 'e2e.reload');
    expect([...times.values()].every((t) => t === 1)).toBe(true);
    expect(site.batches.filter((b) => b.status === 200 && b.names.includes('e2e.reload')).every((b) => b.fetchMode === 'cors')).toBe(true);
    await waitForQueued(page, 'e2e.reload', 0);
  });

  it('offline: events are held; back online: all delivered', async () => {
    const page = await open(500);
    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await track(page, 'e2e.offline', 30);
    await page.evaluate(() => (window as unknown as { uptake: Uptake }).uptake.flush());
    await waitForQueued(page, 'e2e.offline', 30);
    expect(site.batches.filter((b) => b.names.includes('e2e.offline'))).toEqual([]);

    await context.setOffline(false);
    const stored = await site.waitForStored('e2e.offline', 30);
    expect(distinct(stored)).toBe(30);
    expect([...deliveries(site.batches, 'e2e.offline').values()].every((t) => t === 1)).toBe(true);
  });

  it('tab hidden: a text/plain beacon delivers the events, after the page is gone', async () => {
    // A scheduled send would come only after ten minutes: anything stored now came by beacon.
    const page = await open(600_000);
    await track(page, 'e2e.hidden', 12);
    await page.close({ runBeforeUnload: true });

    const stored = await site.waitForStored('e2e.hidden', 12);
    expect(distinct(stored)).toBe(12);
    const beacons = site.batches.filter((b) => b.names.includes('e2e.hidden'));
    expect(beacons.length).toBeGreaterThan(0);
    for (const b of beacons) {
      // sendBeacon with a string body: mode no-cors, text/plain, no preflight.
      expect(b.fetchMode).toBe('no-cors');
      expect(b.contentType).toBe('text/plain;charset=UTF-8');
      expect(b.status).toBe(200);
    }
  });

  for (const locks of ['Web Locks', 'the IndexedDB lease (no Web Locks)'] as const) {
    it(`two tabs tracking at once, one sender at a time through ${locks}: every event stored exactly once, none sent twice`, async () => {
      if (locks !== 'Web Locks') {
        await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }));
      }
      site.delayMs = 150; // slow answers make the two tabs' sends overlap
      const [tabA, tabB] = [await open(300), await open(300)];
      expect(await tabA.evaluate(() => typeof navigator.locks)).toBe(locks === 'Web Locks' ? 'object' : 'undefined');
      const burst = async (page: Page, from: number) => {
        for (let i = 0; i < 10; i++) {
          await track(page, 'e2e.tabs', 20, from + i * 20);
          await page.evaluate(() => new Promise((r) => setTimeout(r, 40)));
        }
      };
      await Promise.all([burst(tabA, 0), burst(tabB, 1000)]);
      await Promise.all([tabA, tabB, tabA, tabB].map((p) => p.evaluate(() => (window as unknown as { uptake: Uptake }).uptake.flush())));

      const stored = await site.waitForStored('e2e.tabs', 400);
      expect(stored).toHaveLength(400);
      expect(distinct(stored)).toBe(400);
      const times = deliveries(site.batches, 'e2e.tabs');
      expect(times.size).toBe(400);
      expect([...times.values()].filter((t) => t > 1)).toEqual([]);
      // Not one id went out twice, not even in a request that failed.
      const sent = site.batches.flatMap((b) => b.ids.filter((_, i) => b.names[i] === 'e2e.tabs'));
      expect(sent.length).toBe(400);
    });
  }

  it('a collector answering 503 for a while, then 200: nothing lost', async () => {
    site.mode = 'fail';
    const page = await open(300);
    await track(page, 'e2e.outage', 40);
    await site.waitFor(() => site.batches.filter((b) => b.status === 503).length >= 2);
    await track(page, 'e2e.outage', 40, 40);
    await site.waitFor(() => site.batches.filter((b) => b.status === 503).length >= 3);
    site.mode = 'pass';

    const stored = await site.waitForStored('e2e.outage', 80);
    expect(distinct(stored)).toBe(80);
    expect([...deliveries(site.batches, 'e2e.outage').values()].every((t) => t === 1)).toBe(true);
    // Retry-After: 1 was honoured: no retry came sooner than about a second after a 503.
    expect(site.batches.filter((b) => b.status === 503).length).toBeLessThan(10);
  });
});
