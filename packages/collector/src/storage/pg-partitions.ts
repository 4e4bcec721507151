import type pg from 'pg';
import { sqlString } from './sql-literal.js';

/**
 * The events that retention keeps (`keptForever` in ingest/retention.ts): each month of `events`
 * holds them in a table of their own, so emptying a month's behaviour keeps them. Written into
 * every month's partition key when the month is created: changing it needs a migration.
 */
export const monthFacts = ['training.completed', 'identify'] as const;

// Any fixed number, apart from postgres-store.ts's: collectors create months one at a time.
const monthCreationLock = 741_852_965;
// Months are made ahead this often at most, by the first insert after the hour.
const aheadEvery = 60 * 60 * 1000;

/**
 * A partition of PostgreSQL's `events` (migration 9): a month `[start, end)` by `ts`, itself split
 * into a table of the `monthFacts` events and one of the others (behaviour); or, in a store upgraded
 * from before migration 9, its former events table, holding every time before `end`; or the default
 * partition, of times with no month (empty unless events were loaded by SQL: a month made later
 * takes its rows). Table names are schema-qualified and quoted, ready for SQL.
 */
export type EventPartition =
  | { kind: 'month'; table: string; start: Date; end: Date; facts: string; behaviour: string }
  | { kind: 'before'; table: string; end: Date }
  | { kind: 'default'; table: string };

/** The first instant of the UTC month of `t`, in milliseconds, `months` later. */
export function monthStartMs(t: number, months = 0): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
}

/**
 * How far a retry's time may lie from the original's and still find it in another month. Each send
 * corrects the device clock by its own `receivedAt − sentAt`, so a retry's `ts` differs from the
 * first send's by the difference in transit, or by how much the device's clock was set in between.
 */
export const retryDriftMs = 24 * 60 * 60 * 1000;

/** The other month a time within `retryDriftMs` of `t` may lie in (ms of a time in it), or undefined. */
export function neighbourOf(t: number): number | undefined {
  const month = monthStartMs(t);
  if (monthStartMs(t - retryDriftMs) !== month) return t - retryDriftMs;
  if (monthStartMs(t + retryDriftMs) !== month) return t + retryDriftMs;
  return undefined;
}

const monthLabel = (start: number) => new Date(start).toISOString().slice(0, 7).replace('-', '_');
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The statements that create a month and attach it to `events`. */
function createMonthSql(schema: string, start: number): string[] {
  const named = (suffix: string) => `${quote(schema)}.${quote(`events_${monthLabel(start)}${suffix}`)}`;
  const month = named('');
  const iso = (ms: number) => sqlString(new Date(ms).toISOString());
  return [
    `CREATE TABLE ${month} (LIKE events INCLUDING DEFAULTS) PARTITION BY LIST ((name IN (${monthFacts.map(sqlString).join(', ')})))`,
    // Its own primary key per table: ids are unique within a month (across months, see pg-partitions-insert.ts).
    `CREATE TABLE ${named('_facts')} PARTITION OF ${month} (PRIMARY KEY (id)) FOR VALUES IN (true)`,
    `CREATE TABLE ${named('_behaviour')} PARTITION OF ${month} (PRIMARY KEY (id)) FOR VALUES IN (false)`,
    // Rows a load by SQL left in the default partition for this month (none from the collector's inserts).
    `WITH moved AS (DELETE FROM ${quote(schema)}.events_default WHERE ts >= ${iso(start)} AND ts < ${iso(monthStartMs(start, 1))} RETURNING *)
     INSERT INTO ${month} SELECT * FROM moved`,
    // Built apart and attached: ATTACH takes a lock on events that inserts and reads do not wait for
    // (CREATE TABLE … PARTITION OF events would wait for every running metrics query, and hold
    // inserts behind it); the parent's indexes are built on the empty tables as they attach.
    `ALTER TABLE events ATTACH PARTITION ${month} FOR VALUES FROM (${iso(start)}) TO (${iso(monthStartMs(start, 1))})`,
  ];
}

/**
 * The months of PostgreSQL's `events`: which exist (cached), and their creation, ahead of time (this
 * month and the next, checked hourly) and on demand (a backfill's months, before its insert).
 */
