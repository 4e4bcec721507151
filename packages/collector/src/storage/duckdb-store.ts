import { chmod, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  type DuckDBConnection,
  DuckDBDataChunk,
  DuckDBInstance,
  type DuckDBValue,
  TIMESTAMPTZ,
  timestampTZValue,
  VARCHAR,
} from '@duckdb/node-api';
import { duckdbDialect } from './duckdb-dialect.js';
import { fillAllRollupsSql, rollupsFedBy } from './metric-rollups.js';
import { duckdbMigrations } from './migrations.js';
import { sqlString } from './sql-literal.js';
import { createPrivateFile, privateDirMode, privateFileMode, refuseLink } from './private-file.js';
import { pseudonymKeyPath, pseudonymSecretSetting, readPseudonymKey } from './pseudonym-key-file.js';
import { PastTheCap, type SqlExecutor, SqlStore, type TransactionOptions } from './sql-store.js';
import type { CappedInsert, SqlQuery, StoredEvent } from './store.js';
import { keepUsageSql } from './usage-rollup.js';

/** The staging table's column types, in its order; a data chunk holds at most 2,048 rows (DuckDB's vector size). */
const stagingTypes = [VARCHAR, VARCHAR, TIMESTAMPTZ, TIMESTAMPTZ, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR];
const stagingChunkRows = 2048;
const micros = (d: Date) => timestampTZValue(BigInt(d.getTime()) * 1000n);
/** The staged events as the events table's rows. */
const stagedEvents = 'SELECT id, name, ts, received_at, user_id, anonymous_id, session_id, tool, CAST(props AS JSON) FROM staging';

/**
 * Events as the staging table's rows, a column at a time in chunks of DuckDB's vector size: one
 * call per column and chunk instead of one per value, times as TIMESTAMPTZ values (no text to parse).
 */
function stagingChunks(events: readonly StoredEvent[]): DuckDBDataChunk[] {
  const chunks: DuckDBDataChunk[] = [];
  for (let start = 0; start < events.length; start += stagingChunkRows) {
    const part = events.slice(start, start + stagingChunkRows);
    const chunk = DuckDBDataChunk.create(stagingTypes, part.length);
    chunk.setColumns([
      part.map((e) => e.id),
      part.map((e) => e.name),
      part.map((e) => micros(e.ts)),
      part.map((e) => micros(e.receivedAt)),
      part.map((e) => e.userId),
      part.map((e) => e.anonymousId),
      part.map((e) => e.sessionId),
      part.map((e) => e.tool),
      part.map((e) => JSON.stringify(e.props)),
    ]);
    chunks.push(chunk);
  }
  return chunks;
}

/** A group's insert met an id already stored: it is written again, keeping the stored row. */
class RepeatedIds extends Error {}

/** Statements on one connection; integers come back as numbers or bigints. */
function executorOf(connection: DuckDBConnection): SqlExecutor {
  // With values DuckDB prepares the statement, which must then be one statement: a migration is several.
  const values = (params: DuckDBValue[] = []) => (params.length ? params : undefined);
  return {
    rows: async (sql, params) => (await connection.runAndReadAll(sql, values(params))).getRowObjectsJS(),
    run: async (sql, params) => (await connection.run(sql, values(params))).rowsChanged,
  };
}

/**
 * The embedded store: one DuckDB file, one process (DuckDB locks the file). One connection, and
 * every statement goes through one queue, so transactions never interleave. DuckDB fsyncs its WAL
 * at commit, so a resolved `insert` survives a crash.
 */
