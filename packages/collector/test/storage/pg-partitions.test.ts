import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptForever } from '../../src/ingest/retention.js';
import { postgresMigrations } from '../../src/storage/migrations.js';
import { openStore } from '../../src/storage/open-store.js';
import { monthFacts, PgPartitions } from '../../src/storage/pg-partitions.js';
import type { Store, StoredEvent } from '../../src/storage/store.js';
import { postgresTarget, type StoreTarget } from '../helpers/store-targets.js';
import { noMetricRollupRows } from '../helpers/metric-rollup-counts.js';

// Every event of these tests but for its id, time, name and person.
const sameFields = { anonymousId: null, sessionId: 's-1', tool: 'assistant', props: { feature: 'summarize' } };
const row = (id: string, ts: string, name = 'ai.request', userId = 'u-1'): StoredEvent => ({
  ...sameFields,
  id,
  name,
  ts: new Date(ts),
  receivedAt: new Date(ts),
  userId,
});

const monthOf = (t: Date) => t.toISOString().slice(0, 7).replace('-', '_');
const partitionsOf = async (store: Store) => PgPartitions.list((sql) => store.query(sql));
const idsOf = async (store: Store) => (await store.query('SELECT id FROM events ORDER BY id')).map((r) => String(r['id']));
const fileOf = async (store: Store, table: string) => (await store.query('SELECT pg_relation_filenode($1) AS f', [table]))[0]?.['f'];
const countOf = async (store: Store, table: string) => Number((await store.query(`SELECT count(*) AS n FROM ${table}`))[0]?.['n']);

