import { afterEach, describe, expect, it } from 'vitest';
import { withSenderLock } from '../../src/delivery/with-sender-lock.js';
import { openQueueDb } from '../../src/storage/open-queue-db.js';
import { useFreshIndexedDb } from '../helpers/fresh-indexeddb.js';

useFreshIndexedDb();

const withoutWebLocks = () => Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
afterEach(() => {
  // Removes the own property that hid the prototype's Web Locks.
  delete (navigator as { locks?: unknown }).locks;
});

/** Two tabs try to send at the same moment; returns which of them ran. */
async function race(): Promise<(string | undefined)[]> {
  const db = openQueueDb('uptake:lock');
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const first = withSenderLock('uptake:lock', db, 'tab-a', async () => {
    await held;
    return 'a';
  });
  await new Promise((r) => setTimeout(r, 20));
  const second = await withSenderLock('uptake:lock', db, 'tab-b', async () => 'b');
  release();
  return [await first, second];
}

describe('withSenderLock', () => {
  it('with Web Locks: a second sender gives up while the first holds the lock', async () => {
    expect(globalThis.navigator.locks).toBeDefined();
    expect(await race()).toEqual(['a', undefined]);
  });

  it('without Web Locks: the IndexedDB lease does the same, and is given back afterwards', async () => {
    withoutWebLocks();
    expect(await race()).toEqual(['a', undefined]);
    const db = openQueueDb('uptake:lock');
    expect(await withSenderLock('uptake:lock', db, 'tab-b', async () => 'b')).toBe('b');
  });

  it('without Web Locks and without IndexedDB: the queue is the tab’s own, so it just sends', async () => {
    withoutWebLocks();
    expect(await withSenderLock('uptake:lock', Promise.resolve(undefined), 'tab-a', async (renew) => (await renew()) && 'sent')).toBe(
      'sent',
    );
  });
});
