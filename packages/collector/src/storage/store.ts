import type { Props } from '@uptake/sdk';

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

/** What an insert did: new events stored, and events whose id was already stored. */
export interface InsertResult {
  inserted: number;
  duplicates: number;
}

/** Counts for `uptake report` before the metrics engine exists. */
export interface StoreSummary {
  events: number;
  users: number;
  byName: { name: string; events: number }[];
}

/**
 * The collector's storage. Two implementations (DuckDB, PostgreSQL) pass the same test suite.
 * `insert` resolves only once the events are committed.
 */
export interface Store {
  /** `duckdb` or `postgres`. */
  readonly kind: string;
  /** Creates or upgrades the schema to the latest version. */
  migrate(): Promise<void>;
  /** Stores events whose ids are not stored yet; durable when it resolves. */
  insert(events: StoredEvent[]): Promise<InsertResult>;
  /** Reads a setting (the generated pseudonym secret, say). */
  getSetting(key: string): Promise<string | undefined>;
  /** Writes a setting unless it is already set; returns the value that is set afterwards. */
  initSetting(key: string, value: string): Promise<string>;
  /** Answers when storage is reachable. */
  ping(): Promise<void>;
  summary(): Promise<StoreSummary>;
  /** Reads events in time order (tests and exports). */
  events(): Promise<StoredEvent[]>;
  close(): Promise<void>;
}
