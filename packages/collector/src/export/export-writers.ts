import type { StoredEvent } from '../storage/store.js';
import { csvChunks } from './csv-export.js';
import type { ExportFormat } from './export-format.js';
import { ndjsonChunks } from './ndjson-export.js';
import { writeParquet } from './parquet-export.js';

type Events = AsyncIterable<StoredEvent>;

/**
 * How a format is written. Text formats are chunks made as the rows are read, so they stream in
 * constant memory; Parquet has its index at the end of the file, so it can only be written whole to
 * a file.
 */
export type ExportWriter = { contentType: string } & (
  | { streams: true; chunks(events: Events): AsyncGenerator<string> }
  | { streams: false; toFile(events: Events, file: string, onRows?: (rows: number) => void): Promise<number> }
);

/** Each format's writer: where `GET /v1/export` and `uptake export` alike find how to write a format. */
export const exportWriters: Record<ExportFormat, ExportWriter> = {
  csv: { contentType: 'text/csv; charset=utf-8; header=present', streams: true, chunks: (events) => csvChunks(events) },
  ndjson: { contentType: 'application/x-ndjson; charset=utf-8', streams: true, chunks: (events) => ndjsonChunks(events) },
  parquet: {
    contentType: 'application/vnd.apache.parquet',
    streams: false,
    toFile: (events, file, onRows) => writeParquet(events, file, onRows ? { onRows } : {}),
  },
};
