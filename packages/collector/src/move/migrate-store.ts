import type { Store } from '../storage/store.js';
import { type CarriedSettings, carrySettings } from './carry-settings.js';
import { type CopyEventsResult, copyEvents } from './copy-events.js';
import { type CopiedTable, copyTables } from './copy-tables.js';
import { checkpointPrefix } from './move-checkpoint.js';

/** Options of `migrateStore`. */
export interface MigrateOptions {
  /** Names the source for the checkpoint (a resolved file path, a URL without its password): a run resumes the run of the same source. */
  source: string;
  /** Events per page (default 5,000). */
  pageSize?: number;
  /** Hears how many events have been read so far, after each page. */
  onEvents?: (read: number) => void;
}

/** What `migrateStore` did. */
export interface MigrateResult {
  settings: CarriedSettings;
  events: CopyEventsResult;
  tables: CopiedTable[];
}

/**
 * Moves a store's content into another store, of the same engine or not, as it is: the settings
 * first (the pseudonym secret above all, so the moved people match their next events), then the
 * events in `(ts, id)` pages (resumable; the rollups rebuilt by the inserts), then every other table.
 * Running it again after it finished, or after an interruption, adds only what is missing.
 */
export async function migrateStore(from: Store, to: Store, options: MigrateOptions): Promise<MigrateResult> {
  const settings = await carrySettings(from, to);
  const events = await copyEvents(from, to, {
    checkpoint: `${checkpointPrefix}${options.source}`,
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    ...(options.onEvents === undefined ? {} : { onEvents: options.onEvents }),
  });
  const tables = await copyTables(from, to);
  return { settings, events, tables };
}
