import type { StoredEvent } from '../storage/store.js';
import { exportRow } from './export-row.js';

/** NDJSON text, several rows per chunk: one JSON object per event and line. */
export async function* ndjsonChunks(events: AsyncIterable<StoredEvent>, rowsPerChunk = 500): AsyncGenerator<string> {
  let chunk = '';
  let rows = 0;
  for await (const e of events) {
    chunk += `${JSON.stringify(exportRow(e))}\n`;
    if (++rows === rowsPerChunk) {
      yield chunk;
      chunk = '';
      rows = 0;
    }
  }
  if (chunk) yield chunk;
}
