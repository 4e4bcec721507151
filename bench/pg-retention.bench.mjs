// Retention on PostgreSQL: a month of events purged from the events partitioned by month (what
// migration 9 made: the month's behaviour table is emptied by TRUNCATE) and from the same rows in
// one unpartitioned table with the indexes it had before (DELETE, then the VACUUM it leaves to do).
// Also one hourly step of retention within a month, which deletes rows one by one on both.
// BENCH_RETENTION_EVENTS (1,000,000) sets the events of the purged month; the next month holds a tenth.
import { openStore } from '@uptake/collector';
import pg from 'pg';

// What the collector's retention keeps (keptForever in packages/collector/src/ingest/retention.ts).
const keptForever = ['training.completed', 'identify'];

const n = Number(process.env.BENCH_RETENTION_EVENTS ?? 1_000_000);
const databaseUrl = process.env.UPTAKE_BENCH_DATABASE_URL ?? 'postgres://uptake:uptake@127.0.0.1:5432/uptake_test';
const schemas = { partitioned: 'retention_bench_months', unpartitioned: 'retention_bench_table' };
const onSchema = (schema) => `${databaseUrl}?options=${encodeURIComponent(`-c search_path=${schema} -c TimeZone=UTC`)}`;

// `count` events spread over the 30 days from `from`; one in 20 an identify (a fact retention keeps).
const fill = (from, count, prefix) => `
  INSERT INTO events (id, name, ts, received_at, user_id, anonymous_id, session_id, tool, props)
  SELECT '${prefix}-' || i, CASE WHEN i % 20 = 0 THEN 'identify' WHEN i % 3 = 0 THEN 'ai.request' ELSE 'ai.output_shown' END,
    t, t, 'u-' || (i % 4000), NULL, 's-' || (i % 50000), 'assistant', '{"feature": "summarize"}'
  FROM generate_series(0, ${count - 1}) AS i,
    LATERAL (SELECT TIMESTAMPTZ '${from}' + (i::float8 / ${count}) * INTERVAL '30 days' AS t) AS at`;

// The events table as migrations 1–8 left it.
const unpartitionedDdl = `
  CREATE TABLE events (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, ts TIMESTAMPTZ NOT NULL, received_at TIMESTAMPTZ NOT NULL,
    user_id TEXT, anonymous_id TEXT, session_id TEXT, tool TEXT NOT NULL, props JSONB NOT NULL);
  CREATE INDEX events_ts_id ON events (ts, id);
  CREATE INDEX events_name_ts ON events (name, ts);
  CREATE INDEX events_person_lookups ON events (user_id, ts)
    WHERE name LIKE 'prompt.%' OR name LIKE 'survey.%' OR name = 'training.completed';`;

const admin = new pg.Client({ connectionString: databaseUrl });
try {
  await admin.connect();
} catch (error) {
  console.log(`(PostgreSQL not reachable at ${databaseUrl}: skipped — ${error.message})`);
  process.exit(0);
}
const resetSchemas = async () => {
  for (const schema of Object.values(schemas)) {
    await admin.query(
      `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_partitions CASCADE; CREATE SCHEMA ${schema}`,
    );
  }
};
await resetSchemas();

const timed = async (work) => {
  const t = performance.now();
  const result = await work();
  return { ms: performance.now() - t, result };
};
const mb = (bytes) => (Number(bytes) / 1024 / 1024).toFixed(0);
// A partitioned table's size is its partitions' (pg_partition_tree lists nothing for a plain table).
const sizeSql = `SELECT coalesce((SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree('events')), pg_total_relation_size('events')) AS b`;

console.log(
  `${n.toLocaleString('en-US')} events in September 2026, ${(n / 10).toLocaleString('en-US')} in October; purge before 1 October\n`,
);
// Loads both months into one side, then purges September, then an hour of October.
// `run` runs a statement and returns its rows; `purge` purges before an instant and returns how many.
async function measure(label, run, purge) {
  const load = await timed(async () => {
    await run(fill('2026-09-01T00:00:00Z', n, 'sep'));
    await run(fill('2026-10-01T00:00:00Z', n / 10, 'oct'));
    await run('ANALYZE events');
  });
  const before = (await run(sizeSql))[0].b;
  const month = await timed(() => purge('2026-10-01T00:00:00Z'));
  const vacuum = await timed(() => run('VACUUM events'));
  const after = (await run(sizeSql))[0].b;
  await purge('2026-10-15T11:00:00Z');
  const hour = await timed(() => purge('2026-10-15T12:00:00Z'));
  return {
    events: label,
    'load s': (load.ms / 1000).toFixed(1),
    'purge a month s': (month.ms / 1000).toFixed(2),
    purged: month.result,
    'VACUUM after s': (vacuum.ms / 1000).toFixed(2),
    'MB before': mb(before),
    'MB after': mb(after),
    'hourly purge ms': hour.ms.toFixed(0),
    'hour purged': hour.result,
  };
}
const rows = [];

// Partitioned, through the store (migration 9 and its months).
{
  const store = await openStore({ databaseUrl: onSchema(schemas.partitioned) });
  const at = (ts) => ({ id: `m-${ts}`, name: 'ai.request', ts: new Date(ts), receivedAt: new Date(ts), userId: 'u-0' });
  const made = [at('2026-09-15T00:00:00Z'), at('2026-10-15T00:00:00Z')];
  await store.insert(made.map((e) => ({ ...e, anonymousId: null, sessionId: null, tool: 'assistant', props: {} }))); // makes both months
  rows.push(
    await measure(
      'partitioned by month',
      (sql) => store.execute(sql),
      (iso) => store.purge(new Date(iso), keptForever),
    ),
  );
  await store.close();
}

// Unpartitioned, as before migration 9: retention was a DELETE.
{
  const client = new pg.Client({ connectionString: onSchema(schemas.unpartitioned) });
  await client.connect();
  await client.query(unpartitionedDdl);
  const notKept = `name NOT IN (${keptForever.map((k) => `'${k}'`).join(', ')})`;
  rows.push(
    await measure(
      'one table (DELETE)',
      async (sql) => (await client.query(sql)).rows,
      async (iso) => (await client.query(`DELETE FROM events WHERE ts < '${iso}' AND ${notKept}`)).rowCount,
    ),
  );
  await client.end();
}

console.table(rows);
console.log(
  'MB: events with their indexes, before the purge and after it and a VACUUM (a table that only VACUUM freed keeps its size on disk, its space reused by later inserts)',
);
await resetSchemas();
for (const schema of Object.values(schemas)) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
await admin.end();
