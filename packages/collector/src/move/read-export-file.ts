import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { DuckDBInstance } from '@duckdb/node-api';

/** A file `uptake import events` cannot read, in words naming it. */
export class EventsFileError extends Error {}

/** One row of an export file, before validation, with where it stands in the file. */
export interface ExportFileRow {
  /** `line 12` (NDJSON) or `row 12` (Parquet), counted from 1. */
  where: string;
  raw: unknown;
}

async function* ndjsonRows(file: string): AsyncGenerator<ExportFileRow> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    try {
      yield { where: `line ${n}`, raw: JSON.parse(line) };
    } catch (error) {
      throw new EventsFileError(`${file}:${n}: not JSON (${(error as Error).message})`);
    }
  }
}

/**
 * Rows of a Parquet export (as `uptake export` writes it: times as TIMESTAMP, props as JSON text),
 * read by DuckDB in file order and streamed, in the shape of an NDJSON row.
 */
async function* parquetRows(file: string): AsyncGenerator<ExportFileRow> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    let result: Awaited<ReturnType<typeof connection.stream>>;
    try {
      result = await connection.stream(
        `SELECT id, name, epoch_ms(ts) AS ts, epoch_ms("receivedAt") AS "receivedAt", "userId", "anonymousId", "sessionId", tool, props
         FROM read_parquet($1)`,
        [file],
      );
    } catch (error) {
      throw new EventsFileError(`${file}: not a Parquet export of Uptake (${(error as Error).message.split('\n')[0]})`);
    }
    let n = 0;
    const instant = (ms: unknown) => (ms === null ? null : new Date(Number(ms)).toISOString());
    for await (const rows of result.yieldRowObjectJs()) {
      for (const row of rows) {
        n++;
        let props: unknown = row['props'];
        try {
          props = JSON.parse(String(props));
        } catch {
          // left as text: the row's validation says props is not an object
        }
        yield { where: `row ${n}`, raw: { ...row, ts: instant(row['ts']), receivedAt: instant(row['receivedAt']), props } };
      }
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The rows of an NDJSON or Parquet export file, by its extension. */
export function exportFileRows(file: string): AsyncGenerator<ExportFileRow> {
  const extension = extname(file).toLowerCase();
  if (extension === '.ndjson' || extension === '.jsonl') return ndjsonRows(file);
  if (extension === '.parquet') return parquetRows(file);
  throw new EventsFileError(
    `${file}: expected an export ending in .ndjson or .parquet${extension === '.csv' ? ' (a CSV export carries props as text: export NDJSON or Parquet)' : ''}`,
  );
}
