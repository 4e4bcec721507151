import type { AuditEntry, AuditQuery } from '../audit/audit-entry.js';
import { auditTable } from './audit-table.js';
import { selectEvents, toStoredEvent } from './event-row.js';
import { type MetricRollupTable, metricRollupTables, rebuildRollupsSql, type SqlStatement } from './metric-rollups.js';
import type { Migration } from './migrations.js';
import { type ForgetCounts, personTables } from './person-tables.js';
import type { SqlDialect } from './sql-dialect.js';
import { pseudonymSecretSetting } from './pseudonym-key-file.js';
import { notInNames } from './sql-literal.js';
import type { CappedInsert, EventPageQuery, SqlParam, SqlQuery, Store, StoredEvent, StoreSummary, StoreTable } from './store.js';
import { keepUsageSql, usageRollupTables, usageSetting, usageSettingKey } from './usage-rollup.js';
import { utcDayText } from './utc-day-text.js';

/** Rolls back an optimistic group insert that took a person-day past the cap (see `SqlStore.insertCapped`). */
export class PastTheCap extends Error {}

/** How the shared core runs statements on a store's connection. */
export interface SqlExecutor {
  /** Runs one statement and returns its rows; an integer may come back as a number, a bigint or text. */
  rows(sql: string, params?: SqlParam[]): Promise<Record<string, unknown>[]>;
  /** Runs a statement (several separated by `;` when it has no parameters) and returns how many rows it changed. */
  run(sql: string, params?: SqlParam[]): Promise<number>;
}

export interface TransactionOptions {
  /**
   * Also take the store-wide lock of migrations and rollup rebuilds, so collectors sharing one
   * database do them one at a time (a store only one process can open needs no lock).
   */
  exclusive?: boolean;
}

/**
 * A store over a SQL engine, written once: settings, schema migrations, summary, event pages,
 * purge, the rebuild of the daily usage rollup. A store extends it with what depends on its driver:
 * connections, transactions, insert, read sessions and close; the SQL here asks `dialect` for
 * what engines spell differently. README.md in this folder says how to add an engine.
 */
export abstract class SqlStore implements Store {
  abstract readonly kind: string;
  abstract readonly dialect: SqlDialect;
  abstract readonly concurrentWrites: number;
  readonly lockedFile: string | undefined = undefined;
  /** This engine's schema migrations in version order; a released one is never edited. */
  protected abstract readonly migrations: readonly Migration[];
  /** Runs each statement on its own, committed by itself. */
  protected abstract readonly statements: SqlExecutor;
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  protected abstract transaction<T>(work: (tx: SqlExecutor) => Promise<T>, options?: TransactionOptions): Promise<T>;
  abstract readSession<T>(work: (query: SqlQuery) => Promise<T>): Promise<T>;
  abstract lookupSession<T>(work: (query: SqlQuery) => Promise<T>): Promise<T>;
  abstract close(): Promise<void>;
  /**
   * Rewrites these tables after an erasure so the deleted rows do not survive in the store's files
   * (DuckDB: a checkpoint; PostgreSQL: `VACUUM FULL`). Runs outside any transaction.
   */
  protected abstract compact(tables: readonly string[]): Promise<void>;

  async insert(events: StoredEvent[]): Promise<string[]> {
    return (await this.insertCapped(events, Number.POSITIVE_INFINITY)).inserted;
  }

  /**
   * Writes a group of events in one transaction (`exact`: under the cap as `withinCap` decides it;
   * otherwise all of them), with their rollups, and returns the ids stored and refused. When not
   * `exact` and a person-day ends past a finite cap (the totals its insert leaves tell), throws `PastTheCap`
   * inside the transaction, which rolls it back.
   */
  protected abstract writeGroup(
    events: readonly StoredEvent[],
    perPersonDay: number,
    exempt: ReadonlySet<string> | undefined,
    exact: boolean,
  ): Promise<CappedInsert>;

