import { defaultDbPath, type StoreLocation } from '../storage/open-store.js';

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

/** The store the options name: `--database-url`, else `UPTAKE_DATABASE_URL`, wins over `--db`. */
export function storeLocation(values: { db: string; 'database-url'?: string | undefined }): StoreLocation & { db: string } {
  return { db: values.db, databaseUrl: values['database-url'] ?? process.env['UPTAKE_DATABASE_URL'] };
}
