import type { Props } from '@uptake/sdk';
import type { AuditEntry, AuditQuery } from '../audit/audit-entry.js';
import type { ForgetCounts } from './person-tables.js';
import type { SqlDialect } from './sql-dialect.js';

/** An event as stored: validated, clock-corrected, ids pseudonymized. */
export interface StoredEvent {
  id: string;
  name: string;
  /** Corrected event time. */
  ts: Date;
  receivedAt: Date;
  userId: string | null;
  anonymousId: string | null;
  sessionId: string | null;
  tool: string;
  props: Props;
}

/** Counts for `uptake report` before the metrics engine exists. */
export interface StoreSummary {
  events: number;
  users: number;
  byName: { name: string; events: number }[];
}

/** A page of events in `(ts, id)` order: those after `after`, within `[from, to)` by event time. */
export interface EventPageQuery {
  /** Only this (pseudonymized) person's events: a person's access request. */
  userId?: string;
  from?: Date;
  to?: Date;
  after?: { ts: Date; id: string };
  limit: number;
}

/** A table of the store as its schema declares it: what `uptake migrate` copies generically. */
export interface StoreTable {
  name: string;
  /** Column names in their declared order. */
  columns: string[];
  /** The primary key's columns, in key order; empty when the table has none. */
  primaryKey: string[];
}

/** What `Store.insertCapped` did, by event id. */
export interface CappedInsert {
  /** The events newly stored. */
  inserted: string[];
  /** The events not stored because their person had reached the day's cap (never one stored already). */
  refused: string[];
}

/** A value bound to a `$n` parameter of `Store.query`. */
export type SqlParam = string | number | boolean | null;

/** Runs one SQL statement with `$n` parameters; integers come back as numbers. */
export type SqlQuery = (sql: string, params?: SqlParam[]) => Promise<Record<string, unknown>[]>;

/**
 * The collector's storage. Two implementations (DuckDB, PostgreSQL) pass the same test suite
 * (test/storage/store-contract.test.ts); both extend the shared SQL core (`SqlStore`).
 */
