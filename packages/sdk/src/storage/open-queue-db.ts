import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueuedEvent } from '../types.js';

/** Who may send, and until when (the fallback where Web Locks are missing). */
export interface Lease {
  owner: string;
  until: number;
}

/** The queue database: `events` in arrival order (auto-increment keys), `meta` for the sender lease. */
export interface QueueSchema extends DBSchema {
  events: { key: number; value: QueuedEvent };
  meta: { key: string; value: Lease };
}

export type QueueDb = IDBPDatabase<QueueSchema>;

/**
 * Opens (creating on first use) the tool's queue database. Resolves `undefined` where IndexedDB is
 * missing or refuses to open (Firefox private windows before 115, some embedded web views), and the
 * SDK then queues in memory.
 */
export function openQueueDb(name: string): Promise<QueueDb | undefined> {
  try {
    return openDB<QueueSchema>(name, 1, {
      upgrade(db) {
        db.createObjectStore('events', { autoIncrement: true });
        db.createObjectStore('meta');
      },
    }).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}