export class PgPartitions {
  /** By month start, the month's table; undefined until first read. */
  private months: Map<number, string> | undefined;
  private legacy: { end: number; table: string } | undefined;
  private defaultTable = '';
  private aheadCheckedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly pool: pg.Pool) {}

  /** Every partition of `events`, oldest first (read within `rows`' transaction when given one). */
  static async list(rows: (sql: string) => Promise<Record<string, unknown>[]>): Promise<EventPartition[]> {
    const found = await rows(
      `SELECT n.nspname AS schema, c.relname AS name FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE i.inhparent = 'events'::regclass`,
    );
    const partitions: EventPartition[] = [];
    for (const r of found) {
      if (r['name'] === 'events_default') {
        partitions.push({ kind: 'default', table: `${quote(String(r['schema']))}.${quote('events_default')}` });
        continue;
      }
      const match = /^events_(before_)?(\d{4})_(\d{2})$/.exec(String(r['name']));
      if (!match) continue;
      const at = Date.UTC(Number(match[2]), Number(match[3]) - 1, 1);
      const named = (suffix: string) => `${quote(String(r['schema']))}.${quote(`${r['name']}${suffix}`)}`;
      partitions.push(
        match[1]
          ? { kind: 'before', table: named(''), end: new Date(at) }
          : {
              kind: 'month',
              table: named(''),
              start: new Date(at),
              end: new Date(monthStartMs(at, 1)),
              facts: named('_facts'),
              behaviour: named('_behaviour'),
            },
      );
    }
    const endOf = (p: EventPartition) => (p.kind === 'default' ? Number.POSITIVE_INFINITY : p.end.getTime());
    return partitions.sort((a, b) => endOf(a) - endOf(b));
  }

  /**
   * Makes sure a partition holds each of these times and, for a time near a month's edge, the
   * neighbouring month's; and (hourly) that this month and the next exist.
   */
  async ensureFor(times: readonly Date[]): Promise<void> {
    const now = Date.now();
    const due = now - this.aheadCheckedAt >= aheadEvery;
    // A time near a month's edge needs the neighbouring month known too: its retry's original may be there.
    const needed = times.flatMap((d) => {
      const other = neighbourOf(d.getTime());
      return other === undefined ? [d.getTime()] : [d.getTime(), other];
    });
    if (!due && this.months && needed.every((t) => this.holds(t))) return;
    if (due) this.aheadCheckedAt = now;
    await this.refresh();
    const wanted = new Set<number>();
    for (const t of [...needed, ...(due ? [now, monthStartMs(now, 1)] : [])]) {
      if (!this.holds(t)) wanted.add(monthStartMs(t));
    }
    for (const start of [...wanted].sort((a, b) => a - b)) await this.create(start);
  }

  /** This month and the next, made now (a store's migration calls it). */
  ensureAhead(): Promise<void> {
    this.aheadCheckedAt = Number.NEGATIVE_INFINITY;
    return this.ensureFor([]);
  }

  /** The table that holds time `t` (ms), as of the last `ensureFor`: its month's, the pre-migration table or the default partition. */
  tableHolding(t: number): string {
    if (this.legacy && t < this.legacy.end) return this.legacy.table;
    return this.months?.get(monthStartMs(t)) ?? this.defaultTable;
  }

  private holds(t: number): boolean {
    return (this.legacy !== undefined && t < this.legacy.end) || (this.months?.has(monthStartMs(t)) ?? false);
  }

  private async refresh(): Promise<void> {
    const partitions = await PgPartitions.list(async (sql) => (await this.pool.query(sql)).rows);
    this.months = new Map(partitions.flatMap((p) => (p.kind === 'month' ? [[p.start.getTime(), p.table]] : [])));
    const legacy = partitions.find((p) => p.kind === 'before');
    this.legacy = legacy && { end: legacy.end.getTime(), table: legacy.table };
    this.defaultTable = partitions.find((p) => p.kind === 'default')?.table ?? '';
  }

  private async create(start: number): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [monthCreationLock]);
      // Another collector may have made it while this one waited for the lock.
      const [{ schema, exists }] = (
        await client.query(
          `SELECT current_schema() || '_partitions' AS schema,
             to_regclass(quote_ident(current_schema() || '_partitions') || '.' || quote_ident($1)) IS NOT NULL AS exists`,
          [`events_${monthLabel(start)}`],
        )
      ).rows;
      if (!exists) for (const sql of createMonthSql(schema, start)) await client.query(sql);
      await client.query('COMMIT');
      this.months?.set(start, `${quote(schema)}.${quote(`events_${monthLabel(start)}`)}`);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
