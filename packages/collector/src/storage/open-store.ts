import { DuckDBStore } from './duckdb-store.js';
import type { Store } from './store.js';

/** Where events live: a DuckDB file by default, PostgreSQL when a `postgres://` URL is given. */
export interface StoreLocation {
  /** Path of the DuckDB file (default `./data/uptake.duckdb`). */
  db?: string;
  /** `postgres://…` URL; wins over `db`. */
  databaseUrl?: string;
}

export const defaultDbPath = './data/uptake.duckdb';

/** Opens the store and brings its schema up to date. */
export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.databaseUrl) {
    throw new Error('PostgreSQL storage is not available yet: use the DuckDB file (--db)');
  }
  const store = await DuckDBStore.open(location.db ?? defaultDbPath);
  await store.migrate();
  return store;
}