export class DuckDBStore extends SqlStore {
  readonly kind = 'duckdb';
  readonly dialect = duckdbDialect;
  /**
   * One connection writes, a group at a time. Two groups handed over at once (the second's rows
   * made ready for DuckDB while the first wrote) carried fewer events: smaller groups, each paying
   * a transaction (39,800–42,156 events/s against 41,974–53,313, same sitting).
   */
  readonly concurrentWrites = 1;
  protected readonly migrations = duckdbMigrations;
  private writer: SqlExecutor;
  protected readonly statements: SqlExecutor;
  private readerQueue: Promise<unknown> = Promise.resolve();
  private lookerQueue: Promise<unknown> = Promise.resolve();
  /** What the daily usage rollup counts as usage besides `ai.*`, read once: only this process writes the file. */
  private usageEvents: string[] | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  // Not readonly: compaction swaps in a rewritten file and opens it anew.
  private constructor(
    private instance: DuckDBInstance,
    private connection: DuckDBConnection,
    /** A second connection for metrics: DuckDB's MVCC lets it read while the first one writes. */
    private reader: DuckDBConnection,
    /** A third for `/v1/config`'s person lookups, so a long metrics request never holds them up. */
    private looker: DuckDBConnection,
    override readonly lockedFile: string | undefined,
    private readonly threads: number,
    private readonly memoryLimit: string | undefined,
    /** The threads of a read session: every core DuckDB counts, or `threads` if more. */
    private readonly readThreads: number,
  ) {
    super();
    this.writer = executorOf(connection);
    this.statements = {
      rows: (sql, params) => this.serial(() => this.writer.rows(sql, params)),
      run: (sql, params) => this.serial(() => this.writer.run(sql, params)),
    };
  }

  /**
   * Opens (creating when missing) the DuckDB file at `path`, or an in-memory store for `:memory:`.
   * A missing folder is created 0700, the file and its WAL are made 0600, and a symbolic link at
   * either is an error: DuckDB would write the events through it. DuckDB creates a new WAL after
   * each checkpoint with the process's umask; the private folder (or `uptake`'s umask 077) keeps it private.
   *
   * `threads` is DuckDB's worker thread count, 1 by default: the collector's writes are many small
   * transactions, and a second thread made each one cost about a third more CPU and take longer
   * (measured in docs/DECISIONS.md, "Ingest"); reads run on every core (`readSession`).
   * `memoryLimit` bounds DuckDB's buffers (`512MB`; DuckDB's default is 80% of the machine's memory):
   * a store larger than it is read again from the file, slower (docs/scaling.md, 100M events).
   */
  static async open(path: string, threads = 1, memoryLimit?: string): Promise<DuckDBStore> {
    const file = path === ':memory:' ? undefined : path;
    if (file) {
      await mkdir(dirname(file), { recursive: true, mode: privateDirMode });
      await refuseLink(file);
      await refuseLink(`${file}.wal`);
    }
    const instance = await DuckDBInstance.create(path, memoryLimit === undefined ? {} : { memory_limit: memoryLimit });
    if (file) {
      await chmod(file, privateFileMode);
      await chmod(`${file}.wal`, privateFileMode).catch(() => undefined);
    }
    const connection = await instance.connect();
    // DuckDB's own count of the cores it may use (a container's CPU quota included), for reads; writes get `threads`.
    const cores = Number((await connection.runAndReadAll("SELECT current_setting('threads') AS n")).getRowObjectsJS()[0]?.['n']);
    await connection.run(`SET threads = ${threads}`);
    const reader = await instance.connect();
    const looker = await instance.connect();
    // Metrics cut time into UTC days: a TIMESTAMPTZ cast to DATE must give its UTC day.
    await connection.run("SET TimeZone = 'UTC'");
    await reader.run("SET TimeZone = 'UTC'");
    await looker.run("SET TimeZone = 'UTC'");
    const readThreads = Math.max(threads, Number.isInteger(cores) && cores > 0 ? cores : 1);
    return new DuckDBStore(instance, connection, reader, looker, path === ':memory:' ? undefined : path, threads, memoryLimit, readThreads);
  }

  /** Runs work on the connection one piece at a time. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = () => (this.closed ? Promise.reject(new Error('the DuckDB store is closed')) : work());
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Call within `serial`. */
  private async inTransaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  // The queue already runs one transaction at a time, and only this process opens the file: an
  // exclusive transaction needs no lock of its own.
  protected transaction<T>(work: (tx: SqlExecutor) => Promise<T>, _options?: TransactionOptions): Promise<T> {
    return this.serial(() => this.inTransaction(() => work(this.writer)));
  }

