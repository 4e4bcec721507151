import { chmod, readFile, stat } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { personTables } from '../../src/storage/person-tables.js';
import { allEvents, readEvents } from '../../src/storage/read-events.js';
import type { Store, StoredEvent } from '../../src/storage/store.js';
import { duckdbTarget, postgresTarget, storeKinds, type StoreTarget } from '../helpers/store-targets.js';
import { noMetricRollupRows } from '../helpers/metric-rollup-counts.js';

function row(id: string, userId: string, ts: string, name = 'ai.request'): StoredEvent {
  return {
    id,
    name,
    ts: new Date(ts),
    receivedAt: new Date(ts),
    userId,
    anonymousId: `anon-${userId}`,
    sessionId: 's-1',
    tool: 'assistant',
    props: { feature: 'summarize' },
  };
}

/** Rows per person table that name `userId`. */
async function rowsOf(store: Store, userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, person } of personTables) {
    const [r] = await store.query(`SELECT count(*) AS n FROM ${table} WHERE ${person} = $1`, [userId]);
    counts[table] = Number(r?.['n']);
  }
  return counts;
}

describe.each(storeKinds)('Store.forget: $kind', ({ target: makeTarget }) => {
  let target: StoreTarget;
  let store: Store;

  beforeEach(async () => {
    target = await makeTarget();
    store = await openStore(target.location);
    await store.insert([
      row('f-1', 'u-gone', '2026-11-20T10:00:00Z'),
      row('f-2', 'u-gone', '2026-11-21T10:00:00Z'),
      row('f-3', 'u-gone', '2026-11-22T10:00:00Z', 'training.completed'),
      row('f-4', 'u-kept', '2026-11-21T10:00:00Z'),
    ]);
  });

  afterEach(async () => {
    await store.close();
    await target.dispose();
  });

  it('every table with a user_id column is a person table, so erasure cannot miss a rollup added later', async () => {
    const columns = await store.query(
      `SELECT DISTINCT table_name FROM information_schema.columns
       WHERE column_name = 'user_id' AND table_schema = current_schema() AND table_catalog = current_database()`,
    );
    const declared = personTables.map((t) => t.table).sort();
    expect(columns.map((c) => String(c['table_name'])).sort()).toEqual(declared);
  });

  it('removes the raw events and every rollup row of the person, counts them, and a second time removes nothing', async () => {
    expect(await rowsOf(store, 'u-gone')).toEqual({
      events: 3,
      daily_usage: 2,
      person_usage_days: 2,
      person_days: 3,
      ...noMetricRollupRows,
      person_trainings: 1,
    });
    expect(await store.forget('u-gone')).toEqual({
      events: 3,
      daily_usage: 2,
      person_usage_days: 2,
      person_days: 3,
      ...noMetricRollupRows,
      person_trainings: 1,
    });
    expect(await rowsOf(store, 'u-gone')).toEqual({
      events: 0,
      daily_usage: 0,
      person_usage_days: 0,
      person_days: 0,
      ...noMetricRollupRows,
    });
    expect((await allEvents(store)).map((e) => e.id)).toEqual(['f-4']);
    expect(await rowsOf(store, 'u-kept')).toEqual({
      events: 1,
      daily_usage: 1,
      person_usage_days: 1,
      person_days: 1,
      ...noMetricRollupRows,
    });
    expect(await store.forget('u-gone')).toEqual({
      events: 0,
      daily_usage: 0,
      person_usage_days: 0,
      person_days: 0,
      ...noMetricRollupRows,
    });
    expect(await store.personDayEvents('u-gone', '2026-11-21')).toBe(0);
  });

  it('before a time removes only the rows dated before it', async () => {
    expect(await store.forget('u-gone', new Date('2026-11-21T00:00:00Z'))).toEqual({
      events: 1,
      daily_usage: 1,
      person_usage_days: 1,
      person_days: 1,
      ...noMetricRollupRows,
    });
    expect((await allEvents(store)).map((e) => e.id)).toEqual(['f-2', 'f-4', 'f-3']);
    expect(await rowsOf(store, 'u-gone')).toEqual({
      events: 2,
      daily_usage: 1,
      person_usage_days: 1,
      person_days: 2,
      ...noMetricRollupRows,
      person_trainings: 1,
    });
  });

  it('reads one person’s events for an access request', async () => {
    const mine: StoredEvent[] = [];
    for await (const e of readEvents(store, { userId: 'u-gone' })) mine.push(e);
    expect(mine.map((e) => e.id)).toEqual(['f-1', 'f-2', 'f-3']);
  });
});

