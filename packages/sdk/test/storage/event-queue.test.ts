import { describe, expect, it } from 'vitest';
import { maxQueued } from '../../src/storage/dropped-event.js';
import { createEventQueue, type EventQueue } from '../../src/storage/event-queue.js';
import { openQueueDb } from '../../src/storage/open-queue-db.js';
import { event } from '../helpers/event.js';
import { useFreshIndexedDb } from '../helpers/fresh-indexeddb.js';

useFreshIndexedDb();

/** The behaviour both queues share; run against IndexedDB and against memory. */
function queueContract(make: () => EventQueue): void {
  it('returns events oldest first without removing them, and removes by key', async () => {
    const q = make();
    await q.add([event(1), event(2)]);
    await q.add([event(3)]);
    const head = await q.peek(2);
    expect(head.events.map((e) => e.props['n'])).toEqual([1, 2]);
    expect((await q.peek(2)).keys).toEqual(head.keys);
    await q.remove(head.keys);
    expect((await q.peek(10)).events.map((e) => e.props['n'])).toEqual([3]);
    await q.clear();
    expect((await q.peek(10)).events).toEqual([]);
  });

  it(`keeps at most ${maxQueued} events: the oldest go, counted in one sdk.dropped event`, async () => {
    const q = make();
    await q.add(Array.from({ length: maxQueued }, (_, i) => event(i)));
    await q.add([event(maxQueued), event(maxQueued + 1)]);
    const all = (await q.peek(maxQueued + 10)).events;
    expect(all).toHaveLength(maxQueued);
    const dropped = all.filter((e) => e.name === 'sdk.dropped');
    expect(dropped).toHaveLength(1);
    // Two new events plus the sdk.dropped event itself needed three places.
    expect(dropped[0]?.props).toEqual({ count: 3 });
    expect(dropped[0]?.anonymousId).toBe('a-1');
    expect(all[0]?.props['n']).toBe(3);
    expect(all.some((e) => e.props['n'] === maxQueued + 1)).toBe(true);
  });
}

describe('event queue in IndexedDB', () => {
  queueContract(() => createEventQueue(openQueueDb('uptake:test')));

  it('is one queue for every tab of the tool: a second connection sees the first one’s events', async () => {
    const tabA = createEventQueue(openQueueDb('uptake:assistant'));
    const tabB = createEventQueue(openQueueDb('uptake:assistant'));
    await tabA.add([event(1)]);
    expect((await tabB.peek(10)).events.map((e) => e.id)).toEqual([event(1).id]);
  });
});

describe('event queue without IndexedDB', () => {
  queueContract(() => createEventQueue(Promise.resolve(undefined)));

  it('is used when IndexedDB is missing altogether', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error -- a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const db = openQueueDb('uptake:none');
      expect(await db).toBeUndefined();
      const q = createEventQueue(db);
      await q.add([event(1)]);
      expect((await q.peek(1)).events).toHaveLength(1);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