  /**
   * A file store keeps its generated secret in a key file beside it; a store that kept it in its
   * settings (before the key file) moves it there, the same secret, so pseudonyms stay the same.
   */
  override async initPseudonymSecret(generated: string): Promise<string> {
    if (!this.lockedFile) return super.initPseudonymSecret(generated);
    const keyFile = pseudonymKeyPath(this.lockedFile);
    const kept = await readPseudonymKey(keyFile);
    const old = await this.getSetting(pseudonymSecretSetting);
    if (old === undefined) {
      if (kept !== undefined) return kept;
      await createPrivateFile(keyFile, `${generated}\n`);
      return generated;
    }
    if (kept !== undefined && kept !== old) {
      throw new Error(`${keyFile} holds another pseudonym secret than the store's settings; keep the one the events were hashed with`);
    }
    if (kept === undefined) await createPrivateFile(keyFile, `${old}\n`);
    await this.statements.run('DELETE FROM settings WHERE key = $1', [pseudonymSecretSetting]);
    // Written into the file now, not left in the WAL beside it.
    await this.statements.run('CHECKPOINT');
    return old;
  }

  override async keptPseudonymSecret(): Promise<string | undefined> {
    const kept = this.lockedFile ? await readPseudonymKey(pseudonymKeyPath(this.lockedFile)) : undefined;
    return kept ?? (await this.getSetting(pseudonymSecretSetting));
  }

  protected override usageEventsChanged(): void {
    this.usageEvents = undefined;
  }

  /**
   * A checkpoint keeps a row group with a few deleted rows as it is (the rows only marked deleted),
   * and blocks it frees keep their bytes until reused: the erased rows would survive in the file
   * (test/storage/forget.test.ts reads its bytes). So the database is copied to a fresh file
   * (DuckDB's documented way to compact, COPY FROM DATABASE), which replaces the old one; the
   * connections are then opened on it. Ingestion and metrics wait meanwhile.
   */
  protected compact(_tables: readonly string[]): Promise<void> {
    const file = this.lockedFile;
    return this.serial(async () => {
      if (file === undefined) {
        await this.connection.run('FORCE CHECKPOINT');
        return;
      }
      const fresh = `${file}.compact`;
      await rm(fresh, { force: true });
      const [row] = await this.writer.rows('SELECT current_database() AS db');
      const current = `"${String(row?.['db']).replaceAll('"', '""')}"`;
      try {
        await this.connection.run(`ATTACH ${sqlString(fresh)} AS uptake_compacted; COPY FROM DATABASE ${current} TO uptake_compacted`);
        await this.connection.run('DETACH uptake_compacted');
        await chmod(fresh, (await stat(file)).mode & 0o777);
      } catch (error) {
        await this.connection.run('DETACH DATABASE IF EXISTS uptake_compacted').catch(() => undefined);
        await rm(fresh, { force: true });
        throw error;
      }
      // Readers wait for the reopened file: hold their queue until it is there.
      let reopened: () => void = () => undefined;
      const reopening = new Promise<void>((resolve) => (reopened = resolve));
      const drained = Promise.all([this.readerQueue, this.lookerQueue]);
      this.readerQueue = drained.then(() => reopening);
      this.lookerQueue = drained.then(() => reopening);
      await drained;
      try {
        this.looker.closeSync();
        this.reader.closeSync();
        this.connection.closeSync();
        this.instance.closeSync();
        // The copy holds every committed row; a write-ahead log left beside the old file must not be replayed onto it.
        await rm(`${file}.wal`, { force: true });
        await rename(fresh, file);
        const next = await DuckDBStore.open(file, this.threads, this.memoryLimit);
        this.instance = next.instance;
        this.connection = next.connection;
        this.reader = next.reader;
        this.looker = next.looker;
        this.writer = next.writer;
      } finally {
        reopened();
      }
    });
  }

