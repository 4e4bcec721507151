import pg from 'pg';
import { postgresMigrations } from './migrations.js';
import { notInNames } from './sql-literal.js';
import { usageCondition, usageSetting, usageSettingKey } from './usage-rollup.js';
import type { EventPageQuery, SqlDialect, SqlQuery, Store, StoredEvent, StoreSummary } from './store.js';

const selectEvent = 'SELECT id, name, ts, received_at, user_id, anonymous_id, session_id, tool, props FROM events';
// Any fixed number: every collector takes the same advisory lock while migrating.
const migrationLock = 741_852_963;

function toEvent(r: Record<string, unknown>): StoredEvent {
  return {
    id: r['id'] as string,
    name: r['name'] as string,
    ts: r['ts'] as Date,
    receivedAt: r['received_at'] as Date,
    userId: (r['user_id'] as string | null) ?? null,
    anonymousId: (r['anonymous_id'] as string | null) ?? null,
    sessionId: (r['session_id'] as string | null) ?? null,
    tool: r['tool'] as string,
    props: r['props'] as StoredEvent['props'],
  };
}

/**
 * The scale-out store: PostgreSQL through a `pg` pool. Several collectors may share it: ids are
 * deduplicated by the primary key (`ON CONFLICT DO NOTHING`), migrations run under an advisory lock.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres';
  readonly dialect: SqlDialect = {
    isoWeek: (d) => `to_char(${d}, 'IYYY-"W"IW')`,
    utcDay: (ts) => `CAST(${ts} AT TIME ZONE 'UTC' AS DATE)`,
    tempTable: (name, select) => `CREATE TEMP TABLE ${name} ON COMMIT DROP AS ${select}`,
  };

  private constructor(private readonly pool: pg.Pool) {}

  /** The `usageEvents` setting, read at each write: another collector may have changed it. */
  private async usageEvents(client: pg.PoolClient | pg.Pool = this.pool): Promise<string[]> {
    const { rows } = await client.query('SELECT value FROM settings WHERE key = $1', [usageSettingKey]);
    return JSON.parse(rows[0]?.value ?? '[]');
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

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
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

  async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT, applied_at TIMESTAMPTZ DEFAULT now())',
      );
      const { rows } = await client.query('SELECT coalesce(max(version), 0) AS v FROM schema_migrations');
      const current = Number(rows[0]?.v ?? 0);
      for (const migration of postgresMigrations.filter((m) => m.version > current)) {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [
          migration.version,
          migration.description,
        ]);
      }
    });
  }

  async schemaVersion(): Promise<number> {
    const { rows } = await this.pool.query('SELECT coalesce(max(version), 0) AS v FROM schema_migrations');
    return Number(rows[0]?.v ?? 0);
  }

  async insert(unsorted: StoredEvent[]): Promise<string[]> {
    if (unsorted.length === 0) return [];
    // Several collectors insert overlapping batches at once: rows taken in one global order (by id,
    // and the rollup by its key) keep their row locks from deadlocking; a deadlock that happens
    // anyway is retried, the whole transaction being idempotent.
    const events = [...unsorted].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.retryingDeadlocks(() =>
      this.transaction(async (client) => {
        // One statement, nine array parameters: the row count does not change the statement text.
        const { rows } = await client.query(
          `INSERT INTO events (id, name, ts, received_at, user_id, anonymous_id, session_id, tool, props)
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])
       ON CONFLICT (id) DO NOTHING RETURNING id`,
          [
            events.map((e) => e.id),
            events.map((e) => e.name),
            events.map((e) => e.ts.toISOString()),
            events.map((e) => e.receivedAt.toISOString()),
            events.map((e) => e.userId),
            events.map((e) => e.anonymousId),
            events.map((e) => e.sessionId),
            events.map((e) => e.tool),
            events.map((e) => JSON.stringify(e.props)),
          ],
        );
        const usage = await this.usageEvents(client);
        await client.query(
          `INSERT INTO daily_usage (user_id, day, tool)
       SELECT DISTINCT user_id, ${this.dialect.utcDay('ts')}, tool FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[]) AS r(user_id, ts, tool, name)
       WHERE user_id IS NOT NULL AND ${usageCondition(usage)}
       ORDER BY 1, 2, 3
       ON CONFLICT DO NOTHING`,
          [events.map((e) => e.userId), events.map((e) => e.ts.toISOString()), events.map((e) => e.tool), events.map((e) => e.name)],
        );
        return rows.map((r: { id: string }) => r.id);
      }),
    );
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

  async syncUsageEvents(usageEvents: readonly string[]): Promise<void> {
    const wanted = usageSetting(usageEvents);
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
      if (usageSetting(await this.usageEvents(client)) === wanted) return;
      await client.query('DELETE FROM daily_usage');
      await client.query(
        `INSERT INTO daily_usage SELECT DISTINCT user_id, ${this.dialect.utcDay('ts')}, tool FROM events WHERE user_id IS NOT NULL AND ${usageCondition(usageEvents)}`,
      );
      await client.query('UPDATE settings SET value = $2 WHERE key = $1', [usageSettingKey, wanted]);
    });
  }

  async rollupMatches(usageEvents: readonly string[]): Promise<boolean> {
    return usageSetting(await this.usageEvents()) === usageSetting(usageEvents);
  }

  async getSetting(key: string): Promise<string | undefined> {
    const { rows } = await this.pool.query('SELECT value FROM settings WHERE key = $1', [key]);
    return rows[0]?.value;
  }

  async initSetting(key: string, value: string): Promise<string> {
    await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
    return (await this.getSetting(key)) as string;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async summary(): Promise<StoreSummary> {
    const totals = (
      await this.pool.query('SELECT count(*)::int AS events, count(DISTINCT coalesce(user_id, anonymous_id))::int AS users FROM events')
    ).rows[0];
    const byName = (await this.pool.query('SELECT name, count(*)::int AS events FROM events GROUP BY name ORDER BY events DESC, name'))
      .rows;
    return {
      events: totals?.events ?? 0,
      users: totals?.users ?? 0,
      byName: byName.map((r: { name: string; events: number }) => ({ name: r.name, events: r.events })),
    };
  }

  async eventPage(q: EventPageQuery): Promise<StoredEvent[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (v: unknown) => `$${values.push(v)}`;
    if (q.from) where.push(`ts >= ${param(q.from)}`);
    if (q.to) where.push(`ts < ${param(q.to)}`);
    if (q.after) where.push(`(ts, id) > (${param(q.after.ts)}, ${param(q.after.id)})`);
    const sql = `${selectEvent} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ts, id LIMIT ${Math.max(1, Math.floor(q.limit))}`;
    return (await this.pool.query(sql, values)).rows.map(toEvent);
  }

  async purge(before: Date, keep: readonly string[]): Promise<number> {
    return this.transaction(async (client) => {
      const result = await client.query(`DELETE FROM events WHERE ts < $1 AND ${notInNames('name', keep)}`, [before]);
      await client.query(`DELETE FROM daily_usage WHERE day < ${this.dialect.utcDay('CAST($1 AS TIMESTAMPTZ)')}`, [before]);
      return result.rowCount ?? 0;
    });
  }

  /**
   * One transaction on one connection, so temporary tables live for the session. Metric queries
   * filter on JSON props, whose selectivity PostgreSQL cannot estimate; it then expects one row where
   * there are thousands and picks nested loops that rescan `events` per row (a prompt's uplift took
   * 9 s on 1M events). Hash joins are right for every metric query, so nested loops are off here.
   */
  readSession<T>(work: (query: SqlQuery) => Promise<T>): Promise<T> {
    return this.transaction(async (client) => {
      await client.query('SET LOCAL enable_nestloop = off');
      // With nested loops priced out, the range joins of the metrics look costly enough to trigger
      // JIT compilation, which then costs more than the query itself (~0.3–1 s a statement).
      await client.query('SET LOCAL jit = off');
      return work(async (sql, params = []) => (await client.query(sql, params)).rows);
    });
  }

  query: SqlQuery = (sql, params) => this.readSession((q) => q(sql, params));

  async events(): Promise<StoredEvent[]> {
    return (await this.pool.query(`${selectEvent} ORDER BY ts, id`)).rows.map(toEvent);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
