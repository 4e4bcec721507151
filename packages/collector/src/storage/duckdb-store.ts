import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { duckdbMigrations } from './migrations.js';
import { notInNames } from './sql-literal.js';
import { usageCondition, usageSetting, usageSettingKey } from './usage-rollup.js';
import type { EventPageQuery, SqlDialect, SqlQuery, Store, StoredEvent, StoreSummary } from './store.js';

const selectEvent = `SELECT id, name, epoch_ms(ts) AS ts, epoch_ms(received_at) AS received_at, user_id, anonymous_id, session_id, tool, props::VARCHAR AS props FROM events`;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toEvent(r: Record<string, unknown>): StoredEvent {
  return {
    id: String(r['id']),
    name: String(r['name']),
    ts: new Date(Number(r['ts'])),
    receivedAt: new Date(Number(r['received_at'])),
    userId: str(r['user_id']),
    anonymousId: str(r['anonymous_id']),
    sessionId: str(r['session_id']),
    tool: String(r['tool']),
    props: JSON.parse(String(r['props'])),
  };
}

/**
 * The embedded store: one DuckDB file, one process (DuckDB locks the file). One connection, and
 * every statement goes through one queue, so transactions never interleave. DuckDB fsyncs its WAL
 * at commit, so a resolved `insert` survives a crash.
 */
export class DuckDBStore implements Store {
  readonly kind = 'duckdb';
  readonly dialect: SqlDialect = {
    isoWeek: (d) => `strftime(${d}, '%G-W%V')`,
    // Integer arithmetic on epoch milliseconds: twice as fast as a time-zone-aware cast to DATE.
    utcDay: (ts) => `(DATE '1970-01-01' + CAST(epoch_ms(${ts}) // 86400000 AS INTEGER))`,
    tempTable: (name, select) => `CREATE OR REPLACE TEMP TABLE ${name} AS ${select}`,
  };
  private readerQueue: Promise<unknown> = Promise.resolve();
  /** What the daily usage rollup counts as usage besides `ai.*` (the `usageEvents` setting). */
  private usageEvents: string[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** A second connection for metrics: DuckDB's MVCC lets it read while the first one writes. */
    private readonly reader: DuckDBConnection,
  ) {}

  /** Opens (creating when missing) the DuckDB file at `path`, or an in-memory store for `:memory:`. */
  static async open(path: string): Promise<DuckDBStore> {
    if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    const reader = await instance.connect();
    // Metrics cut time into UTC days: a TIMESTAMPTZ cast to DATE must give its UTC day.
    await connection.run("SET TimeZone = 'UTC'");
    await reader.run("SET TimeZone = 'UTC'");
    // Appending to a temporary table and moving the rows with one INSERT … SELECT is several times
    // faster than binding thousands of parameters, and keeps the move a single statement.
    await connection.run(
      'CREATE TEMP TABLE staging (id VARCHAR, name VARCHAR, ts VARCHAR, received_at VARCHAR, user_id VARCHAR, anonymous_id VARCHAR, session_id VARCHAR, tool VARCHAR, props VARCHAR)',
    );
    return new DuckDBStore(instance, connection, reader);
  }

