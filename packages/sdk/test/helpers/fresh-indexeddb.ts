import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';

/** Gives each test an empty IndexedDB (fake-indexeddb: happy-dom has none), so queues do not leak between tests. */
export function useFreshIndexedDb(): void {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
}
