import { requested } from './idb-request.js';

/** Who may send, and until when (the fallback where Web Locks are missing). */
export interface Lease {
  owner: string;
  until: number;
}

/**
 * The queue database: `events` holds `QueuedEvent`s in arrival order (auto-increment keys), `meta`
 * the sender `Lease` under the key `lease`.
 */
export type QueueDb = IDBDatabase;

/**
 * Opens (creating on first use) the tool's queue database. Resolves `undefined` where IndexedDB is
 * missing or refuses to open (Firefox private windows before 115, some embedded web views), and the
 * SDK then queues in memory.
 */
export function openQueueDb(name: string): Promise<QueueDb | undefined> {
  try {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('events', { autoIncrement: true });
      request.result.createObjectStore('meta');
    };
    return requested(request).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}