  /**
   * Optimistic first: a group is written as it is, and the person-day totals its insert leaves say
   * whether anyone went past the cap. Only then (someone sending far more than a person does) is
   * the transaction rolled back and the group written again under the cap exactly, with the
   * person-days locked and read first. The common group pays no lock and no read.
   */
  async insertCapped(events: readonly StoredEvent[], perPersonDay: number, exempt?: ReadonlySet<string>): Promise<CappedInsert> {
    if (events.length === 0) return { inserted: [], refused: [] };
    try {
      return await this.writeGroup(events, perPersonDay, exempt, false);
    } catch (error) {
      if (!(error instanceof PastTheCap)) throw error;
      return this.writeGroup(events, perPersonDay, exempt, true);
    }
  }

  /** The person-days of events with a user id, as sorted distinct `user\u0000day` keys (UTC days). */
  protected personDayKeys(events: readonly StoredEvent[]): string[] {
    const keys = new Set<string>();
    for (const e of events) if (e.userId !== null) keys.add(`${e.userId}\u0000${utcDayText(e.ts)}`);
    return [...keys].sort();
  }

  /**
   * Within an insert's transaction: the events to store under the daily cap, in the order given,
   * and the ids refused. Reads the person-days' stored counts (a store several processes write
   * holds their locks already); only for a person-day the events would take past the cap does it ask
   * which of them are stored already (duplicates take no room and are not refused).
   */
  protected async withinCap(
    tx: SqlExecutor,
    events: readonly StoredEvent[],
    perPersonDay: number,
    exempt: ReadonlySet<string> = new Set(),
  ): Promise<{ kept: readonly StoredEvent[]; refused: string[] }> {
    if (perPersonDay === Number.POSITIVE_INFINITY) return { kept: events, refused: [] };
    const keyOf = (e: StoredEvent) => (e.userId === null ? undefined : `${e.userId}\u0000${utcDayText(e.ts)}`);
    const wanted = new Map<string, number>();
    for (const e of events) {
      const key = keyOf(e);
      if (key !== undefined) wanted.set(key, (wanted.get(key) ?? 0) + 1);
    }
    if (wanted.size === 0) return { kept: events, refused: [] };
    const keys = [...wanted.keys()].sort();
    const p = this.dialect.param;
    const users = [...new Set(keys.map((k) => k.split('\u0000')[0] as string))];
    const days = [...new Set(keys.map((k) => k.split('\u0000')[1] as string))];
    const stored = await tx.rows(
      `SELECT user_id, CAST(day AS VARCHAR) AS day, events FROM person_days
       WHERE user_id IN (${users.map((_, i) => p(i + 1)).join(', ')}) AND day IN (${days.map((_, i) => `CAST(${p(users.length + i + 1)} AS DATE)`).join(', ')})`,
      [...users, ...days],
    );
    const room = new Map(keys.map((key) => [key, perPersonDay]));
    for (const r of stored) room.set(`${r['user_id']}\u0000${r['day']}`, perPersonDay - Number(r['events']));
    const over = new Set(keys.filter((key) => (wanted.get(key) as number) > (room.get(key) as number)));
    if (over.size === 0) return { kept: events, refused: [] };
    const candidates = events.filter((e) => over.has(keyOf(e) as string)).map((e) => e.id);
    const already = new Set(
      (await tx.rows(`SELECT id FROM events WHERE id IN (${candidates.map((_, i) => p(i + 1)).join(', ')})`, candidates)).map((r) =>
        String(r['id']),
      ),
    );
    const kept: StoredEvent[] = [];
    const refused: string[] = [];
    for (const e of events) {
      const key = keyOf(e);
      if (key === undefined || !over.has(key) || already.has(e.id)) {
        kept.push(e);
        continue;
      }
      const left = room.get(key) as number;
      if (left <= 0 && !exempt.has(e.id)) {
        refused.push(e.id);
        continue;
      }
      room.set(key, left - 1);
      kept.push(e);
    }
    return { kept, refused };
  }

  /** Called within the transaction that changes which usage events the rollup counts: a cache of them is stale. */
  protected usageEventsChanged(): void {}

  /** The usage events the rollup counts (the `usageEvents` setting). */
  protected async storedUsageEvents(executor: SqlExecutor): Promise<string[]> {
    return JSON.parse((await this.readSetting(executor, usageSettingKey)) ?? '[]');
  }

