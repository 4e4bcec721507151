import { defaultDbPath, type StoreLocation } from '../storage/open-store.js';

/** `--config FILE`, for the commands that read the config. */
export const configOption = {
  config: { type: 'string', default: './uptake.config.json' },
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