describe('PostgreSQL events partitioned by month', () => {
  let target: StoreTarget;
  let store: Store;

  beforeEach(async () => {
    target = await postgresTarget();
    store = await openStore(target.location);
  });

  afterEach(async () => {
    await store.close();
    await target.dispose();
  });

  it('keeps apart in each month exactly what retention keeps', () => {
    expect([...monthFacts].sort()).toEqual([...keptForever].sort());
  });

  it('makes this month and the next ahead of time, in a schema beside the store’s', async () => {
    const now = new Date();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    const months = (await partitionsOf(store)).map((p) => p.table);
    const [{ schema }] = (await store.query('SELECT current_schema() AS schema')) as [{ schema: string }];
    expect(months).toEqual([
      `"${schema}_partitions"."events_${monthOf(now)}"`,
      `"${schema}_partitions"."events_${monthOf(next)}"`,
      `"${schema}_partitions"."events_default"`,
    ]);
    // One events table in the store's own schema: what erasure's invariant and uptake migrate list.
    const own = await store.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'events%'",
    );
    expect(own).toEqual([{ table_name: 'events' }]);
  });

  it('makes a month on demand for an early or late event, and keeps each event in its month', async () => {
    expect(await store.insert([row('late-1', '2024-02-10T08:00:00Z'), row('early-1', '2031-05-01T00:00:00Z')])).toEqual(
      expect.arrayContaining(['late-1', 'early-1']),
    );
    const tables = (await partitionsOf(store)).map((p) => p.table);
    expect(tables.some((t) => t.endsWith('"events_2024_02"'))).toBe(true);
    expect(tables.some((t) => t.endsWith('"events_2031_05"'))).toBe(true);
    const placed = await store.query("SELECT id, tableoid::regclass::text AS t FROM events WHERE id IN ('late-1', 'early-1') ORDER BY id");
    expect(placed.map((r) => String(r['t']).split('.')[1])).toEqual(['events_2031_05_behaviour', 'events_2024_02_behaviour']);
  });

  it('keeps rows loaded by SQL for a month not made yet in the default partition, and a month made later takes them', async () => {
    await store.execute(
      `INSERT INTO events (id, name, ts, received_at, user_id, anonymous_id, session_id, tool, props)
       VALUES ('sql-1', 'ai.request', '2025-03-04T10:00:00Z', '2025-03-04T10:00:00Z', 'u-1', NULL, NULL, 'assistant', '{}')`,
    );
    const whereIs = async (id: string) =>
      String((await store.query('SELECT tableoid::regclass::text AS t FROM events WHERE id = $1', [id]))[0]?.['t']).split('.')[1];
    expect(await whereIs('sql-1')).toBe('events_default');
    expect(await store.insert([row('api-1', '2025-03-20T10:00:00Z'), row('sql-1', '2025-03-04T10:00:00Z')])).toEqual(['api-1']);
    expect(await whereIs('sql-1')).toBe('events_2025_03_behaviour');
    expect(await idsOf(store)).toEqual(['api-1', 'sql-1']);
  });

  it('stores a retry once when its corrected time crosses a month’s edge, either way', async () => {
    expect(await store.insert([row('edge-a', '2026-11-30T23:59:59.900Z')])).toEqual(['edge-a']);
    expect(await store.insert([row('edge-a', '2026-12-01T00:00:00.200Z')])).toEqual([]);
    expect(await store.insert([row('edge-b', '2027-01-01T00:00:03.000Z', 'identify')])).toEqual(['edge-b']);
    expect(await store.insert([row('edge-b', '2026-12-31T23:59:58.000Z', 'identify'), row('edge-c', '2026-12-31T23:00:00Z')])).toEqual([
      'edge-c',
    ]);
    // Within a month, the month's primary key.
    expect(await store.insert([row('edge-c', '2026-12-20T10:00:00Z')])).toEqual([]);
    expect(await idsOf(store)).toEqual(['edge-a', 'edge-b', 'edge-c']);
  });

  it('stores a retry once when two collectors receive it at once on both sides of the edge', async () => {
    const other = await openStore(target.location);
    try {
      const sends = Array.from({ length: 30 }, (_, i) => [
        store.insert([row(`race-${i}`, '2026-11-30T23:59:59.990Z')]),
        other.insert([row(`race-${i}`, '2026-12-01T00:00:00.010Z')]),
      ]);
      const stored = (await Promise.all(sends.flat())).flat();
      expect(stored.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `race-${i}`).sort());
      expect(await idsOf(store)).toHaveLength(30);
    } finally {
      await other.close();
    }
  });

  it('retention empties whole months (facts kept) and deletes rows only in the month the cutoff falls in', async () => {
    await store.insert([
      row('sep-1', '2026-09-03T10:00:00Z'),
      row('sep-2', '2026-09-30T23:00:00Z'),
      row('sep-training', '2026-09-10T10:00:00Z', 'training.completed'),
      row('oct-1', '2026-10-12T10:00:00Z'),
      row('oct-identify', '2026-10-12T09:00:00Z', 'identify'),
      row('nov-early', '2026-11-10T10:00:00Z'),
      row('nov-late', '2026-11-20T10:00:00Z'),
    ]);
    const months = Object.fromEntries(
      (await partitionsOf(store)).flatMap((p) => (p.kind === 'month' ? [[p.start.toISOString().slice(0, 7), p]] : [])),
    );
    const sep = months['2026-09'];
    const oct = months['2026-10'];
    if (sep?.kind !== 'month' || oct?.kind !== 'month') throw new Error('months not made');
    const before = { sep: await fileOf(store, sep.behaviour), facts: await fileOf(store, sep.facts) };

    expect(await store.purge(new Date('2026-11-15T00:00:00Z'), keptForever)).toBe(4);
    expect(await idsOf(store)).toEqual(['nov-late', 'oct-identify', 'sep-training']);
    // Emptied by TRUNCATE: a new, empty file, no row deleted one by one; the facts' table untouched.
    expect(await fileOf(store, sep.behaviour)).not.toEqual(before.sep);
    expect(await countOf(store, sep.behaviour)).toBe(0);
    expect(await countOf(store, oct.behaviour)).toBe(0);
    expect(await fileOf(store, sep.facts)).toEqual(before.facts);
    // Again: nothing more, and an empty month is not truncated again.
    const emptied = await fileOf(store, sep.behaviour);
    expect(await store.purge(new Date('2026-11-15T00:00:00Z'), keptForever)).toBe(0);
    expect(await fileOf(store, sep.behaviour)).toEqual(emptied);
    // A late event for an emptied month is stored, and goes at the next purge.
    expect(await store.insert([row('sep-late', '2026-09-15T10:00:00Z')])).toEqual(['sep-late']);
    expect(await store.purge(new Date('2026-11-15T00:00:00Z'), keptForever)).toBe(1);
  });

  it('erasure removes the person’s rows from every month and rewrites the months’ files', async () => {
    await store.insert([
      row('p-1', '2026-09-03T10:00:00Z', 'ai.request', 'u-gone'),
      row('p-2', '2026-10-03T10:00:00Z', 'training.completed', 'u-gone'),
      row('p-3', '2026-11-03T10:00:00Z', 'ai.request', 'u-gone'),
      row('p-4', '2026-11-03T10:00:00Z', 'ai.request', 'u-kept'),
    ]);
    const files = async () =>
      (
        await store.query('SELECT array_agg(pg_relation_filenode(relid) ORDER BY relid) AS f FROM pg_partition_tree($1) WHERE isleaf', [
          'events',
        ])
      )[0]?.['f'];
    const before = await files();
    expect(await store.forget('u-gone')).toEqual({
      events: 3,
      daily_usage: 2,
      person_usage_days: 2,
      person_days: 3,
      ...noMetricRollupRows,
      person_trainings: 1,
    });
    expect(await idsOf(store)).toEqual(['p-4']);
    expect(await files()).not.toEqual(before);
    expect(await store.forget('u-gone')).toEqual({
      events: 0,
      daily_usage: 0,
      person_usage_days: 0,
      person_days: 0,
      ...noMetricRollupRows,
    });
  });
});

