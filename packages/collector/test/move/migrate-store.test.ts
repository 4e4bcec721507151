import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { generateDemo } from '../../src/demo/generate-demo.js';
import { userHash } from '../../src/identity/user-hash.js';
import { hmacPseudonym } from '../../src/ingest/pseudonymizer.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { MoveError } from '../../src/move/carry-settings.js';
import { migrateStore } from '../../src/move/migrate-store.js';
import { openStore } from '../../src/storage/open-store.js';
import { allEvents } from '../../src/storage/read-events.js';
import { rollupTables } from '../../src/storage/rollup-tables.js';
import type { Store, StoredEvent } from '../../src/storage/store.js';
import { startCollector } from '../../src/start-collector.js';
import { duckdbTarget, postgresTarget, type StoreTarget } from '../helpers/store-targets.js';
import { demoPrompt } from '../helpers/demo-prompt.js';
import { postBatch } from '../helpers/temp-collector.js';

const identitySecret = 'move-identity-secret-0123456789';
const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identitySecret, origins: ['https://assistant.corp.example'] }],
  adminToken: 'move-admin-token-0123456789',
  usageEvents: ['report.generated'],
  prompts: [demoPrompt],
});
const until = new Date().toISOString().slice(0, 10);

/** Every row of a table as sorted text: what "the same rows" means across engines. */
async function tableText(store: Store, table: string): Promise<string[]> {
  const [first] = await store.query(`SELECT * FROM ${table} LIMIT 1`);
  const columns = Object.keys(first ?? {});
  const rows = await store.query(`SELECT ${columns.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ')} FROM ${table}`);
  // A whole FLOAT8 is text 1214.0 on DuckDB and 1214 on PostgreSQL: the same number.
  return rows.map((r) => columns.map((c) => String(r[c]).replace(/^(-?\d+)\.0$/, '$1')).join('|')).sort();
}

const places: StoreTarget[] = [];
const opened: Store[] = [];
async function fresh(makeTarget: () => Promise<StoreTarget>): Promise<{ store: Store; target: StoreTarget }> {
  const target = await makeTarget();
  places.push(target);
  const store = await openStore(target.location);
  opened.push(store);
  return { store, target };
}

afterAll(async () => {
  for (const store of opened) await store.close().catch(() => undefined);
  for (const target of places) await target.dispose();
});

describe('migrateStore: DuckDB → PostgreSQL → DuckDB with a demo organisation', () => {
  let duck: Store;
  let pg: Store;
  let back: Store;
  let pgTarget: StoreTarget;

  beforeAll(async () => {
    duck = (await fresh(duckdbTarget)).store;
    await duck.syncUsageEvents(config.usageEvents);
    await generateDemo(duck, config, { seed: 11, employees: 300, until, tool: 'assistant' });
    ({ store: pg, target: pgTarget } = await fresh(postgresTarget));
    back = (await fresh(duckdbTarget)).store;
    const there = await migrateStore(duck, pg, { source: 'duck', pageSize: 2000 });
    expect(there.settings).toEqual({ pseudonymSecret: 'carried', copied: ['demo'], kept: [] });
    expect(there.events.read).toBeGreaterThan(10_000);
    expect(there.events.inserted).toBe(there.events.read);
    await migrateStore(pg, back, { source: 'pg' });
  }, 240_000);

  it('gives the same metrics on every side', async () => {
    const metrics = await computeMetrics(duck, config, { asOf: until });
    expect(metrics.adoption.trained).toBeGreaterThan(100);
    expect(await computeMetrics(pg, config, { asOf: until })).toEqual(metrics);
    expect(await computeMetrics(back, config, { asOf: until })).toEqual(metrics);
  });

  it('moves every event as it is, and rebuilds the rollups row for row', async () => {
    const events = await allEvents(duck);
    expect(await allEvents(pg)).toEqual(events);
    expect(await allEvents(back)).toEqual(events);
    for (const table of rollupTables) {
      const rows = await tableText(duck, table);
      expect(rows.length).toBeGreaterThan(0);
      expect(await tableText(pg, table)).toEqual(rows);
      expect(await tableText(back, table)).toEqual(rows);
    }
  });

  it('carries the pseudonym secret, kept as each store keeps it, and the other settings', async () => {
    const secret = await duck.keptPseudonymSecret();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(await pg.keptPseudonymSecret()).toBe(secret);
    expect(await back.keptPseudonymSecret()).toBe(secret);
    // On DuckDB in a key file beside the store, never in the file the events are in.
    expect(await back.getSetting('pseudonymSecret')).toBeUndefined();
    expect(await pg.getSetting('usageEvents')).toBe('["report.generated"]');
    expect(await back.getSetting('demo')).toBe(await duck.getSetting('demo'));
  });

  it('adds nothing when run again', async () => {
    const again = await migrateStore(duck, pg, { source: 'duck' });
    expect(again.events).toMatchObject({ inserted: 0, resumedAfter: 0 });
    expect(again.settings.pseudonymSecret).toBe('same');
    expect(await tableText(pg, 'person_days')).toEqual(await tableText(duck, 'person_days'));
  });

  it('lets a browser batch after the move join the moved person', async () => {
    const person = 'emp-00042';
    const pseudonym = hmacPseudonym((await duck.keptPseudonymSecret()) as string)(person);
    // emp-00042's identify, training and usage, moved.
    expect((await allEvents(pg)).filter((e) => e.userId === pseudonym).length).toBeGreaterThan(2);
    const collector = await startCollector({ config, ...pgTarget.location, port: 0, host: '127.0.0.1' });
    try {
      const ts = new Date().toISOString();
      const answer = await postBatch(
        collector.url,
        JSON.stringify({
          writeKey: 'wk_assistant',
          sentAt: ts,
          identities: { [person]: userHash(identitySecret, person) },
          events: [{ id: 'after-move-0001', name: 'ai.request', ts, userId: person, tool: 'assistant', props: { feature: 'summarize' } }],
        }),
        { 'Content-Type': 'text/plain;charset=UTF-8', Origin: 'https://assistant.corp.example' },
      );
      expect(answer).toMatchObject({ status: 200, body: { accepted: 1 } });
    } finally {
      await collector.close();
    }
    const after = (await allEvents(pg)).find((e) => e.id === 'after-move-0001') as StoredEvent;
    expect(after.userId).toBe(pseudonym);
  });
});

