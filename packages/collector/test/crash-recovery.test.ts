import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/storage/open-store.js';
import { duckdbTarget, type StoreTarget, storeKinds } from './helpers/store-targets.js';
import { spawnServe } from './helpers/spawn-collector.js';
import { event, postBatch } from './helpers/temp-collector.js';
import { useWorkDir } from './helpers/use-temp-dir.js';

const dir = useWorkDir('uptake-crash-', {
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken: 'crash-admin-token-0123',
  // Events dated around 2026-11-22: older than the default maxEventAgeDays (7) before today.
  maxEventAgeDays: 36_500,
  // Thousands of events of one person in a day; the cap has tests of its own.
  maxEventsPerPersonPerDay: 1_000_000,
  pseudonymize: false,
});
const configFile = join(dir, 'uptake.config.json');

const storeArgs = (t: StoreTarget) =>
  t.location.databaseUrl ? ['--database-url', t.location.databaseUrl] : ['--db', t.location.db as string];

/**
 * Eight senders post batches of 100 as fast as they can until `stop()`; `acknowledged` holds the ids
 * of every batch answered 200. A sender whose connection is cut stops (its batch is not acknowledged).
 */
function loadGenerator(url: string, prefix: string) {
  const acknowledged: string[] = [];
  let stopped = false;
  let batchNo = 0;
  const sender = async (s: number) => {
    while (!stopped) {
      const events = Array.from({ length: 100 }, (_, e) => event({ id: `${prefix}-${s}-${batchNo}-${e}` }));
      batchNo++;
      try {
        const res = await postBatch(url, { writeKey: 'wk_assistant', events });
        if (res.status === 200) acknowledged.push(...events.map((e) => e['id'] as string));
      } catch {
        return;
      }
    }
  };
  const done = Promise.all(Array.from({ length: 8 }, (_, s) => sender(s)));
  return {
    acknowledged,
    async until(count: number) {
      while (acknowledged.length < count) await new Promise((r) => setTimeout(r, 5));
    },
    stop() {
      stopped = true;
      return done;
    },
  };
}

describe.each(storeKinds)('SIGKILL right after acknowledgements, $kind store', ({ target: makeTarget }) => {
  it('finds every acknowledged event exactly once after a restart', async () => {
    const target = await makeTarget();
    const server = await spawnServe(['--config', configFile, ...storeArgs(target)], dir);
    // The collector is killed mid-stream, right after acknowledgements.
    const load = loadGenerator(server.url, 'crash');
    await load.until(5_000);
    const stopping = load.stop();
    expect(await server.stop('SIGKILL')).toBeNull();
    await stopping;
    const acknowledged = new Set(load.acknowledged);

    // Restart on the same store, as an operator would, then read it back.
    const restarted = await spawnServe(['--config', configFile, ...storeArgs(target)], dir);
    expect((await fetch(`${restarted.url}/healthz`)).status).toBe(200);
    expect(await restarted.stop('SIGTERM')).toBe(0);
    const store = await openStore(target.location);
    try {
      const stored = (await store.events()).map((e) => e.id);
      const counts = new Map<string, number>();
      for (const id of stored) counts.set(id, (counts.get(id) ?? 0) + 1);
      const missing = [...acknowledged].filter((id) => !counts.has(id));
      expect(missing).toEqual([]);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(stored.length).toBeGreaterThanOrEqual(acknowledged.size);
    } finally {
      await store.close();
      await target.dispose();
    }
  });
});

describe('SIGTERM during load', () => {
  it('answers the requests in flight, writes what it acknowledged, and exits 0', async () => {
    const target = await duckdbTarget();
    const server = await spawnServe(['--config', configFile, ...storeArgs(target)], dir);
    const load = loadGenerator(server.url, 'term');
    await load.until(3_000);
    const exit = server.stop('SIGTERM');
    const stopping = load.stop();
    expect(await exit).toBe(0);
    await stopping;
    const acknowledged = load.acknowledged;
    const store = await openStore(target.location);
    try {
      const stored = new Set((await store.events()).map((e) => e.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await store.close();
      await target.dispose();
    }
  });
});
