import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportRow } from '../../packages/collector/src/export/export-row.js';
import { backoffMaxMs } from '../../packages/sdk/src/delivery/backoff.js';
import { useChromium } from '../helpers/chromium.js';
import { startFaultSite, type FaultSite } from '../helpers/fault-site.js';
import { figure, longRun, scale } from '../helpers/reliability-scale.js';
import { flush, openSdkPage, track, waitForSdk } from '../helpers/sdk-page.js';
import { waitFor } from '../helpers/wait-for.js';

// Faults of the collector process and of the browser, with the built uptake.js in real Chromium and
// `uptake serve` on a DuckDB file in a child process behind the recording proxy. Every test counts
// distinct ids: each event tracked is stored, once.

const browser = useChromium();
let site: FaultSite;
const contexts: BrowserContext[] = [];

beforeEach(async () => {
  site = await startFaultSite();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await site?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openTab(flushInterval = 500): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return openSdkPage(context, site.page.url({ flushInterval }));
}

/** Exactly one stored row per tracked event: `expected` distinct `props.n` values, no id twice. */
function expectExactlyOnce(stored: ExportRow[], expected: number): void {
  expect(stored).toHaveLength(expected);
  expect(new Set(stored.map((e) => e.id)).size).toBe(expected);
  expect(new Set(stored.map((e) => e.props['n'])).size).toBe(expected);
}

/** A user at work: `perTick` events every 250 ms for `ms`, numbered on from `counter.n`. */
async function work(page: Page, name: string, counter: { n: number }, ms: number, perTick = 5): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await track(page, name, perTick, counter.n);
    counter.n += perTick;
    await sleep(250);
  }
}

describe('collector faults, real Chromium, uptake serve on DuckDB', () => {
  const downSeconds = scale(5, 60);
  it(
    `the collector down for ${downSeconds} s while the user works: every event arrives once it is back`,
    async () => {
      const page = await openTab();
      const counter = { n: 0 };
      await work(page, 'rel.down', counter, 1500);
      await site.waitForStored('rel.down', 1);

      expect(await site.collector.stop('SIGTERM')).toBe(0);
      const trackedBefore = counter.n;
      await work(page, 'rel.down', counter, downSeconds * 1000);
      // The outage was real: sends failed without an answer while it lasted.
      expect(site.proxy.batches.filter((b) => b.status === 0).length).toBeGreaterThan(0);
      const whileDown = counter.n - trackedBefore;

      await site.restart();
      const upAt = Date.now();
      await work(page, 'rel.down', counter, 5000);
      const stored = await site.waitForStored('rel.down', counter.n, backoffMaxMs + 30_000);
      expectExactlyOnce(stored, counter.n);
      figure(`collector down ${downSeconds} s: events tracked while down`, whileDown);
      figure(`collector down ${downSeconds} s: events tracked in all, stored exactly once`, counter.n);
      figure(`collector down ${downSeconds} s: seconds from restart to the last event stored`, ((Date.now() - upAt) / 1000).toFixed(1));
    },
    (downSeconds + 60) * 1000 + backoffMaxMs,
  );

  const users = scale(3, 6);
  it(`SIGKILL of the collector while ${users} browsers with two tabs each send: nothing acknowledged lost, nothing stored twice, all delivered after restart`, async () => {
    const tabs: Page[] = [];
    for (let u = 0; u < users; u++) {
      const context = await browser.newContext();
      contexts.push(context);
      for (let t = 0; t < 2; t++) tabs.push(await openSdkPage(context, site.page.url({ flushInterval: 300 })));
    }
    // Each tab numbers its events in a range of its own, so `props.n` tells every event apart.
    const counters = tabs.map((_, i) => ({ n: i * 1_000_000 }));
    let stop = false;
    const load = Promise.all(
      tabs.map(async (tab, i) => {
        while (!stop) await work(tab, 'rel.kill', counters[i] as { n: number }, 250, 10);
      }),
    );
    await waitFor(() => site.proxy.acknowledged('rel.kill').size >= scale(400, 2000), 30_000, 'acknowledged events before the kill');
    expect(await site.collector.stop('SIGKILL')).toBeNull();
    const acknowledged = site.proxy.acknowledged('rel.kill');
    await sleep(2000); // the tabs keep tracking against a dead collector

    // Restarted, but the browsers are held off (503) while the store is read: what it holds now is
    // what survived the crash, not what the browsers sent again.
    site.proxy.mode = 'fail';
    await site.restart();
    const survived = (await site.collector.stored()).filter((e) => e.name === 'rel.kill');
    const survivedIds = new Set(survived.map((e) => e.id));
    expect([...acknowledged].filter((id) => !survivedIds.has(id))).toEqual([]);
    expect(survivedIds.size).toBe(survived.length);

    site.proxy.mode = 'pass';
    stop = true;
    await load;
    await Promise.all(tabs.map((tab) => flush(tab)));
    const tracked = counters.reduce((sum, c, i) => sum + c.n - i * 1_000_000, 0);
    const stored = await site.waitForStored('rel.kill', tracked, 60_000);
    expectExactlyOnce(stored, tracked);
    figure(`SIGKILL with ${tabs.length} tabs: events acknowledged before the kill, all found after restart`, acknowledged.size);
    figure(`SIGKILL with ${tabs.length} tabs: events tracked in all, stored exactly once`, tracked);
  }, 120_000);

  const cycles = scale(4, 20);
  it(`the browser offline and online ${cycles} times while tracking: everything delivered once`, async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await openSdkPage(context, site.page.url({ flushInterval: 200 }));
    const counter = { n: 0 };
    for (let c = 0; c < cycles; c++) {
      await work(page, 'rel.offline', counter, 400);
      await context.setOffline(true);
      await work(page, 'rel.offline', counter, 400);
      await context.setOffline(false);
    }
    await flush(page);
    const stored = await site.waitForStored('rel.offline', counter.n);
    expectExactlyOnce(stored, counter.n);
    figure(`offline/online × ${cycles}: events tracked, stored exactly once`, counter.n);
  }, 120_000);

  const reloads = scale(10, 60);
  it(
    `${reloads} reloads while sending: everything delivered once`,
    async () => {
      site.proxy.delayMs = 80; // sends in flight when the page goes away
      const page = await openTab(200);
      let n = 0;
      for (let r = 0; r < reloads; r++) {
        await track(page, 'rel.reload', 20, n);
        n += 20;
        await sleep((r * 37) % 250); // a different moment of the send cycle each time
        await page.reload();
        await waitForSdk(page);
      }
      await flush(page);
      const stored = await site.waitForStored('rel.reload', n, 60_000);
      expectExactlyOnce(stored, n);
      const sent = site.proxy.batches.flatMap((b) => b.ids).length;
      figure(`${reloads} reloads: events tracked, stored exactly once`, n);
      figure(`${reloads} reloads: event copies sent (beacons and retries; the collector stores each id once)`, sent);
    },
    longRun ? 300_000 : 90_000,
  );
});
