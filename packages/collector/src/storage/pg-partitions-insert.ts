import type pg from 'pg';
import { monthStartMs } from './pg-partitions.js';
import type { StoredEvent } from './store.js';

/**
 * How far a retry's time may lie from the original's and still find it in another month. Each send
 * corrects the device clock by its own `receivedAt − sentAt`, so a retry's `ts` differs from the
 * first send's by the difference in transit, or by how much the device's clock was set in between.
 */
export const retryDriftMs = 24 * 60 * 60 * 1000;

// The class of the per-id advisory locks (two-key form), apart from postgres-store.ts's.
const idLocks = 741_852_966;

/** Whether a time within `retryDriftMs` of `t` lies in another month than `t`. */
function nearMonthEdge(t: number): boolean {
  const month = monthStartMs(t);
  return monthStartMs(t - retryDriftMs) !== month || monthStartMs(t + retryDriftMs) !== month;
}

/**
 * Inserts events into PostgreSQL's partitioned `events` within the caller's transaction and returns
 * the ids it stored. Each month's tables keep ids unique (`ON CONFLICT DO NOTHING`, with no target,
 * consults the unique index of the table a row goes to). A retry whose time falls in another month
 * than the original's would miss that index: so events within `retryDriftMs` of a month's edge lock
 * their id (every collector does, so two sends of one id wait for each other), and are left out
 * when their id is stored within `retryDriftMs` of their time. About 2 days in 30 take that path.
 */
export async function insertPartitionedEvents(client: pg.PoolClient, events: readonly StoredEvent[]): Promise<string[]> {
  let rows = events;
  const edge = events.filter((e) => nearMonthEdge(e.ts.getTime()));
  if (edge.length > 0) {
    const ids = edge.map((e) => e.id);
    // One global order (by hash), after the person-day locks: collectors never wait on each other in a cycle.
    await client.query(
      `SELECT pg_advisory_xact_lock(${idLocks}, h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS l`,
      [ids],
    );
    const times = edge.map((e) => e.ts.getTime());
    const { rows: stored } = await client.query('SELECT id FROM events WHERE id = ANY($1::text[]) AND ts >= $2 AND ts < $3', [
      ids,
      new Date(Math.min(...times) - retryDriftMs).toISOString(),
      new Date(Math.max(...times) + retryDriftMs).toISOString(),
    ]);
    if (stored.length > 0) {
      const duplicates = new Set(stored.map((r: { id: string }) => r.id));
      rows = events.filter((e) => !duplicates.has(e.id));
    }
  }
  // One statement, nine array parameters: the row count does not change the statement text.
  const { rows: inserted } = await client.query(
    `INSERT INTO events (id, name, ts, received_at, user_id, anonymous_id, session_id, tool, props)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      rows.map((e) => e.id),
      rows.map((e) => e.name),
      rows.map((e) => e.ts.toISOString()),
      rows.map((e) => e.receivedAt.toISOString()),
      rows.map((e) => e.userId),
      rows.map((e) => e.anonymousId),
      rows.map((e) => e.sessionId),
      rows.map((e) => e.tool),
      rows.map((e) => JSON.stringify(e.props)),
    ],
  );
  return inserted.map((r: { id: string }) => r.id);
}