/** Runs `work` on a fresh store of a target, then closes and removes it. */
async function onFreshStore(
  makeTarget: () => Promise<StoreTarget>,
  work: (store: Store, target: StoreTarget) => Promise<void>,
): Promise<void> {
  const target = await makeTarget();
  const store = await openStore(target.location);
  try {
    await work(store, target);
  } finally {
    await store.close();
    await target.dispose();
  }
}

describe('Store.forget on a DuckDB file', () => {
  it('leaves no trace of the erased rows in the file, keeps its mode, and goes on storing', () =>
    onFreshStore(duckdbTarget, async (store, target) => {
      const file = target.location.db as string;
      const marker = 'erase-me-7f3a91c2d4';
      // Enough other rows that the person's are a few among many in their row group.
      const others = Array.from({ length: 3000 }, (_, i) => row(`keep-${i}`, `u-${i % 40}`, '2026-11-21T10:00:00Z'));
      await store.insert([...others, row(`${marker}-event`, marker, '2026-11-21T10:00:00Z')]);
      await store.query('CHECKPOINT');
      await chmod(file, 0o600);
      expect((await readFile(file)).includes(marker)).toBe(true);
      expect((await store.forget(marker)).events).toBe(1);
      expect((await readFile(file)).includes(marker)).toBe(false);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(await allEvents(store)).toHaveLength(3000);
      expect(await store.insert([row('after-1', 'u-1', '2026-11-22T10:00:00Z')])).toEqual(['after-1']);
      expect(await store.query('SELECT count(*) AS n FROM events')).toEqual([{ n: 3001 }]);
    }));
});

describe('Store.forget on a DuckDB file, with writes and reads at the same time', () => {
  it('loses no write and answers every read while it swaps the file', () =>
    onFreshStore(duckdbTarget, async (store) => {
      await store.insert(Array.from({ length: 500 }, (_, i) => row(`c-${i}`, i % 2 ? 'u-gone' : 'u-kept', '2026-11-21T10:00:00Z')));
      const forgetting = store.forget('u-gone');
      // Spread over the erasure: some come before its delete, some during the copy, some after the swap.
      const writes: Promise<string[]>[] = [];
      const reads: Promise<Record<string, unknown>[]>[] = [];
      for (let i = 0; i < 20; i++) {
        writes.push(store.insert([row(`w-${i}`, 'u-new', '2026-11-22T10:00:00Z')]));
        reads.push(store.query('SELECT count(*) AS n FROM events'));
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      expect(await forgetting).toMatchObject({ events: 250 });
      expect((await Promise.all(writes)).flat()).toHaveLength(20);
      expect((await Promise.all(reads)).every(([r]) => Number(r?.['n']) >= 250)).toBe(true);
      expect(await store.query('SELECT count(*) AS n FROM events')).toEqual([{ n: 270 }]);
    }));
});

describe('Store.forget on PostgreSQL', () => {
  it('rewrites the tables it erased from into new files (VACUUM FULL), leaving the others', () =>
    onFreshStore(postgresTarget, async (store) => {
      await store.insert([row('pg-1', 'u-gone', '2026-11-21T10:00:00Z', 'page.viewed')]);
      // The files of a table: a partitioned one's (events, by month) are its partitions'.
      const fileOf = async (table: string) =>
        (
          await store.query(
            `SELECT coalesce((SELECT array_agg(pg_relation_filenode(relid) ORDER BY relid) FROM pg_partition_tree($1) WHERE isleaf),
               ARRAY[pg_relation_filenode($1)]) AS f`,
            [table],
          )
        )[0]?.['f'];
      const before = { events: await fileOf('events'), daily_usage: await fileOf('daily_usage'), settings: await fileOf('settings') };
      // A page view is no usage: daily_usage has no row of the person and is left as it is.
      expect(await store.forget('u-gone')).toEqual({
        events: 1,
        daily_usage: 0,
        person_usage_days: 0,
        person_days: 1,
        ...noMetricRollupRows,
      });
      expect(await fileOf('events')).not.toEqual(before.events);
      expect(await fileOf('daily_usage')).toEqual(before.daily_usage);
      expect(await fileOf('settings')).toEqual(before.settings);
    }));
});
