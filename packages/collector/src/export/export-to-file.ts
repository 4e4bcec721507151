import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { privateWriteStream } from '../storage/private-file.js';
import type { StoredEvent } from '../storage/store.js';
import type { ExportFormat } from './export-format.js';
import { exportWriters } from './export-writers.js';

/**
 * Writes events to `file` in a format, streaming; returns the row count. `onRows` hears progress.
 * The file is created with mode 0600; a file or link already at `file` is an error.
 */
export async function exportToFile(
  events: AsyncIterable<StoredEvent>,
  format: ExportFormat,
  file: string,
  onRows?: (rows: number) => void,
): Promise<number> {
  const writer = exportWriters[format];
  if (!writer.streams) return writer.toFile(events, file, onRows);
  let rows = 0;
  async function* counted(): AsyncGenerator<StoredEvent> {
    for await (const e of events) {
      yield e;
      if (++rows % 5000 === 0) onRows?.(rows);
    }
    onRows?.(rows);
  }
  await pipeline(Readable.from(writer.chunks(counted())), privateWriteStream(file));
  return rows;
}