  protected writeGroup(
    events: readonly StoredEvent[],
    perPersonDay: number,
    exempt: ReadonlySet<string> | undefined,
    exact: boolean,
  ): Promise<CappedInsert> {
    // Made before the queue: the chunks need no connection.
    const chunks = exact ? undefined : stagingChunks(events);
    return this.serial(async () => {
      try {
        return await this.writeStaged(events, perPersonDay, exempt, exact, false, chunks);
      } catch (error) {
        if (!(error instanceof RepeatedIds)) throw error;
        return await this.writeStaged(events, perPersonDay, exempt, exact, true, chunks);
      }
    });
  }

  /**
   * One try at a group's transaction (call within `serial`). A plain INSERT costs a fraction of an
   * INSERT OR IGNORE (a third at 300,000 stored events, measured in docs/DECISIONS.md, "Ingest"),
   * and ids sent again are rare (a retry after a lost answer): so the group is first inserted as
   * new, and only when an id is already stored (the insert fails, the transaction rolls back,
   * `RepeatedIds`) again with `repeats`, keeping the stored rows and learning which ids were new.
   * Then the staging table holds exactly the new events, which every rollup reads. The insert and
   * every rollup go to DuckDB as one string: each round trip waits for the event loop, busy with
   * requests, to send the next statement.
   */
  private async writeStaged(
    events: readonly StoredEvent[],
    perPersonDay: number,
    exempt: ReadonlySet<string> | undefined,
    exact: boolean,
    repeats: boolean,
    chunks: readonly DuckDBDataChunk[] | undefined,
  ): Promise<CappedInsert> {
    return this.inTransaction(async () => {
      const { kept, refused } = exact ? await this.withinCap(this.writer, events, perPersonDay, exempt) : { kept: events, refused: [] };
      if (kept.length === 0) return { inserted: [], refused };
      await this.stage(kept === events && chunks ? chunks : stagingChunks(kept));
      const ids = repeats ? await this.insertNewStaged(kept) : kept.map((e) => e.id);
      if (ids.length === 0) return { inserted: [], refused };
      this.usageEvents ??= await this.storedUsageEvents(this.writer);
      const stored = kept.length === ids.length ? kept : this.only(kept, ids);
      const staged = '(SELECT id, name, ts, user_id, anonymous_id, tool, CAST(props AS JSON) AS props FROM staging) AS src';
      const statements = [
        ...(repeats ? [] : [`INSERT INTO events ${stagedEvents}`]),
        ...keepUsageSql(this.dialect, 'staging', this.usageEvents),
        ...fillAllRollupsSql(this.dialect, staged, rollupsFedBy(stored.map((e) => e.name))),
        // Last, so its rows come back: the person-days' totals with these events.
        `INSERT INTO person_days (user_id, day, events)
         SELECT user_id, ${this.dialect.utcDay('ts')}, COUNT(*) FROM staging WHERE user_id IS NOT NULL GROUP BY 1, 2
         ON CONFLICT (user_id, day) DO UPDATE SET events = person_days.events + excluded.events RETURNING events`,
      ];
      let totals: Record<string, unknown>[];
      try {
        totals = await this.writer.rows(statements.join(';\n'));
      } catch (error) {
        if (!repeats && /primary key|unique constraint/i.test(String((error as Error).message))) throw new RepeatedIds();
        throw error;
      }
      if (totals.some((r) => Number(r['events']) > perPersonDay) && !exact) throw new PastTheCap();
      return { inserted: ids, refused };
    });
  }

