import { DuckDBStore } from './duckdb-store.js';
import { PostgresStore } from './postgres-store.js';
import type { Store } from './store.js';

/** Where events live: a DuckDB file by default, PostgreSQL when a `postgres://` URL is given. */
export interface StoreLocation {
  /** Path of the DuckDB file (default `./data/uptake.duckdb`). */
  db?: string;
  /** `postgres://…` (or `postgresql://…`) URL; wins over `db`. */
  databaseUrl?: string;
  /** DuckDB's worker threads (default 1; see `DuckDBStore.open`). */
  duckdbThreads?: number;
  /** DuckDB's memory limit, as DuckDB reads it (`512MB`, `2GB`; default DuckDB's, 80% of the machine's memory). */
  duckdbMemoryLimit?: string;
}

export const defaultDbPath = './data/uptake.duckdb';

/** Opens the store and brings its schema up to date. */
export async function openStore(location: StoreLocation): Promise<Store> {
  let store: Store;
  if (location.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(location.databaseUrl)) {
      throw new Error(`database URL must start with postgres:// or postgresql://, got ${location.databaseUrl.split(':')[0]}:…`);
    }
    store = await PostgresStore.open(location.databaseUrl);
  } else {
    store = await DuckDBStore.open(location.db ?? defaultDbPath, location.duckdbThreads, location.duckdbMemoryLimit);
  }
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
