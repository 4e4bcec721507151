import type pg from 'pg';
import { neighbourOf, type PgPartitions } from './pg-partitions.js';
import type { StoredEvent } from './store.js';

// The class of the per-id advisory locks (two-key form), apart from postgres-store.ts's.
const idLocks = 741_852_966;

/**
 * Inserts events into PostgreSQL's partitioned `events` within the caller's transaction and returns
 * the ids it stored. Each month's tables keep ids unique (`ON CONFLICT DO NOTHING`, with no target,
 * consults the unique index of the table a row goes to). A retry whose time falls in another month
 * than the original's would miss that index: so an event within `retryDriftMs` of a month's edge
 * locks its id (every collector does, so two sends of one id wait for each other), and is left out
 * when the neighbouring month holds its id. About 2 days in 30 take that path.
 */
export async function insertPartitionedEvents(
  client: pg.PoolClient,
  partitions: PgPartitions,
  events: readonly StoredEvent[],
): Promise<string[]> {
  let rows = events;
  const neighbours = new Map<string, string[]>();
  for (const e of events) {
    const other = neighbourOf(e.ts.getTime());
    if (other === undefined) continue;
    const table = partitions.tableHolding(other);
    neighbours.set(table, [...(neighbours.get(table) ?? []), e.id]);
  }
  if (neighbours.size > 0) {
    // One global order (by hash), after the person-day locks: collectors never wait on each other in a cycle.
    await client.query(
      `SELECT pg_advisory_xact_lock(${idLocks}, h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS l`,
      [[...neighbours.values()].flat()],
    );
    const duplicates = new Set<string>();
    // By id alone, in the neighbour's primary keys: a time range would let the planner scan by time.
    for (const [table, ids] of neighbours) {
      for (const r of (await client.query(`SELECT id FROM ${table} WHERE id = ANY($1::text[])`, [ids])).rows) duplicates.add(r.id);
    }
    if (duplicates.size > 0) rows = events.filter((e) => !duplicates.has(e.id));
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