  /** Runs work on the connection one piece at a time. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = () => (this.closed ? Promise.reject(new Error('the DuckDB store is closed')) : work());
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async rows(sql: string, values?: DuckDBValue[]): Promise<Record<string, unknown>[]> {
    return (await this.connection.runAndReadAll(sql, values)).getRowObjectsJS();
  }

  private async transaction<T>(work: () => Promise<T>): Promise<T> {
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

  migrate(): Promise<void> {
    return this.serial(async () => {
      await this.connection.run(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMPTZ DEFAULT now())',
      );
      const current = Number((await this.rows('SELECT coalesce(max(version), 0) AS v FROM schema_migrations'))[0]?.['v'] ?? 0);
      for (const migration of duckdbMigrations.filter((m) => m.version > current)) {
        await this.transaction(async () => {
          await this.connection.run(migration.sql);
          await this.connection.run('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [
            migration.version,
            migration.description,
          ]);
        });
      }
      this.usageEvents = JSON.parse(
        String((await this.rows('SELECT value FROM settings WHERE key = $1', [usageSettingKey]))[0]?.['value'] ?? '[]'),
      );
    });
  }

  syncUsageEvents(usageEvents: readonly string[]): Promise<void> {
    return this.serial(async () => {
      const wanted = usageSetting(usageEvents);
      if (wanted === usageSetting(this.usageEvents)) return;
      await this.transaction(async () => {
        await this.connection.run('DELETE FROM daily_usage');
        await this.connection.run(
          `INSERT INTO daily_usage SELECT DISTINCT user_id, ${this.dialect.utcDay('ts')}, tool FROM events WHERE user_id IS NOT NULL AND ${usageCondition(usageEvents)}`,
        );
        await this.connection.run('INSERT OR REPLACE INTO settings (key, value) VALUES ($1, $2)', [usageSettingKey, wanted]);
      });
      this.usageEvents = JSON.parse(wanted);
    });
  }

  async rollupMatches(usageEvents: readonly string[]): Promise<boolean> {
    const stored = await this.getSetting(usageSettingKey);
    return stored === usageSetting(usageEvents);
  }

  schemaVersion(): Promise<number> {
    return this.serial(async () =>
      Number((await this.rows('SELECT coalesce(max(version), 0) AS v FROM schema_migrations'))[0]?.['v'] ?? 0),
    );
  }

  insert(events: StoredEvent[]): Promise<string[]> {
    if (events.length === 0) return Promise.resolve([]);
    return this.serial(async () => {
      const appender = await this.connection.createAppender('staging', 'main', 'temp');
      try {
        for (const e of events) {
          appender.appendVarchar(e.id);
          appender.appendVarchar(e.name);
          appender.appendVarchar(e.ts.toISOString());
          appender.appendVarchar(e.receivedAt.toISOString());
          e.userId === null ? appender.appendNull() : appender.appendVarchar(e.userId);
          e.anonymousId === null ? appender.appendNull() : appender.appendVarchar(e.anonymousId);
          e.sessionId === null ? appender.appendNull() : appender.appendVarchar(e.sessionId);
          appender.appendVarchar(e.tool);
          appender.appendVarchar(JSON.stringify(e.props));
          appender.endRow();
        }
      } finally {
        appender.closeSync();
      }
      try {
        return await this.transaction(async () => {
          const inserted = await this.rows(
            `INSERT OR IGNORE INTO events SELECT id, name, ts::TIMESTAMPTZ, received_at::TIMESTAMPTZ, user_id, anonymous_id, session_id, tool, props::JSON FROM staging RETURNING id`,
          );
          await this.connection.run(
            `INSERT OR IGNORE INTO daily_usage SELECT DISTINCT user_id, ${this.dialect.utcDay('ts::TIMESTAMPTZ')}, tool FROM staging
             WHERE user_id IS NOT NULL AND ${usageCondition(this.usageEvents)}`,
          );
          return inserted.map((r) => String(r['id']));
        });
      } finally {
        await this.connection.run('DELETE FROM staging');
      }
    });
  }

  getSetting(key: string): Promise<string | undefined> {
    return this.serial(async () => str((await this.rows('SELECT value FROM settings WHERE key = $1', [key]))[0]?.['value']) ?? undefined);
  }

  async initSetting(key: string, value: string): Promise<string> {
    await this.serial(() => this.connection.run('INSERT OR IGNORE INTO settings (key, value) VALUES ($1, $2)', [key, value]));
    return (await this.getSetting(key)) as string;
  }

  async ping(): Promise<void> {
    await this.serial(() => this.connection.run('SELECT 1'));
  }

  summary(): Promise<StoreSummary> {
    return this.serial(async () => {
      const totals = (
        await this.rows('SELECT count(*) AS events, count(DISTINCT coalesce(user_id, anonymous_id)) AS users FROM events')
      )[0];
      const byName = await this.rows('SELECT name, count(*) AS events FROM events GROUP BY name ORDER BY events DESC, name');
      return {
        events: Number(totals?.['events'] ?? 0),
        users: Number(totals?.['users'] ?? 0),
        byName: byName.map((r) => ({ name: String(r['name']), events: Number(r['events']) })),
      };
    });
  }

  eventPage(q: EventPageQuery): Promise<StoredEvent[]> {
    return this.serial(async () => {
      const where: string[] = [];
      const values: DuckDBValue[] = [];
      const param = (v: DuckDBValue) => `$${values.push(v)}`;
      if (q.from) where.push(`ts >= ${param(q.from.toISOString())}::TIMESTAMPTZ`);
      if (q.to) where.push(`ts < ${param(q.to.toISOString())}::TIMESTAMPTZ`);
      if (q.after) {
        const ts = param(q.after.ts.toISOString());
        where.push(`(ts > ${ts}::TIMESTAMPTZ OR (ts = ${ts}::TIMESTAMPTZ AND id > ${param(q.after.id)}))`);
      }
      const sql = `${selectEvent} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ts, id LIMIT ${Math.max(1, Math.floor(q.limit))}`;
      return (await this.rows(sql, values)).map(toEvent);
    });
  }

  purge(before: Date, keep: readonly string[]): Promise<number> {
    return this.serial(async () => {
      const result = await this.connection.run(`DELETE FROM events WHERE ts < $1::TIMESTAMPTZ AND ${notInNames('name', keep)}`, [
        before.toISOString(),
      ]);
      await this.connection.run(`DELETE FROM daily_usage WHERE day < ${this.dialect.utcDay('$1::TIMESTAMPTZ')}`, [before.toISOString()]);
      return result.rowsChanged;
    });
  }

  readSession<T>(work: (query: SqlQuery) => Promise<T>): Promise<T> {
    const query: SqlQuery = async (sql, params = []) =>
      (await this.reader.runAndReadAll(sql, params)).getRowObjectsJS().map((row) => {
        for (const key of Object.keys(row)) if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
        return row;
      });
    const run = () => (this.closed ? Promise.reject(new Error('the DuckDB store is closed')) : work(query));
    const next = this.readerQueue.then(run, run);
    this.readerQueue = next.catch(() => undefined);
    return next;
  }

  query: SqlQuery = (sql, params) => this.readSession((q) => q(sql, params));

  events(): Promise<StoredEvent[]> {
    return this.serial(async () => (await this.rows(`${selectEvent} ORDER BY ts, id`)).map(toEvent));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.serial(async () => {
      this.closed = true;
      await this.readerQueue;
      this.reader.closeSync();
      this.connection.closeSync();
      this.instance.closeSync();
    });
  }
}