export interface Store {
  /** The engine's name, for messages: `duckdb`, `postgres`. */
  readonly kind: string;
  /**
   * The file this process holds locked (DuckDB's), which other processes reach through the running
   * collector's sidecar; undefined for a database server or an in-memory store.
   */
  readonly lockedFile: string | undefined;
  /** How many groups of events `insertCapped` may write at once (the group commit's transactions in flight). */
  readonly concurrentWrites: number;
  /** Creates or upgrades the schema to the latest version; safe when several collectors start at once. */
  migrate(): Promise<void>;
  /** The schema version in the store. */
  schemaVersion(): Promise<number>;
  /**
   * Stores, in one transaction, the events whose ids are not stored yet, and returns their ids.
   * Durable (committed) when it resolves. Ids must be unique within the call.
   */
  insert(events: StoredEvent[]): Promise<string[]>;
  /**
   * `insert`, holding each person to `perPersonDay` stored events per UTC day: in the order given,
   * an event past the cap is not stored and comes back in `refused` (an id stored already is a
   * duplicate, never refused). The cap is read and counted in the insert's transaction, under a lock
   * every collector of the store takes for that person-day, so collectors sharing a database cannot
   * pass it together. Events in `exempt` (imported facts) count towards the cap but are never refused.
   */
  insertCapped(events: readonly StoredEvent[], perPersonDay: number, exempt?: ReadonlySet<string>): Promise<CappedInsert>;
  /** How many events of a (pseudonymized) person are stored for a UTC day `YYYY-MM-DD`: the count the daily cap holds. */
  personDayEvents(userId: string, day: string): Promise<number>;
  /** Which of these event ids are stored. */
  storedIds(ids: readonly string[]): Promise<Set<string>>;
  /** Reads a setting (the generated pseudonym secret, say). */
  getSetting(key: string): Promise<string | undefined>;
  /** Writes a setting unless it is already set; returns the value that is set afterwards. */
  initSetting(key: string, value: string): Promise<string>;
  /** Writes a setting, replacing any value; `undefined` deletes it. */
  putSetting(key: string, value: string | undefined): Promise<void>;
  /**
   * The pseudonym secret generated and kept with this store (its key file, or its settings), or
   * undefined when it keeps none; never generates one. What `uptake migrate` carries.
   */
  keptPseudonymSecret(): Promise<string | undefined>;
  /**
   * Keeps `generated` as the store's pseudonym secret unless one is kept already, and returns the
   * kept one, where the events' readers cannot read it: on DuckDB a 0600 key file beside the store
   * (moved there from the settings of older stores), on PostgreSQL the settings table.
   */
  initPseudonymSecret(generated: string): Promise<string>;
  /** Throws when storage is unreachable. */
  ping(): Promise<void>;
  summary(): Promise<StoreSummary>;
  /** One page of events for exports: constant memory whatever the store's size. */
  eventPage(query: EventPageQuery): Promise<StoredEvent[]>;
  /**
   * Makes the daily usage rollup count `usageEvents` (besides `ai.*`) as usage, rebuilding it from
   * the events when the store counted others. Collectors call it at start with their config's list.
   */
  syncUsageEvents(usageEvents: readonly string[]): Promise<void>;
  /** Whether the daily usage rollup counts exactly these usage events, so metrics may read it. */
  rollupMatches(usageEvents: readonly string[]): Promise<boolean>;
  /** Deletes events with `ts` before `before`, except those named in `keep` (and rollup days before it); returns how many events. */
  purge(before: Date, keep: readonly string[]): Promise<number>;
  /**
   * Erases a (pseudonymized) person: deletes their rows from every table in `personTables` (those
   * dated before `before` only, when given), then compacts the store so the rows do not survive in
   * its files. Returns the rows deleted per table; forgetting again deletes nothing more.
   */
  forget(userId: string, before?: Date): Promise<ForgetCounts>;
  /** Writes a line to the audit log of reads and exports by token. */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Reads the audit log, oldest first (the newest `limit` lines when there are more). */
  readAudit(query?: AuditQuery): Promise<AuditEntry[]>;
  /** Deletes audit lines from before `before`; returns how many. */
  purgeAudit(before: Date): Promise<number>;
  /** SQL spellings of this store, for the metrics engine. */
  readonly dialect: SqlDialect;
  /**
   * Runs `work` with a query function on one connection of its own, in the UTC time zone, so its
   * statements can share temporary tables; metrics run this way without holding up ingestion.
   */
  readSession<T>(work: (query: SqlQuery) => Promise<T>): Promise<T>;
  /**
   * A read session for one person's rows (\`/v1/config\`'s lookup): on DuckDB a connection of its
   * own, so a metrics request running in \`readSession\` does not hold it up.
   */
  lookupSession<T>(work: (query: SqlQuery) => Promise<T>): Promise<T>;
  /**
   * Rebuilds the usage rollups (storage/usage-rollup.ts, counting the stored `usageEvents`) and the
   * metric rollups (storage/metric-rollups.ts) from the stored events: the rows the
   * inserts made, whatever order the events came in. For a store filled around \`insert\` (a bulk
   * load) and as a check; \`onTable\` hears of each table as it starts.
   */
  rebuildRollups(onTable?: (table: string) => void): Promise<void>;
  /** One statement in a read session of its own. */
  query: SqlQuery;
  /**
   * One writing statement, committed on its own (on DuckDB, in turn with ingestion): for the small
   * tables beside the events, such as the studio's item versions. Integers come back as numbers.
   */
  execute: SqlQuery;
  /** The store's own tables (not temporary ones), with their columns and primary keys. */
  tables(): Promise<StoreTable[]>;
  /**
   * Inserts rows of `table` given as text (each read by its column's type), in one transaction, and
   * returns how many were new: a row whose primary key is stored already is skipped, and a table
   * without a primary key takes rows only while it is empty, so copying twice copies once.
   */
  insertRows(table: string, columns: readonly string[], rows: readonly (string | null)[][]): Promise<number>;
  /** All events in `(ts, id)` order: for tests and small stores. */
  events(): Promise<StoredEvent[]>;
  close(): Promise<void>;
}
