import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { type Collector, startCollector } from '../../src/start-collector.js';
import type { Store, StoredEvent } from '../../src/storage/store.js';
import { postgresTarget, storeKinds, type StoreTarget } from '../helpers/store-targets.js';
import { useStore } from '../helpers/use-store.js';
import { event, postBatch } from '../helpers/temp-collector.js';

const day = '2026-11-22';
function row(id: string, userId: string | null = 'p-1', ts = `${day}T10:00:00.000Z`): StoredEvent {
  return {
    id,
    name: 'ai.request',
    ts: new Date(ts),
    receivedAt: new Date(ts),
    userId,
    anonymousId: null,
    sessionId: null,
    tool: 'assistant',
    props: {},
  };
}

describe.each(storeKinds)('Store.insertCapped: $kind', ({ kind }) => {
  const store = useStore(kind);

  it('stores in the order given up to the cap per person and UTC day; a stored id is a duplicate, never refused', async () => {
    await store.insert([row('cap-a-0'), row('cap-a-1')]);
    const result = await store.insertCapped(
      [
        row('cap-a-1'), // stored already: a duplicate
        row('cap-a-2'),
        row('cap-b-0', 'p-2'),
        row('cap-a-3'),
        row('cap-a-next-day', 'p-1', '2026-11-23T00:00:00.000Z'),
        row('cap-anon', null),
        row('cap-a-4'),
      ],
      3,
    );
    expect({ ...result, inserted: result.inserted.sort() }).toEqual({
      inserted: ['cap-a-2', 'cap-a-next-day', 'cap-anon', 'cap-b-0'],
      refused: ['cap-a-3', 'cap-a-4'],
    });
    expect(await store.personDayEvents('p-1', day)).toBe(3);
  });

  it('below the cap, stores the new ids of a group that repeats stored ones and counts only them', async () => {
    // DuckDB inserts a group as new first and, meeting a stored id, writes it again keeping the stored rows.
    await store.insertCapped([row('rep-0', 'p-4'), row('rep-1', 'p-4')], 100);
    const again = await store.insertCapped([row('rep-1', 'p-4'), row('rep-2', 'p-4'), row('rep-0', 'p-4'), row('rep-3', 'p-4')], 100);
    expect({ ...again, inserted: again.inserted.sort() }).toEqual({ inserted: ['rep-2', 'rep-3'], refused: [] });
    expect(await store.personDayEvents('p-4', day)).toBe(4);
    expect(await store.insertCapped([row('rep-3', 'p-4'), row('rep-2', 'p-4')], 100)).toEqual({ inserted: [], refused: [] });
    expect(await store.personDayEvents('p-4', day)).toBe(4);
  });

  it('counts exempt events (imported facts) towards the cap without refusing them', async () => {
    const result = await store.insertCapped([row('cap-c-0', 'p-3'), row('cap-c-1', 'p-3'), row('cap-c-2', 'p-3')], 1, new Set(['cap-c-1']));
    expect({ ...result, inserted: result.inserted.sort() }).toEqual({ inserted: ['cap-c-0', 'cap-c-1'], refused: ['cap-c-2'] });
    expect(await store.personDayEvents('p-3', day)).toBe(2);
  });
});

describe('the daily cap across two collectors on one PostgreSQL', () => {
  const cap = 50;
  const config = parseConfig({
    tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
    adminToken: 'cap-admin-token-0123456789',
    maxEventAgeDays: 36_500,
    maxEventsPerPersonPerDay: cap,
    pseudonymize: false,
  });
  let target: StoreTarget;
  let collectors: Collector[];

  beforeAll(async () => {
    target = await postgresTarget();
    collectors = [];
    for (let i = 0; i < 2; i++) collectors.push(await startCollector({ config, ...target.location, port: 0, host: '127.0.0.1' }));
  });

  afterAll(async () => {
    for (const c of collectors) await c.close();
    await target.dispose();
  });

  it('holds together: concurrent batches of one person through both store exactly the cap', async () => {
    const batches = Array.from({ length: 24 }, (_, b) => ({
      writeKey: 'wk_assistant',
      events: Array.from({ length: 10 }, (_, e) => event({ id: `two-cap-${b}-${e}`, userId: 'emp-00007', ts: `${day}T12:00:00.000Z` })),
    }));
    const answers = await Promise.all(batches.map((batch, b) => postBatch((collectors[b % 2] as Collector).url, batch)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const accepted = answers.reduce((sum, a) => sum + (a.body['accepted'] as number), 0);
    const refused = answers.flatMap((a) => a.body['rejected'] as { error: string }[]);
    expect(accepted).toBe(cap);
    expect(refused).toHaveLength(240 - cap);
    expect(new Set(refused.map((r) => r.error))).toEqual(
      new Set([`this person sent more than ${cap} events on ${day} (maxEventsPerPersonPerDay)`]),
    );
    const store = collectors[0]?.store as Store;
    expect((await store.events()).filter((e) => e.userId === 'emp-00007')).toHaveLength(cap);
    expect(await store.personDayEvents('emp-00007', day)).toBe(cap);
  });
});
