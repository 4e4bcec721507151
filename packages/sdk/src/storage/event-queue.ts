import type { QueuedEvent } from '../types.js';
import { droppedEvent, maxQueued } from './dropped-event.js';
import { createMemoryQueue } from './memory-queue.js';
import { committed, requested } from './idb-request.js';
import type { QueueDb } from './open-queue-db.js';

/** Queued events, oldest first, shared by every tab of the tool when IndexedDB is available. */
export interface EventQueue {
  /** Appends events, dropping the oldest past `maxQueued`. */
  add(events: QueuedEvent[]): Promise<void>;
  /** The oldest `n` events and their keys, without removing them. */
  peek(n: number): Promise<{ keys: number[]; events: QueuedEvent[] }>;
  /** Removes events by key, once the collector has them (or refused them for good). */
  remove(keys: number[]): Promise<void>;
  /** Removes every event. */
  clear(): Promise<void>;
}

/** A queue in IndexedDB when `db` resolves to a database, else in memory. */
export function createEventQueue(db: Promise<QueueDb | undefined>): EventQueue {
  const memory = createMemoryQueue();
  const events = (d: QueueDb, mode?: IDBTransactionMode) => {
    const tx = d.transaction('events', mode);
    return { store: tx.objectStore('events'), done: committed(tx) };
  };
  return {
    async add(added) {
      const d = await db;
      if (!d) return memory.add(added);
      const { store, done } = events(d, 'readwrite');
      // A failed write aborts the transaction, which `done` reports.
      for (const e of added) store.add(e);
      const excess = (await requested(store.count())) - maxQueued;
      const last = added[added.length - 1];
      if (excess > 0 && last) {
        // One more goes to make room for the sdk.dropped event itself, so the bound holds exactly.
        const keys = await requested(store.getAllKeys(null, excess + 1));
        store.delete(IDBKeyRange.upperBound(keys[keys.length - 1]));
        store.add(droppedEvent(last, keys.length));
      }
      await done;
    },
    async peek(n) {
      const d = await db;
      if (!d) return memory.peek(n);
      const { store, done } = events(d);
      const [keys, queued] = await Promise.all([requested(store.getAllKeys(null, n)), requested(store.getAll(null, n)), done]);
      return { keys: keys as number[], events: queued as QueuedEvent[] };
    },
    async remove(keys) {
      const d = await db;
      if (!d) return memory.remove(keys);
      const { store, done } = events(d, 'readwrite');
      for (const k of keys) store.delete(k);
      await done;
    },
    async clear() {
      const d = await db;
      if (!d) return memory.clear();
      const { store, done } = events(d, 'readwrite');
      store.clear();
      await done;
    },
  };
}
