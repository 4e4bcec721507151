import pg from 'pg';
import { feedsRollup, fillAllRollupsSql, rollupsFedBy } from './metric-rollups.js';
import { postgresMigrations } from './migrations.js';
import { PgPartitions } from './pg-partitions.js';
import { insertPartitionedEvents } from './pg-partitions-insert.js';
import { purgePartitions } from './pg-partitions-purge.js';
import { postgresDialect } from './postgres-dialect.js';
import { PastTheCap, type SqlExecutor, SqlStore, type TransactionOptions } from './sql-store.js';
import type { CappedInsert, SqlParam, SqlQuery, StoredEvent } from './store.js';
import { utcDayText } from './utc-day-text.js';
import { keepUsageSql } from './usage-rollup.js';

// Any fixed number: every collector takes the same advisory lock while migrating.
const migrationLock = 741_852_963;
// The class of the per-person-day advisory locks (their two-key form: a space apart from migrationLock's).
const personDayLocks = 741_852_964;

/** Statements on a pool (each on whichever connection is free) or on one client. */
function executorOf(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    rows: async (sql, params) => (await client.query(sql, params)).rows,
    run: async (sql, params) => (await client.query(sql, params)).rowCount ?? 0,
  };
}

/**
 * The scale-out store: PostgreSQL through a `pg` pool. Several collectors may share it: ids are
 * deduplicated in each month of the partitioned events and across a month's edge under a lock on the
 * id (pg-partitions-insert.ts), migrations run under an advisory lock.
 */
export class PostgresStore extends SqlStore {
  readonly kind = 'postgres';
  readonly dialect = postgresDialect;
  /**
   * Groups written at once, each a transaction on a connection of its own: one group's round trips
   * and commit overlap another's (the pool keeps the rest of its connections for reads). Two carried
   * the most events in the ingest bench; more cost PostgreSQL more CPU per event (docs/DECISIONS.md, "Ingest").
   */
  readonly concurrentWrites = 2;
  protected readonly migrations = postgresMigrations;
  protected readonly statements: SqlExecutor;
  private readonly partitions: PgPartitions;

  private constructor(private readonly pool: pg.Pool) {
    super();
    this.statements = executorOf(pool);
    this.partitions = new PgPartitions(pool);
  }

