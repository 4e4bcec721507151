import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StoredEvent } from '../storage/store.js';
import { csvChunks } from './csv-export.js';
import type { ExportFormat } from './export-format.js';
import { ndjsonChunks } from './ndjson-export.js';
import { writeParquet } from './parquet-export.js';

/** Writes events to `file` in a format, streaming; returns the row count. `onRows` hears progress. */
export async function exportToFile(
  events: AsyncIterable<StoredEvent>,
  format: ExportFormat,
  file: string,
  onRows?: (rows: number) => void,
): Promise<number> {
  if (format === 'parquet') return writeParquet(events, file, { ...(onRows ? { onRows } : {}) });
  let rows = 0;
  async function* counted(): AsyncGenerator<StoredEvent> {
    for await (const e of events) {
      yield e;
      if (++rows % 5000 === 0) onRows?.(rows);
    }
    onRows?.(rows);
  }
  await pipeline(Readable.from(format === 'csv' ? csvChunks(counted()) : ndjsonChunks(counted())), createWriteStream(file));
  return rows;
}
