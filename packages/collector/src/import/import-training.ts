import type { Pseudonymize } from '../ingest/pseudonymizer.js';
import type { StoredEvent } from '../storage/store.js';
import { trainingEvents } from './training-events.js';
import type { TrainingRow } from './training-row.js';

/** What an import did. */
export interface ImportCounts {
  rows: number;
  /** Events the rows make: one per row, two when it has a role or team. */
  events: number;
  /** Events stored now. */
  inserted: number;
  /** Events that were there already (an earlier import of the same rows, or a repeated row). */
  existing: number;
}

/** Options of `importTraining`. */
export interface ImportTrainingOptions {
  pseudonymize: Pseudonymize;
  /** Stores events (ids unique within a call) and resolves with how many were new. */
  insert: (events: StoredEvent[]) => Promise<number>;
  /** Rows per write (default 5,000): one transaction each. */
  batchRows?: number;
  /** Called after each write with the rows done so far. */
  onRows?: (rows: number) => void;
}

/** Imports validated training rows in big batches; safe to repeat (ids are deterministic). */
export async function importTraining(
  rows: AsyncIterable<TrainingRow> | Iterable<TrainingRow>,
  options: ImportTrainingOptions,
): Promise<ImportCounts> {
  const counts: ImportCounts = { rows: 0, events: 0, inserted: 0, existing: 0 };
  const batchRows = options.batchRows ?? 5000;
  let batch: TrainingRow[] = [];
  const write = async () => {
    const events = trainingEvents(batch, options.pseudonymize);
    const inserted = await options.insert(events);
    counts.rows += batch.length;
    // Counted from the rows, not from `events`: a row repeated in the file counts as already there.
    counts.events += batch.reduce((n, row) => n + (row.role || row.team ? 2 : 1), 0);
    counts.inserted += inserted;
    batch = [];
    options.onRows?.(counts.rows);
  };
  for await (const row of rows) {
    batch.push(row);
    if (batch.length === batchRows) await write();
  }
  if (batch.length > 0) await write();
  counts.existing = counts.events - counts.inserted;
  return counts;
}