  /** Connects to `postgres://…`; the URL may carry `?options=-c search_path=…`. */
  static async open(url: string, poolSize = 10): Promise<PostgresStore> {
    // Metrics cut time into UTC days: a TIMESTAMPTZ cast to DATE must give its UTC day. Set for
    // every connection at startup, added to any `options` the URL already carries.
    const withUtc = new URL(url);
    withUtc.searchParams.set('options', `${withUtc.searchParams.get('options') ?? ''} -c TimeZone=UTC`.trim());
    const pool = new pg.Pool({ connectionString: withUtc.toString(), max: poolSize });
    // An idle client that loses its connection emits 'error' on the pool; without a listener that
    // would crash the process. The next query reconnects or fails with a 503.
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool);
    await store.ping();
    return store;
  }

  /** Migrates, then makes this month's and the next month's events partitions. */
  override async migrate(): Promise<void> {
    await super.migrate();
    await this.partitions.ensureAhead();
  }

  /** Retention by month: see pg-partitions-purge.ts. */
  protected override purgeEvents(tx: SqlExecutor, before: Date, keep: readonly string[]): Promise<number> {
    return purgePartitions(tx, before, keep);
  }

  private async onClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  protected transaction<T>(work: (tx: SqlExecutor) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.onClient(async (client) => {
      if (options.exclusive) await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
      return work(executorOf(client));
    });
  }

  // Plain VACUUM only marks the dead rows' space reusable; VACUUM FULL writes each table to a new
  // file and drops the old one, holding an exclusive lock on it meanwhile (inserts wait).
  protected async compact(tables: readonly string[]): Promise<void> {
    for (const table of tables) await this.pool.query(`VACUUM FULL ${table}`);
  }

  /**
   * Advisory locks, one per person-day, held to the end of the transaction and taken in one global
   * order (their hash) so collectors never deadlock on them. Every insert takes them before it
   * reads or counts a person-day, so a total it reads or leaves includes every other collector's.
   */
  private async lockPersonDays(tx: SqlExecutor, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const values = keys.map((_, i) => `($${i + 1})`).join(', ');
    // Text parameters cannot hold the keys' NUL separator. Two person-days that hash alike share a
    // lock: their inserts wait for each other, nothing more.
    await tx.run(
      `SELECT pg_advisory_xact_lock(${personDayLocks}, h) FROM (SELECT DISTINCT hashtext(k) AS h FROM (VALUES ${values}) AS v(k) ORDER BY 1) AS l`,
      keys.map((key) => key.replace('\u0000', ' ')),
    );
  }

  protected async writeGroup(
    given: readonly StoredEvent[],
    perPersonDay: number,
    exempt: ReadonlySet<string> | undefined,
    exact: boolean,
  ): Promise<CappedInsert> {
    // Before the insert's transaction, so a month made for it does not wait on its locks.
    await this.partitions.ensureFor(given.map((e) => e.ts));
    return this.retryingDeadlocks(() =>
      this.onClient(async (client) => {
        await this.lockPersonDays(executorOf(client), this.personDayKeys(given));
        const { kept, refused } = exact
          ? await this.withinCap(executorOf(client), given, perPersonDay, exempt)
          : { kept: given, refused: [] };
        if (kept.length === 0) return { inserted: [], refused };
        // Several collectors insert overlapping batches at once: rows taken in one global order (by
        // id, and the rollup by its key) keep their row locks from deadlocking; a deadlock that
        // happens anyway is retried, the whole transaction being idempotent.
        const events = [...kept].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const ids = await insertPartitionedEvents(client, this.partitions, events);
        // Read at each write: another collector may have changed it.
        const usage = await this.storedUsageEvents(executorOf(client));
        const rows = 'unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[]) AS r(user_id, ts, tool, name)';
        // The usage rollups keep distinct (person, UTC day, tool): one event of each such key and
        // name gives them the same rows as all of them, in a few dozen parameters instead of thousands.
        const usageRows = [
          ...new Map(events.map((e) => [`${e.userId}\u0000${utcDayText(e.ts)}\u0000${e.tool}\u0000${e.name}`, e])).values(),
        ];
        const columns = [
          usageRows.map((e) => e.userId),
          usageRows.map((e) => e.ts.toISOString()),
          usageRows.map((e) => e.tool),
          usageRows.map((e) => e.name),
        ];
        for (const sql of keepUsageSql(this.dialect, rows, usage)) await client.query(sql, columns);
        await this.keepMetricRollups(client, events, ids);
        // Totals include what other collectors committed before this transaction took the rows.
        if ((await this.countPersonDays(executorOf(client), events, ids)) > perPersonDay && !exact) throw new PastTheCap();
        return { inserted: ids, refused };
      }),
    );
  }

  /**
   * The metric rollups of the events this insert stored: the statements a rebuild runs over every
   * event (storage/metric-rollups.ts), over these rows of \`events\` (read by their primary key).
   */
  private async keepMetricRollups(client: pg.PoolClient, events: readonly StoredEvent[], inserted: readonly string[]): Promise<void> {
    const fresh = new Set(inserted);
    const feeding = events.filter((e) => fresh.has(e.id) && feedsRollup(e.name));
    if (feeding.length === 0) return;
    const tables = rollupsFedBy(feeding.map((e) => e.name));
    const ids = feeding.map((e) => e.id);
    const from = '(SELECT id, name, ts, user_id, anonymous_id, tool, props FROM events WHERE id = ANY($1::text[])) AS src';
    for (const sql of fillAllRollupsSql(this.dialect, from, tables)) await client.query(sql, [ids]);
  }

  /**
   * Adds the events an insert stored (`inserted`, duplicates left out) to their person-days, inside
   * the insert's transaction, and returns the highest person-day total it left. Keys in one global
   * order, so concurrent inserts do not deadlock; a row is locked until the transaction ends, and a
   * concurrent insert of that person-day waits, then adds to the total the first one committed.
   */
  private async countPersonDays(tx: SqlExecutor, events: readonly StoredEvent[], inserted: readonly string[]): Promise<number> {
    const stored = new Set(inserted);
    const counts = new Map<string, number>();
    for (const e of events) {
      if (e.userId === null || !stored.has(e.id)) continue;
      const key = `${e.userId}\u0000${utcDayText(e.ts)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (counts.size === 0) return 0;
    const p = this.dialect.param;
    const params: SqlParam[] = [];
    const rows = [...counts.keys()].sort().map((key) => {
      const [userId, day] = key.split('\u0000') as [string, string];
      return `(${p(params.push(userId))}, CAST(${p(params.push(day))} AS DATE), ${p(params.push(counts.get(key) as number))})`;
    });
    const totals = await tx.rows(
      `INSERT INTO person_days (user_id, day, events) VALUES ${rows.join(', ')}
       ON CONFLICT (user_id, day) DO UPDATE SET events = person_days.events + excluded.events RETURNING events`,
      params,
    );
    return totals.reduce((highest, r) => Math.max(highest, Number(r['events'])), 0);
  }

  private async retryingDeadlocks<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const code = (error as { code?: string }).code;
        if ((code !== '40P01' && code !== '40001') || attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
      }
    }
  }

  /**
   * One transaction on one connection, so temporary tables live for the session. Metric queries
   * filter on JSON props, whose selectivity PostgreSQL cannot estimate; it then expects one row where
   * there are thousands and picks nested loops that rescan `events` per row (a prompt's uplift took
   * 9 s on 1M events). Hash joins are right for every metric query, so nested loops are off here.
   */
  readSession<T>(work: (query: SqlQuery) => Promise<T>): Promise<T> {
    return this.onClient(async (client) => {
      await client.query('SET LOCAL enable_nestloop = off');
      // With nested loops priced out, the range joins of the metrics look costly enough to trigger
      // JIT compilation, which then costs more than the query itself (~0.3–1 s a statement).
      await client.query('SET LOCAL jit = off');
      return work(async (sql, params = []) => (await client.query(sql, params)).rows);
    });
  }

  // A connection of the pool: metrics hold one of ten at most.
  lookupSession<T>(work: (query: SqlQuery) => Promise<T>): Promise<T> {
    return this.onClient((client) => work(async (sql, params = []) => (await client.query(sql, params)).rows));
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
