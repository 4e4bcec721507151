import { defaultDbPath, type StoreLocation } from '../storage/open-store.js';
import { CliError } from './cli-error.js';

/** The config file read when `--config` is not given. */
export const defaultConfigFile = './uptake.config.json';

/** `--config FILE`, for the commands that read the config (default `./uptake.config.json`). */
export const configOption = {
  config: { type: 'string' },
} as const;

/** `--db FILE | --database-url URL`, for the commands that open the store. */
export const storeOptions = {
  db: { type: 'string', default: defaultDbPath },
  'database-url': { type: 'string' },
} as const;

/** `UPTAKE_DUCKDB_THREADS`: DuckDB's worker threads, when an operator wants other than 1. */
function duckdbThreads(): number | undefined {
  const value = process.env['UPTAKE_DUCKDB_THREADS'];
  if (value === undefined || value === '') return undefined;
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1 || threads > 256)
    throw new CliError(`UPTAKE_DUCKDB_THREADS: expected a whole number of threads from 1 to 256, got ${value}`);
  return threads;
}

/** `UPTAKE_DUCKDB_MEMORY`: DuckDB's memory limit (`512MB`, `2GB`), when an operator bounds it. */
function duckdbMemoryLimit(): string | undefined {
  const value = process.env['UPTAKE_DUCKDB_MEMORY'];
  if (value === undefined || value === '') return undefined;
  if (!/^[0-9]+(\.[0-9]+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value.trim()))
    throw new CliError(`UPTAKE_DUCKDB_MEMORY: expected an amount such as 512MB or 2GB, got ${value}`);
  return value.trim();
}

/** The DuckDB settings the environment asks for (`UPTAKE_DUCKDB_THREADS`, `UPTAKE_DUCKDB_MEMORY`), for any command opening a DuckDB file. */
export function duckdbSettings(): Pick<StoreLocation, 'duckdbThreads' | 'duckdbMemoryLimit'> {
  const threads = duckdbThreads();
  const memory = duckdbMemoryLimit();
  return {
    ...(threads === undefined ? {} : { duckdbThreads: threads }),
    ...(memory === undefined ? {} : { duckdbMemoryLimit: memory }),
  };
}

/** The store the options name: `--database-url`, else `UPTAKE_DATABASE_URL`, wins over `--db`. */
export function storeLocation(values: { db: string; 'database-url'?: string | undefined }): StoreLocation & { db: string } {
  return {
    db: values.db,
    databaseUrl: values['database-url'] ?? process.env['UPTAKE_DATABASE_URL'],
    ...duckdbSettings(),
  };
}