function row(n: number, userId = `p-${n % 7}`): StoredEvent {
  const ts = new Date(Date.UTC(2026, 10, 1 + (n % 20), 9, 0, n % 60));
  return {
    id: `mv-${String(n).padStart(6, '0')}`,
    name: n % 5 === 0 ? 'identify' : 'ai.request',
    ts,
    receivedAt: ts,
    userId,
    anonymousId: null,
    sessionId: 's-1',
    tool: 'assistant',
    props: { n, feature: 'summarize' },
  };
}

describe('migrateStore: interrupted and resumed', () => {
  it('resumes after the last page written, and a page written twice adds nothing', async () => {
    const from = (await fresh(duckdbTarget)).store;
    await from.insert(Array.from({ length: 950 }, (_, n) => row(n)));
    const to = (await fresh(postgresTarget)).store;
    // The third page's insert commits, then the move dies before its checkpoint.
    let inserts = 0;
    const dying = new Proxy(to, {
      get(target, key) {
        if (key === 'insert')
          return async (events: StoredEvent[]) => {
            const ids = await target.insert(events);
            if (++inserts === 3) throw new Error('killed');
            return ids;
          };
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await expect(migrateStore(from, dying, { source: 'interrupted', pageSize: 100 })).rejects.toThrow('killed');
    expect(await to.getSetting('move:interrupted')).toMatch(/"read":200/);
    const seen: number[] = [];
    const resumed = await migrateStore(from, to, { source: 'interrupted', pageSize: 100, onEvents: (n) => seen.push(n) });
    // The third page was stored by the run that died: the resumed run finds it there.
    expect(resumed.events).toEqual({ read: 950, inserted: 850, resumedAfter: 200 });
    expect(seen[0]).toBe(200);
    expect(await allEvents(to)).toEqual(await allEvents(from));
    expect(await tableText(to, 'person_days')).toEqual(await tableText(from, 'person_days'));
    expect(await to.getSetting('move:interrupted')).toBeUndefined();
  });
});

describe('migrateStore: what it refuses and what else it carries', () => {
  it('refuses a destination that keeps another pseudonym secret, before moving anything', async () => {
    const from = (await fresh(duckdbTarget)).store;
    await from.initPseudonymSecret('a'.repeat(64));
    await from.insert([row(1)]);
    const to = (await fresh(postgresTarget)).store;
    await to.initPseudonymSecret('b'.repeat(64));
    const refused = migrateStore(from, to, { source: 'x' });
    await expect(refused).rejects.toThrow(MoveError);
    await expect(refused).rejects.toThrow('the destination keeps another pseudonym secret than the source');
    expect(await allEvents(to)).toEqual([]);
  });

  it('copies a table a feature added (any table but the events, settings and rollups), once', async () => {
    const from = (await fresh(postgresTarget)).store;
    const to = (await fresh(duckdbTarget)).store;
    for (const [store, json] of [
      [from, 'JSONB'],
      [to, 'JSON'],
    ] as const) {
      // What a later migration of both engines would add, created here by hand.
      await (store as unknown as { statements: { run(sql: string): Promise<number> } }).statements.run(
        `CREATE TABLE feature_items (kind TEXT, id TEXT, version INTEGER, changed_at TIMESTAMPTZ, body ${json}, live BOOLEAN, PRIMARY KEY (kind, id, version));
         CREATE TABLE feature_log (logged_at TIMESTAMPTZ, what TEXT)`,
      );
    }
    const raw = (from as unknown as { statements: { run(sql: string): Promise<number> } }).statements;
    await raw.run(
      `INSERT INTO feature_items VALUES ('prompt', 'tip', 1, '2026-11-22T10:00:00.123Z', '{"title": "It''s \\"quoted\\""}', true), ('prompt', 'tip', 2, '2026-11-23T10:00:00Z', '{}', NULL);
       INSERT INTO feature_log VALUES ('2026-11-22T10:00:00Z', 'one'), ('2026-11-22T11:00:00Z', NULL)`,
    );
    const first = await migrateStore(from, to, { source: 'features' });
    // The tables of this version's features (the audit log, the studio's items) are copied the same way.
    expect(first.tables.map((t) => t.table)).toEqual(expect.arrayContaining(['audit_log', 'studio_items']));
    const added = (tables: typeof first.tables) => tables.filter((t) => t.table.startsWith('feature_'));
    expect(added(first.tables)).toEqual([
      { table: 'feature_items', rows: 2, inserted: 2 },
      { table: 'feature_log', rows: 2, inserted: 2 },
    ]);
    expect(await tableText(to, 'feature_items')).toEqual(await tableText(from, 'feature_items'));
    expect((await to.query(`SELECT body->>'title' AS t FROM feature_items WHERE version = 1`))[0]?.['t']).toBe('It\'s "quoted"');
    expect(await tableText(to, 'feature_log')).toEqual(await tableText(from, 'feature_log'));
    const second = await migrateStore(from, to, { source: 'features' });
    expect(added(second.tables).map((t) => t.inserted)).toEqual([0, 0]);
  });
});
