import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userHash } from '../../packages/collector/src/identity/user-hash.js';
import { useChromium } from '../helpers/chromium.js';
import { openSdkPage, track, waitForQueued, waitForSdk, type Uptake } from '../helpers/sdk-page.js';
import { startSdkTestSite, type SdkTestSite } from '../helpers/sdk-test-site.js';

// Identity verification in real Chromium (SPEC "Identity verification"): the SDK keeps each user
// id's userHash with the events queued for it in IndexedDB, so events queued before a reload, in
// another tab or before someone else signs in still carry theirs, and the collector, which refuses
// a user id without a valid hash, stores every one of them.

const secret = 'e2e-identity-secret-0123456789';
const browser = useChromium();
let site: SdkTestSite;
let context: BrowserContext;

beforeEach(async () => {
  site = await startSdkTestSite({ identitySecret: secret });
  context = await browser.newContext();
});
afterEach(async () => {
  await context?.close();
  await site?.close();
});

/** Signs `userId` in on the page as the tool's backend would: with the hash only the backend can compute. */
async function identify(page: Page, userId: string): Promise<void> {
  const hash = userHash(secret, userId);
  await page.evaluate(
    ([id, h]) => (window as unknown as { uptake: Uptake }).uptake.push(['identify', id, { role: 'professional' }, { userHash: h }]),
    [userId, hash] as const,
  );
}

/**
 * Stored events whose name starts with `prefix`, once `count` are stored: the numbers (`props.n`) of
 * each stored person's events, people in the order of their first number. Ids are stored as keyed
 * hashes, so a person is told apart by their pseudonym.
 */
async function storedPeople(prefix: string, count: number): Promise<number[][]> {
  const byPerson = new Map<string, number[]>();
  for (const e of await site.waitForStored(prefix, count)) {
    const list = byPerson.get(String(e.userId)) ?? [];
    list.push(Number(e.props['n']));
    byPerson.set(String(e.userId), list);
  }
  return [...byPerson.values()].map((ns) => ns.sort((a, b) => a - b)).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** Every event refused by the collector in the batches the browser sent. */
const refusals = () => site.batches.filter((b) => b.status === 200).flatMap((b) => b.rejected ?? []);

describe('identity verification in real Chromium: each queued event keeps its userHash', () => {
  it('events of one person queued before a reload, then another person signed in: all stored under their own ids', async () => {
    site.mode = 'fail';
    const page = await openSdkPage(context, site.pageUrl());
    await identify(page, 'u-before');
    await track(page, 'id.reload', 10);
    await waitForQueued(page, 'id.reload', 10);
    await page.reload();
    await waitForSdk(page);
    await identify(page, 'u-after');
    await track(page, 'id.reload', 5, 10);
    site.mode = 'pass';
    expect(await storedPeople('id.reload', 15)).toEqual([range(0, 10), range(10, 15)]);
    expect(refusals()).toEqual([]);
  });

  it('two tabs signed in as two people, one sender: each event goes with its own person’s hash', async () => {
    site.mode = 'fail';
    const first = await openSdkPage(context, site.pageUrl({ flushInterval: 300 }));
    await identify(first, 'u-tab-1');
    await track(first, 'id.tabs', 8);
    const second = await openSdkPage(context, site.pageUrl({ flushInterval: 300 }));
    await identify(second, 'u-tab-2');
    await track(second, 'id.tabs', 8, 8);
    await waitForQueued(second, 'id.tabs', 16);
    site.mode = 'pass';
    expect(await storedPeople('id.tabs', 16)).toEqual([range(0, 8), range(8, 16)]);
    expect(refusals()).toEqual([]);
  });

  it('a re-identify before anything was sent: the first person’s events keep the first hash', async () => {
    site.mode = 'fail';
    const page = await openSdkPage(context, site.pageUrl());
    await identify(page, 'u-first');
    await track(page, 'id.switch', 6);
    await identify(page, 'u-second');
    await track(page, 'id.switch', 6, 6);
    await waitForQueued(page, 'id.switch', 12);
    site.mode = 'pass';
    expect(await storedPeople('id.switch', 12)).toEqual([range(0, 6), range(6, 12)]);
    expect(refusals()).toEqual([]);
  });

  it('a page that passes no userHash gets its events refused, naming the reason, and nothing stored in that name', async () => {
    const page = await openSdkPage(context, site.pageUrl());
    await page.evaluate(() => (window as unknown as { uptake: Uptake }).uptake.push(['identify', 'u-unproven', {}]));
    await track(page, 'id.unproven', 3);
    await page.evaluate(() => (window as unknown as { uptake: Uptake }).uptake.flush());
    await site.waitFor(() => refusals().length >= 4);
    expect(refusals().every((r) => /no valid userHash/.test(r.error))).toBe(true);
    expect((await site.collector.store.events()).filter((e) => e.name.startsWith('id.unproven'))).toEqual([]);
  });
});