  /** Inserts the staged events not already stored and leaves only them staged; returns their ids. */
  private async insertNewStaged(kept: readonly StoredEvent[]): Promise<string[]> {
    const inserted = await this.writer.rows(`INSERT OR IGNORE INTO events ${stagedEvents} RETURNING id`);
    const ids = inserted.map((r) => String(r['id']));
    const stale = this.only(kept, ids, false).map((e) => e.id);
    for (let start = 0; start < stale.length; start += 1000) {
      const some = stale.slice(start, start + 1000);
      await this.writer.run(`DELETE FROM staging WHERE id IN (${some.map((_, i) => `$${i + 1}`).join(', ')})`, some);
    }
    return ids;
  }

  /** The events whose id is (or, with `among` false, is not) in `ids`. */
  private only(events: readonly StoredEvent[], ids: readonly string[], among = true): StoredEvent[] {
    const set = new Set(ids);
    return events.filter((e) => set.has(e.id) === among);
  }

  /**
   * Puts events (as `stagingChunks`) in a new temporary staging table. Appending and moving the rows
   * with one INSERT … SELECT is several times faster than binding thousands of parameters. The table
   * is made anew for each group: emptied with DELETE, its deleted rows stayed and every later scan
   * of it grew slower (twice as slow after 300 groups, measured in docs/DECISIONS.md, "Ingest").
   */
  private async stage(chunks: readonly DuckDBDataChunk[]): Promise<void> {
    await this.connection.run(
      'CREATE OR REPLACE TEMP TABLE staging (id VARCHAR, name VARCHAR, ts TIMESTAMPTZ, received_at TIMESTAMPTZ, user_id VARCHAR, anonymous_id VARCHAR, session_id VARCHAR, tool VARCHAR, props VARCHAR)',
    );
    const appender = await this.connection.createAppender('staging', 'main', 'temp');
    try {
      for (const chunk of chunks) appender.appendDataChunk(chunk);
    } finally {
      appender.closeSync();
    }
  }

  /**
   * A read on every core: `SET threads` is the instance's, so for the read's length the writes may
   * use them too (about a fifth more CPU per event while it runs), and after it they are back on
   * `threads`. A metrics request of 10M events took 3.3 s on one thread and 2.1 s on two (docs/scaling.md).
   * Reads are one at a time, so no other read sets it back midway. Parallel scans return rows in a
   * varying order: what reads a session sums as floats must not depend on it (`meanInterval`
   * sorts its tally, the cluster statistics their teams; time saved sums DECIMAL minutes).
   */
  readSession<T>(work: (query: SqlQuery) => Promise<T>): Promise<T> {
    const onEveryCore = async (query: SqlQuery) => {
      const back = () => query(`SET threads = ${this.threads}`);
      await query(`SET threads = ${this.readThreads}`);
      let result: T;
      try {
        result = await work(query);
      } catch (error) {
        // The read's own error is the one to report, whether or not the setting goes back.
        await back().catch(() => undefined);
        throw error;
      }
      await back();
      return result;
    };
    const next = this.readerQueue.then(...this.onConnection(() => this.reader, onEveryCore));
    this.readerQueue = next.catch(() => undefined);
    return next;
  }

  lookupSession<T>(work: (query: SqlQuery) => Promise<T>): Promise<T> {
    const next = this.lookerQueue.then(...this.onConnection(() => this.looker, work));
    this.lookerQueue = next.catch(() => undefined);
    return next;
  }

  /** `work` on a connection (read when it starts: compaction swaps them), for both outcomes of the queue before it. */
  private onConnection<T>(connection: () => DuckDBConnection, work: (query: SqlQuery) => Promise<T>): [() => Promise<T>, () => Promise<T>] {
    const query: SqlQuery = async (sql, params = []) =>
      (await connection().runAndReadAll(sql, params)).getRowObjectsJS().map((row) => {
        for (const key of Object.keys(row)) if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
        return row;
      });
    const run = () => (this.closed ? Promise.reject(new Error('the DuckDB store is closed')) : work(query));
    return [run, run];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.serial(async () => {
      this.closed = true;
      await Promise.all([this.readerQueue, this.lookerQueue]);
      this.looker.closeSync();
      this.reader.closeSync();
      this.connection.closeSync();
      this.instance.closeSync();
    });
  }
}
