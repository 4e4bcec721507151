import type { QueuedEvent } from '../types.js';
import { droppedEvent, maxQueued } from './dropped-event.js';
import { createMemoryQueue } from './memory-queue.js';
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
  return {
    async add(events) {
      const d = await db;
      if (!d) return memory.add(events);
      const tx = d.transaction('events', 'readwrite');
      const store = tx.store;
      const writes: Promise<unknown>[] = events.map((e) => store.add(e));
      const excess = (await store.count()) - maxQueued;
      const last = events[events.length - 1];
      if (excess > 0 && last) {
        // One more goes to make room for the sdk.dropped event itself, so the bound holds exactly.
        const keys = await store.getAllKeys(null, excess + 1);
        writes.push(store.delete(IDBKeyRange.upperBound(keys[keys.length - 1] as number)), store.add(droppedEvent(last, keys.length)));
      }
      await Promise.all([...writes, tx.done]);
    },
    async peek(n) {
      const d = await db;
      if (!d) return memory.peek(n);
      const tx = d.transaction('events');
      const [keys, events] = await Promise.all([tx.store.getAllKeys(null, n), tx.store.getAll(null, n), tx.done]);
      return { keys, events };
    },
    async remove(keys) {
      const d = await db;
      if (!d) return memory.remove(keys);
      const tx = d.transaction('events', 'readwrite');
      await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
    },
    async clear() {
      const d = await db;
      if (!d) return memory.clear();
      const tx = d.transaction('events', 'readwrite');
      await Promise.all([tx.store.clear(), tx.done]);
    },
  };
}
