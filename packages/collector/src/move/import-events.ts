import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatIssues } from '@uptake/sdk/protocol';
import type { Store, StoredEvent } from '../storage/store.js';
import { exportRowSchema, storedEventOf } from './export-row-schema.js';
import { readCheckpoint, writeCheckpoint, checkpointPrefix } from './move-checkpoint.js';
import { EventsFileError, exportFileRows } from './read-export-file.js';

/**
 * Checks every row of an export file and returns how many there are; throws an `EventsFileError`
 * naming the file, the line (or row) and the field of the first bad one. Nothing is written.
 */
export async function validateEventsFile(file: string): Promise<number> {
  let rows = 0;
  for await (const { where, raw } of exportFileRows(file)) {
    const parsed = exportRowSchema.safeParse(raw);
    if (!parsed.success) throw new EventsFileError(`${file}:${where.replace(/^line /, '')}: ${formatIssues(parsed.error)}`);
    rows++;
  }
  return rows;
}

/** Options of `importEvents`. */
export interface ImportEventsOptions {
  /** Events per insert transaction (default 5,000). */
  batchSize?: number;
  /** Hears how many rows have been read so far, resumed ones included. */
  onRows?: (rows: number) => void;
}

/** What `importEvents` did, over every run when it resumed. */
export interface ImportEventsResult {
  rows: number;
  /** Events the store did not hold yet. */
  inserted: number;
  /** Rows a previous, interrupted run had imported already. */
  resumedAfter: number;
}

/**
 * Stores the rows of an export file as they are: ids, pseudonyms (never hashed again), times and
 * props as exported; an id the store holds (or the file repeats) is stored once. The store's
 * rollups follow from the inserts. A checkpoint in the store's settings, keyed by the file's path,
 * size and modification time, lets a run interrupted midway resume after the last batch it wrote.
 * Call `validateEventsFile` first: a bad row here throws midway.
 */
export async function importEvents(file: string, store: Store, options: ImportEventsOptions = {}): Promise<ImportEventsResult> {
  const size = options.batchSize ?? 5000;
  const { size: bytes, mtimeMs } = await stat(file);
  const key = `${checkpointPrefix}import:${resolve(file)}:${bytes}:${Math.round(mtimeMs)}`;
  const resumed = await readCheckpoint(store, key);
  const skip = resumed?.read ?? 0;
  let read = 0;
  let inserted = resumed?.inserted ?? 0;
  let batch = new Map<string, StoredEvent>();
  const flush = async () => {
    inserted += (await store.insert([...batch.values()])).length;
    batch = new Map();
    await writeCheckpoint(store, key, { read, inserted });
    options.onRows?.(read);
  };
  options.onRows?.(skip);
  for await (const { where, raw } of exportFileRows(file)) {
    if (++read <= skip) continue;
    const parsed = exportRowSchema.safeParse(raw);
    if (!parsed.success) throw new EventsFileError(`${file}:${where.replace(/^line /, '')}: ${formatIssues(parsed.error)}`);
    // A repeated id within a batch is one event, as the store keeps it across batches.
    if (!batch.has(parsed.data.id)) batch.set(parsed.data.id, storedEventOf(parsed.data));
    if ((read - skip) % size === 0) await flush();
  }
  if (batch.size > 0) await flush();
  await writeCheckpoint(store, key, undefined);
  return { rows: read, inserted, resumedAfter: skip };
}