describe('PostgreSQL migration 9 on a store with events', () => {
  let target: StoreTarget;

  beforeEach(async () => {
    target = await postgresTarget();
  });

  afterEach(async () => {
    await target.dispose();
  });

  it('keeps the rows where they are (the old table becomes the partition of earlier times), ids still unique, then months', async () => {
    // A store as the version before migration 9 left it, with events of three months.
    const client = new pg.Client({ connectionString: target.location.databaseUrl });
    await client.connect();
    let oldFile: unknown;
    try {
      await client.query(
        'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT, applied_at TIMESTAMPTZ DEFAULT now())',
      );
      for (const m of postgresMigrations.filter((m) => m.version < 9)) {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [m.version, m.description]);
      }
      await client.query(
        `INSERT INTO events (id, name, ts, received_at, user_id, anonymous_id, session_id, tool, props)
         SELECT 'old-' || i, CASE WHEN i % 10 = 0 THEN 'identify' ELSE 'ai.request' END,
           TIMESTAMPTZ '2026-09-01T00:00:00Z' + i * INTERVAL '1 hour', TIMESTAMPTZ '2026-09-01T00:00:00Z' + i * INTERVAL '1 hour',
           'u-' || (i % 7), NULL, 's-1', 'assistant', '{"feature": "summarize"}'
         FROM generate_series(0, 1999) AS i`,
      );
      oldFile = (await client.query("SELECT pg_relation_filenode('events') AS f")).rows[0]?.f;
    } finally {
      await client.end();
    }

    const store = await openStore(target.location);
    try {
      const [all] = await store.query('SELECT count(*) AS n, min(ts) AS first, max(ts) AS last FROM events');
      expect({ ...all, n: Number(all?.['n']) }).toEqual({
        n: 2000,
        first: new Date('2026-09-01T00:00:00Z'),
        last: new Date('2026-11-23T07:00:00Z'),
      });
      const [legacy, ...others] = await partitionsOf(store);
      if (legacy?.kind !== 'before') throw new Error('the old table is not the first partition');
      // Attached, not copied: the same file.
      expect(await fileOf(store, legacy.table)).toEqual(oldFile);
      expect(legacy.end.getTime()).toBeGreaterThan(Date.now());
      expect(others.every((p) => p.kind === 'default' || (p.kind === 'month' && p.start >= legacy.end))).toBe(true);
      // Its ids stay unique; the indexes of the old table are the parent's.
      expect(await store.insert([row('old-5', '2026-09-01T05:00:00Z'), row('new-1', '2031-01-01T00:00:00Z')])).toEqual(['new-1']);
      const indexes = await store.query(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'events' ORDER BY 1",
      );
      expect(indexes.map((r) => r['indexname'])).toEqual([
        'events_name_ts',
        'events_person_identify',
        'events_person_lookups',
        'events_ts_id',
      ]);
      // Retention deletes its rows by rows, as before the upgrade; the facts stay.
      expect(await store.purge(new Date('2026-10-01T00:00:00Z'), keptForever)).toBe(648);
      expect(await countOf(store, 'events')).toBe(2001 - 648);
    } finally {
      await store.close();
    }
  });
});
