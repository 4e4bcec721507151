import { describe, expect, it } from 'vitest';
import { dropLease, leaseMs, takeLease } from '../../src/storage/lease.js';
import { openQueueDb, type QueueDb } from '../../src/storage/open-queue-db.js';
import { useFreshIndexedDb } from '../helpers/fresh-indexeddb.js';

useFreshIndexedDb();

const open = async (): Promise<QueueDb> => (await openQueueDb('uptake:lease')) as QueueDb;

describe('sender lease in IndexedDB', () => {
  it('goes to one tab at a time, even when both ask at once', async () => {
    const [a, b] = [await open(), await open()];
    const results = await Promise.all([takeLease(a, 'tab-a', 1000), takeLease(b, 'tab-b', 1000)]);
    expect(results.sort()).toEqual([false, true]);
  });

  it('is extended by its holder, taken over once expired, and freed by dropLease', async () => {
    const db = await open();
    expect(await takeLease(db, 'tab-a', 1000)).toBe(true);
    expect(await takeLease(db, 'tab-a', 2000)).toBe(true);
    expect(await takeLease(db, 'tab-b', 2000 + leaseMs - 1)).toBe(false);
    expect(await takeLease(db, 'tab-b', 2000 + leaseMs)).toBe(true);
    await dropLease(db, 'tab-a'); // not the holder: nothing happens
    expect(await takeLease(db, 'tab-a', 2001 + leaseMs)).toBe(false);
    await dropLease(db, 'tab-b');
    expect(await takeLease(db, 'tab-a', 2001 + leaseMs)).toBe(true);
  });
});
