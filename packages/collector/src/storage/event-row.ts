import type { SqlDialect } from './sql-dialect.js';
import type { StoredEvent } from './store.js';

/**
 * `SELECT … FROM events` with every column in a shape any engine's driver returns alike: times as
 * epoch milliseconds, props as JSON text. Read its rows with `toStoredEvent`.
 */
export function selectEvents(dialect: SqlDialect): string {
  return `SELECT id, name, ${dialect.epochMs('ts')} AS ts, ${dialect.epochMs('received_at')} AS received_at, user_id, anonymous_id, session_id, tool, CAST(props AS VARCHAR) AS props FROM events`;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A row of `selectEvents` as a stored event (epoch milliseconds may come back as bigint or text). */
export function toStoredEvent(r: Record<string, unknown>): StoredEvent {
  return {
    id: String(r['id']),
    name: String(r['name']),
    ts: new Date(Number(r['ts'])),
    receivedAt: new Date(Number(r['received_at'])),
    userId: text(r['user_id']),
    anonymousId: text(r['anonymous_id']),
    sessionId: text(r['session_id']),
    tool: String(r['tool']),
    props: JSON.parse(String(r['props'])),
  };
}
