import { constants } from 'node:fs';
import { chmod, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, timestampTZValue, type DuckDBAppender } from '@duckdb/node-api';
import { inTheWay, privateFileMode } from '../storage/private-file.js';
import { sqlString } from '../storage/sql-literal.js';
import type { StoredEvent } from '../storage/store.js';

/** Options of `writeParquet`. */
export interface ParquetOptions {
  /** Folder for the staging database (default the system's temporary folder); it is removed afterwards. */
  tmpRoot?: string;
  /** Called every `progressEvery` rows and at the end with the rows staged so far. */
  onRows?: (rows: number) => void;
  progressEvery?: number;
}

const micros = (d: Date) => timestampTZValue(BigInt(d.getTime()) * 1000n);

function append(appender: DuckDBAppender, e: StoredEvent): void {
  appender.appendVarchar(e.id);
  appender.appendVarchar(e.name);
  appender.appendTimestampTZ(micros(e.ts));
  appender.appendTimestampTZ(micros(e.receivedAt));
  for (const v of [e.userId, e.anonymousId, e.sessionId]) v === null ? appender.appendNull() : appender.appendVarchar(v);
  appender.appendVarchar(e.tool);
  appender.appendVarchar(JSON.stringify(e.props));
  appender.endRow();
}

/**
 * Writes events to a Parquet file: `ts` and `receivedAt` as TIMESTAMP (UTC, microseconds), the
 * other columns as strings, `props` as JSON text. The rows go, as they come, into a temporary
 * on-disk DuckDB database (a 256 MB memory limit, spilling to that folder) and DuckDB's Parquet
 * writer copies them out. The same path serves both stores, so both give the same file, and it
 * never holds the DuckDB store's connection for more than one page of reading. Returns the row count.
 * The file is created with mode 0600; a file or link already at `file` is an error.
 */
export async function writeParquet(events: AsyncIterable<StoredEvent>, file: string, options: ParquetOptions = {}): Promise<number> {
  const dir = await mkdtemp(join(options.tmpRoot ?? tmpdir(), 'uptake-parquet-'));
  try {
    const instance = await DuckDBInstance.create(join(dir, 'staging.duckdb'), { memory_limit: '256MB', threads: '2', temp_directory: dir });
    const connection = await instance.connect();
    try {
      await connection.run(
        `CREATE TABLE events (id VARCHAR, name VARCHAR, ts TIMESTAMPTZ, "receivedAt" TIMESTAMPTZ, "userId" VARCHAR, "anonymousId" VARCHAR, "sessionId" VARCHAR, tool VARCHAR, props VARCHAR)`,
      );
      const appender = await connection.createAppender('events');
      const every = options.progressEvery ?? 20_000;
      let rows = 0;
      try {
        for await (const e of events) {
          append(appender, e);
          // Flushing moves the buffered rows into the table, where DuckDB may spill them to disk.
          if (++rows % every === 0) {
            appender.flushSync();
            options.onRows?.(rows);
          }
        }
      } finally {
        appender.closeSync();
      }
      options.onRows?.(rows);
      // Rows were appended in (ts, id) order, and DuckDB preserves insertion order when copying.
      // Snappy: the codec every Parquet reader decodes (hyparquet, for one, reads no zstd by itself).
      // DuckDB writes through whatever stands at a path: it writes into the private staging folder,
      // and the file is copied out with O_EXCL (nothing may stand at `file`) and mode 0600.
      const staged = join(dir, 'events.parquet');
      await connection.run(`COPY events TO ${sqlString(staged)} (FORMAT parquet, COMPRESSION snappy)`);
      await chmod(staged, privateFileMode);
      await copyFile(staged, file, constants.COPYFILE_EXCL).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST' ? inTheWay(file) : error;
      });
      return rows;
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
