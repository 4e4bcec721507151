import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { duckdbMigrations, postgresMigrations } from '../../src/storage/migrations.js';
import { openStore } from '../../src/storage/open-store.js';
import { allEvents, readEvents } from '../../src/storage/read-events.js';
import type { Store, StoredEvent } from '../../src/storage/store.js';
import { storeKinds, type StoreTarget } from '../helpers/store-targets.js';

const at = (iso: string) => new Date(iso);

function row(id: string, overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    id,
    name: 'ai.request',
    ts: at('2026-11-22T10:00:00.000Z'),
    receivedAt: at('2026-11-22T10:00:05.000Z'),
    userId: 'u-1',
    anonymousId: null,
    sessionId: 's-1',
    tool: 'assistant',
    props: { feature: 'summarize' },
    ...overrides,
  };
}

describe.each(storeKinds)('Store contract: $kind', ({ target: makeTarget }) => {
  let target: StoreTarget;
  let store: Store;

  beforeEach(async () => {
    target = await makeTarget();
    store = await openStore(target.location);
  });

  afterEach(async () => {
    await store.close();
    await target.dispose();
  });

  it('migrates to the latest version, and migrating again changes nothing', async () => {
    const latest = Math.max(...(store.kind === 'duckdb' ? duckdbMigrations : postgresMigrations).map((m) => m.version));
    expect(latest).toBeGreaterThanOrEqual(2);
    expect(await store.schemaVersion()).toBe(latest);
    await store.migrate();
    expect(await store.schemaVersion()).toBe(latest);
  });

  it('insert returns the ids it stored; a stored id is never stored again', async () => {
    expect((await store.insert([row('id-a'), row('id-b')])).sort()).toEqual(['id-a', 'id-b']);
    expect(await store.insert([row('id-b'), row('id-c')])).toEqual(['id-c']);
    expect(await store.insert([])).toEqual([]);
    expect((await store.events()).map((e) => e.id)).toEqual(['id-a', 'id-b', 'id-c']);
  });

  it('round-trips every column exactly: times to the millisecond, nulls, props types', async () => {
    const e = row('exact-1', {
      ts: at('2026-03-01T23:59:59.999Z'),
      receivedAt: at('2026-03-02T00:00:00.001Z'),
      userId: null,
      anonymousId: 'a-9',
      sessionId: null,
      props: { s: 'ünïcödé "quoted" \\ slash', n: -1.25, i: 42, t: true, f: false, z: null },
    });
    await store.insert([e]);
    expect(await store.events()).toEqual([e]);
  });

  it('keeps what it committed across close and reopen', async () => {
    await store.insert([row('durable-1'), row('durable-2')]);
    await store.close();
    store = await openStore(target.location);
    expect((await store.events()).map((e) => e.id)).toEqual(['durable-1', 'durable-2']);
  });

  it('pages events in (ts, id) order within [from, to), including ties on ts', async () => {
    const rows = [
      row('p-3', { ts: at('2026-11-02T00:00:00Z') }),
      row('p-1', { ts: at('2026-11-01T00:00:00Z') }),
      row('p-2b', { ts: at('2026-11-01T12:00:00Z') }),
      row('p-2a', { ts: at('2026-11-01T12:00:00Z') }),
      row('p-4', { ts: at('2026-11-03T00:00:00Z') }),
    ];
    await store.insert(rows);
    const ids = async (range: { from?: Date; to?: Date }, pageSize: number) => {
      const out: string[] = [];
      for await (const e of readEvents(store, range, pageSize)) out.push(e.id);
      return out;
    };
    expect(await ids({}, 2)).toEqual(['p-1', 'p-2a', 'p-2b', 'p-3', 'p-4']);
    expect(await ids({}, 1)).toEqual(['p-1', 'p-2a', 'p-2b', 'p-3', 'p-4']);
    expect(await ids({ from: at('2026-11-01T12:00:00Z'), to: at('2026-11-03T00:00:00Z') }, 2)).toEqual(['p-2a', 'p-2b', 'p-3']);
  });

  it('purges events older than a date, except the kept names', async () => {
    await store.insert([
      row('old-usage', { ts: at('2025-01-01T00:00:00Z') }),
      row('old-training', { name: 'training.completed', ts: at('2025-01-01T00:00:00Z') }),
      row('old-identify', { name: 'identify', ts: at('2025-01-01T00:00:00Z') }),
      row('new-usage', { ts: at('2026-11-01T00:00:00Z') }),
    ]);
    expect(await store.purge(at('2026-01-01T00:00:00Z'), ['training.completed', 'identify'])).toBe(1);
    expect((await allEvents(store)).map((e) => e.id).sort()).toEqual(['new-usage', 'old-identify', 'old-training']);
  });

  it('keeps a daily usage rollup, rebuilt when the usage events change, trimmed by purge', async () => {
    // Each read also checks the rollup without the tool: one row per person and day of daily_usage's.
    const days = async () => {
      const rows = (
        await store.query('SELECT user_id, CAST(day AS VARCHAR) AS day, tool FROM daily_usage ORDER BY user_id, day, tool')
      ).map((r) => `${r['user_id']} ${r['day']} ${r['tool']}`);
      const perPerson = await store.query('SELECT user_id, CAST(day AS VARCHAR) AS day FROM person_usage_days ORDER BY user_id, day');
      expect(perPerson.map((r) => `${r['user_id']} ${r['day']}`)).toEqual([...new Set(rows.map((r) => r.split(' ', 2).join(' ')))]);
      return rows;
    };
    await store.insert([
      row('r-1', { ts: at('2026-11-01T23:59:59.999Z') }),
      row('r-2', { ts: at('2026-11-01T08:00:00Z') }), // same person, day and tool: one row
      row('r-3', { ts: at('2026-11-02T00:00:00Z'), tool: 'other' }),
      row('r-4', { name: 'report.generated', userId: 'u-2', ts: at('2026-11-03T12:00:00Z') }),
      row('r-5', { name: 'identify', userId: 'u-3' }), // not usage
      row('r-6', { userId: null, anonymousId: 'a-1' }), // nobody's usage
    ]);
    expect(await store.rollupMatches([])).toBe(true);
    expect(await days()).toEqual(['u-1 2026-11-01 assistant', 'u-1 2026-11-02 other']);
    await store.syncUsageEvents(['report.generated']);
    expect(await store.rollupMatches(['report.generated'])).toBe(true);
    expect(await store.rollupMatches([])).toBe(false);
    expect(await days()).toEqual(['u-1 2026-11-01 assistant', 'u-1 2026-11-02 other', 'u-2 2026-11-03 assistant']);
    await store.insert([row('r-7', { name: 'report.generated', userId: 'u-4', ts: at('2026-11-04T12:00:00Z') })]);
    expect(await days()).toContain('u-4 2026-11-04 assistant');
    await store.purge(at('2026-11-02T12:00:00Z'), []);
    expect(await days()).toEqual(['u-1 2026-11-02 other', 'u-2 2026-11-03 assistant', 'u-4 2026-11-04 assistant']);
  });

  it('initSetting writes once: the first value stays', async () => {
    expect(await store.getSetting('k')).toBeUndefined();
    expect(await store.initSetting('k', 'first')).toBe('first');
    expect(await store.initSetting('k', 'second')).toBe('first');
    expect(await store.getSetting('k')).toBe('first');
  });

  it('summarizes events and distinct users (anonymous ones counted by anonymousId)', async () => {
    await store.insert([
      row('s-1'),
      row('s-2', { name: 'ai.output_shown' }),
      row('s-3', { userId: null, anonymousId: 'a-1' }),
      row('s-4', { userId: 'u-2' }),
    ]);
    expect(await store.summary()).toEqual({
      events: 4,
      users: 3,
      byName: [
        { name: 'ai.request', events: 3 },
        { name: 'ai.output_shown', events: 1 },
      ],
    });
  });

  it('ping answers while open and throws once closed', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
    await expect(store.ping()).rejects.toThrow();
    store = await openStore(target.location);
  });
});