  private async readSetting(executor: SqlExecutor, key: string): Promise<string | undefined> {
    const [row] = await executor.rows(`SELECT value FROM settings WHERE key = ${this.dialect.param(1)}`, [key]);
    return row?.['value'] === null || row?.['value'] === undefined ? undefined : String(row['value']);
  }

  private static async version(executor: SqlExecutor): Promise<number> {
    return Number((await executor.rows('SELECT coalesce(max(version), 0) AS v FROM schema_migrations'))[0]?.['v'] ?? 0);
  }

  async migrate(): Promise<void> {
    const p = this.dialect.param;
    await this.transaction(
      async (tx) => {
        await tx.run(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT, applied_at TIMESTAMPTZ DEFAULT now())',
        );
        const current = await SqlStore.version(tx);
        for (const migration of this.migrations.filter((m) => m.version > current)) {
          await tx.run(migration.sql);
          await tx.run(`INSERT INTO schema_migrations (version, description) VALUES (${p(1)}, ${p(2)})`, [
            migration.version,
            migration.description,
          ]);
        }
      },
      { exclusive: true },
    );
  }

  schemaVersion(): Promise<number> {
    return SqlStore.version(this.statements);
  }

  getSetting(key: string): Promise<string | undefined> {
    return this.readSetting(this.statements, key);
  }

  async initSetting(key: string, value: string): Promise<string> {
    const p = this.dialect.param;
    await this.statements.run(`INSERT INTO settings (key, value) VALUES (${p(1)}, ${p(2)}) ON CONFLICT (key) DO NOTHING`, [key, value]);
    return (await this.getSetting(key)) as string;
  }

  async putSetting(key: string, value: string | undefined): Promise<void> {
    const p = this.dialect.param;
    if (value === undefined) await this.statements.run(`DELETE FROM settings WHERE key = ${p(1)}`, [key]);
    else
      await this.statements.run(
        `INSERT INTO settings (key, value) VALUES (${p(1)}, ${p(2)}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [key, value],
      );
  }

  initPseudonymSecret(generated: string): Promise<string> {
    return this.initSetting(pseudonymSecretSetting, generated);
  }

  keptPseudonymSecret(): Promise<string | undefined> {
    return this.getSetting(pseudonymSecretSetting);
  }

  async tables(): Promise<StoreTable[]> {
    // The schema this connection writes (PostgreSQL: the search path's first; DuckDB: main) of this
    // database: DuckDB lists a connection's temporary tables under another catalog, `temp`.
    const own = 'table_catalog = current_database() AND table_schema = current_schema()';
    const columns = await this.statements.rows(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns
       WHERE ${own} AND table_name IN (SELECT table_name FROM information_schema.tables WHERE ${own} AND table_type = 'BASE TABLE')
       ORDER BY table_name, ordinal_position`,
    );
    const keys = await this.statements.rows(
      `SELECT k.table_name AS t, k.column_name AS c FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage k
         ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name AND k.table_schema = tc.table_schema
       WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_catalog = current_database() AND tc.table_schema = current_schema()
       ORDER BY k.table_name, k.ordinal_position`,
    );
    const tables = new Map<string, StoreTable>();
    for (const row of columns) {
      const name = String(row['t']);
      const table = tables.get(name) ?? { name, columns: [], primaryKey: [] };
      table.columns.push(String(row['c']));
      tables.set(name, table);
    }
    for (const row of keys) tables.get(String(row['t']))?.primaryKey.push(String(row['c']));
    return [...tables.values()];
  }

  async insertRows(table: string, columns: readonly string[], rows: readonly (string | null)[][]): Promise<number> {
    if (rows.length === 0) return 0;
    const found = (await this.tables()).find((t) => t.name === table);
    if (!found) throw new Error(`this ${this.kind} store has no table ${table}`);
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const conflict = found.primaryKey.length ? ` ON CONFLICT (${found.primaryKey.map(quote).join(', ')}) DO NOTHING` : '';
    const p = this.dialect.param;
    return this.transaction(async (tx) => {
      if (!conflict && Number((await tx.rows(`SELECT count(*) AS n FROM ${quote(table)}`))[0]?.['n']) > 0) return 0;
      let inserted = 0;
      // Text parameters: each engine reads them by the column they go into.
      const perStatement = Math.max(1, Math.floor(4000 / columns.length));
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const values = chunk.map((_, r) => `(${columns.map((_, c) => p(r * columns.length + c + 1)).join(', ')})`);
        inserted += await tx.run(
          `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${values.join(', ')}${conflict}`,
          chunk.flat(),
        );
      }
      return inserted;
    });
  }

  async ping(): Promise<void> {
    await this.statements.rows('SELECT 1');
  }

  async summary(): Promise<StoreSummary> {
    const [totals] = await this.statements.rows(
      'SELECT count(*) AS events, count(DISTINCT coalesce(user_id, anonymous_id)) AS users FROM events',
    );
    const byName = await this.statements.rows('SELECT name, count(*) AS events FROM events GROUP BY name ORDER BY events DESC, name');
    return {
      events: Number(totals?.['events'] ?? 0),
      users: Number(totals?.['users'] ?? 0),
      byName: byName.map((r) => ({ name: String(r['name']), events: Number(r['events']) })),
    };
  }

  async eventPage(q: EventPageQuery): Promise<StoredEvent[]> {
    const where: string[] = [];
    const values: SqlParam[] = [];
    const at = (d: Date) => `CAST(${this.dialect.param(values.push(d.toISOString()))} AS TIMESTAMPTZ)`;
    if (q.userId !== undefined) where.push(`user_id = ${this.dialect.param(values.push(q.userId))}`);
    if (q.from) where.push(`ts >= ${at(q.from)}`);
    if (q.to) where.push(`ts < ${at(q.to)}`);
    if (q.after) where.push(this.dialect.rowAfter(['ts', 'id'], [at(q.after.ts), this.dialect.param(values.push(q.after.id))]));
    const sql = `${selectEvents(this.dialect)} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY events.ts, events.id LIMIT ${Math.max(1, Math.floor(q.limit))}`;
    return (await this.statements.rows(sql, values)).map(toStoredEvent);
  }

  async events(): Promise<StoredEvent[]> {
    return (await this.statements.rows(`${selectEvents(this.dialect)} ORDER BY events.ts, events.id`)).map(toStoredEvent);
  }

  /** Within purge's transaction: deletes the events with `ts` before `before` except those named in `keep`; returns how many. */
  protected purgeEvents(tx: SqlExecutor, before: Date, keep: readonly string[]): Promise<number> {
    const cutoff = `CAST(${this.dialect.param(1)} AS TIMESTAMPTZ)`;
    return tx.run(`DELETE FROM events WHERE ts < ${cutoff} AND ${notInNames('name', keep)}`, [before.toISOString()]);
  }

  purge(before: Date, keep: readonly string[]): Promise<number> {
    const cutoff = `CAST(${this.dialect.param(1)} AS TIMESTAMPTZ)`;
    return this.transaction(async (tx) => {
      const purged = await this.purgeEvents(tx, before, keep);
      // The metric rollups stay (docs/DECISIONS.md, "Metric rollups"): their figures do not change
      // when the raw events behind them go.
      for (const table of [...usageRollupTables, 'person_days'])
        await tx.run(`DELETE FROM ${table} WHERE day < ${this.dialect.utcDay(cutoff)}`, [before.toISOString()]);
      return purged;
    });
  }

  async forget(userId: string, before?: Date): Promise<ForgetCounts> {
    const p = this.dialect.param;
    const cutoff = `CAST(${p(2)} AS TIMESTAMPTZ)`;
    const counts = await this.transaction(async (tx) => {
      const counts = {} as ForgetCounts;
      for (const entry of personTables) {
        const { table, person, dated } = entry;
        if (before && 'rebuilt' in entry) {
          counts[table] = await this.refold(tx, table as MetricRollupTable, userId);
          continue;
        }
        const when = dated.kind === 'instant' ? `${dated.column} < ${cutoff}` : `${dated.column} < ${this.dialect.utcDay(cutoff)}`;
        counts[table] = before
          ? await tx.run(`DELETE FROM ${table} WHERE ${person} = ${p(1)} AND ${when}`, [userId, before.toISOString()])
          : await tx.run(`DELETE FROM ${table} WHERE ${person} = ${p(1)}`, [userId]);
      }
      return counts;
    });
    const changed = personTables.filter(({ table }) => counts[table] > 0).map(({ table }) => table);
    if (changed.length > 0) await this.compact(changed);
    return counts;
  }

  /**
   * Deletes a person's rows of a rollup folding many days and folds their stored events into it
   * again (after an erasure of their events before a time); returns how many rows fewer it has.
   */
  private async refold(tx: SqlExecutor, table: MetricRollupTable, userId: string): Promise<number> {
    const [deleteRows, fill] = rebuildRollupsSql(this.dialect, [table], userId) as [SqlStatement, SqlStatement];
    return (await tx.run(deleteRows.sql, deleteRows.params)) - (await tx.run(fill.sql, fill.params));
  }

  /** Empties the usage rollups and fills them from the stored events, counting `usageEvents`. */
  private async rebuildUsage(tx: SqlExecutor, usageEvents: readonly string[], onTable?: (table: string) => void): Promise<void> {
    for (const table of usageRollupTables) await tx.run(`DELETE FROM ${table}`);
    for (const [i, sql] of keepUsageSql(this.dialect, 'events', usageEvents).entries()) {
      onTable?.(usageRollupTables[i] as string);
      await tx.run(sql);
    }
  }

  async rebuildRollups(onTable?: (table: string) => void): Promise<void> {
    await this.transaction(
      async (tx) => {
        await this.rebuildUsage(tx, await this.storedUsageEvents(tx), onTable);
        // Deletes first, then one fill a table, in the order of metricRollupTables.
        const statements = rebuildRollupsSql(this.dialect);
        for (const [i, { sql, params }] of statements.entries()) {
          const filling = metricRollupTables[i - metricRollupTables.length];
          if (filling) onTable?.(filling);
          await tx.run(sql, params);
        }
      },
      { exclusive: true },
    );
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    return auditTable.append(this.statements, this.dialect, entry);
  }

  readAudit(query: AuditQuery = {}): Promise<AuditEntry[]> {
    return auditTable.read(this.statements, this.dialect, query);
  }

  purgeAudit(before: Date): Promise<number> {
    return auditTable.purge(this.statements, this.dialect, before);
  }

  async syncUsageEvents(usageEvents: readonly string[]): Promise<void> {
    const wanted = usageSetting(usageEvents);
    const p = this.dialect.param;
    await this.transaction(
      async (tx) => {
        if (usageSetting(await this.storedUsageEvents(tx)) === wanted) return;
        await this.rebuildUsage(tx, usageEvents);
        await tx.run(`UPDATE settings SET value = ${p(2)} WHERE key = ${p(1)}`, [usageSettingKey, wanted]);
        this.usageEventsChanged();
      },
      { exclusive: true },
    );
  }

  async rollupMatches(usageEvents: readonly string[]): Promise<boolean> {
    return usageSetting(await this.storedUsageEvents(this.statements)) === usageSetting(usageEvents);
  }

  query: SqlQuery = (sql, params) => this.readSession((q) => q(sql, params));

  execute: SqlQuery = async (sql, params) =>
    (await this.statements.rows(sql, params)).map((row) => {
      for (const key of Object.keys(row)) if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
      return row;
    });

  async storedIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const p = this.dialect.param;
    const rows = await this.query(`SELECT id FROM events WHERE id IN (${ids.map((_, i) => p(i + 1)).join(', ')})`, [...ids]);
    return new Set(rows.map((r) => String(r['id'])));
  }

  async personDayEvents(userId: string, day: string): Promise<number> {
    const p = this.dialect.param;
    const [row] = await this.query(`SELECT events FROM person_days WHERE user_id = ${p(1)} AND day = CAST(${p(2)} AS DATE)`, [userId, day]);
    return Number(row?.['events'] ?? 0);
  }
}
