import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDelivery, type Delivery, type DeliveryOptions } from '../../src/delivery/create-delivery.js';
import { createEventQueue } from '../../src/storage/event-queue.js';
import { openQueueDb } from '../../src/storage/open-queue-db.js';
import { event } from '../helpers/event.js';
import { fakeCollector, until } from '../helpers/fake-collector.js';
import { useFreshIndexedDb } from '../helpers/fresh-indexeddb.js';

useFreshIndexedDb();

const started: Delivery[] = [];
const start = (o: Partial<DeliveryOptions> = {}): Delivery => {
  const d = createDelivery({ url: 'http://collector.test/v1/batch', writeKey: 'wk', tool: 'assistant', interval: 60_000, ...o });
  started.push(d);
  return d;
};
/** What is still queued in IndexedDB for the tool. */
const queued = async () => (await createEventQueue(openQueueDb('uptake:assistant')).peek(1e5)).events;

afterEach(async () => {
  await Promise.all(started.splice(0).map((d) => d.stop()));
  vi.restoreAllMocks();
  delete (navigator as { onLine?: boolean }).onLine;
  delete (document as { visibilityState?: string }).visibilityState;
});

describe('createDelivery', () => {
  it('writes events to IndexedDB at the next task, and flush sends them and empties the queue', async () => {
    const collector = fakeCollector();
    const d = start();
    d.add(event(1));
    d.add(event(2));
    await until(async () => (await queued()).length === 2);
    expect(collector.fetch).not.toHaveBeenCalled();
    await d.flush();
    expect(collector.ids()).toEqual([event(1).id, event(2).id]);
    expect(collector.received[0]?.url).toBe('http://collector.test/v1/batch');
    expect(await queued()).toEqual([]);
  });

  it('sends on its own every interval', async () => {
    const collector = fakeCollector();
    start({ interval: 100 }).add(event(1));
    await until(() => collector.ids().length === 1);
    expect(await queued()).toEqual([]);
  });

  it('sends at once when 100 events are waiting, in one batch', async () => {
    const collector = fakeCollector();
    const d = start();
    for (let i = 0; i < 100; i++) d.add(event(i));
    await until(() => collector.ids().length === 100);
    expect(collector.received).toHaveLength(1);
  });

  it('sets sentAt at the moment of sending, not when the event was tracked', async () => {
    const collector = fakeCollector();
    const d = start();
    d.add(event(1));
    const before = Date.now();
    await new Promise((r) => setTimeout(r, 30));
    await d.flush();
    expect(Date.parse(collector.received[0]?.body.sentAt ?? '')).toBeGreaterThanOrEqual(before + 25);
  });

  it('holds while offline and resumes on online', async () => {
    const collector = fakeCollector();
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    const d = start();
    d.add(event(1));
    await d.flush();
    expect(collector.fetch).not.toHaveBeenCalled();
    expect(await queued()).toHaveLength(1);
    Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    dispatchEvent(new Event('online'));
    await until(() => collector.ids().length === 1);
  });

  it('retries after a 503 until the collector stores the events, losing none', async () => {
    let failures = 2;
    const collector = fakeCollector(() =>
      failures-- > 0
        ? new Response('{"error":"down"}', { status: 503, headers: { 'Retry-After': '0' } })
        : Response.json({ accepted: 3, duplicates: 0, rejected: [] }),
    );
    const d = start();
    for (const n of [1, 2, 3]) d.add(event(n));
    await d.flush();
    await until(async () => (await queued()).length === 0);
    expect(collector.received).toHaveLength(3);
    expect(collector.received[2]?.body.events.map((e) => e.id)).toEqual([1, 2, 3].map((n) => event(n).id));
  });

  it('when the page is hidden, beacons this tab’s unconfirmed events and keeps them queued until a send is confirmed', async () => {
    const collector = fakeCollector();
    const beacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true);
    const d = start();
    d.add(event(1));
    d.add(event(2));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    expect(beacon).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(beacon.mock.calls[0]?.[1])).events.map((e: { id: string }) => e.id)).toEqual([event(1).id, event(2).id]);
    // A beacon gets no answer: the events stay queued, and the next send confirms them.
    await until(async () => (await queued()).length === 2);
    await d.flush();
    expect(collector.ids()).toEqual([event(1).id, event(2).id]);
    // Hidden again: nothing left to beacon.
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    expect(beacon).toHaveBeenCalledTimes(1);
  });

  it('two tabs flushing at once send every event exactly once', async () => {
    const collector = fakeCollector(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return Response.json({ accepted: 1, duplicates: 0, rejected: [] });
    });
    const [tabA, tabB] = [start(), start()];
    for (let i = 0; i < 150; i++) (i % 2 ? tabA : tabB).add(event(i));
    await until(async () => (await queued()).length === 150);
    await Promise.all([tabA.flush(), tabB.flush(), tabA.flush()]);
    await until(async () => (await queued()).length === 0);
    expect(collector.ids().sort()).toEqual(Array.from({ length: 150 }, (_, i) => event(i).id).sort());
  });

  it('stop() deletes the queue and sends nothing more', async () => {
    const collector = fakeCollector();
    const d = start({ interval: 100 });
    d.add(event(1));
    await until(async () => (await queued()).length === 1);
    await d.stop();
    d.add(event(2));
    expect(await queued()).toEqual([]);
    await new Promise((r) => setTimeout(r, 150));
    expect(collector.fetch).not.toHaveBeenCalled();
  });
});
