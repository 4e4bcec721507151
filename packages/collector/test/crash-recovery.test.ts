import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/storage/open-store.js';
import { postgresTarget, type StoreTarget, duckdbTarget } from './helpers/store-targets.js';
import { spawnServe } from './helpers/spawn-collector.js';
import { event, postBatch } from './helpers/temp-collector.js';

let dir: string;
let configFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uptake-crash-'));
  configFile = join(dir, 'uptake.config.json');
  await writeFile(configFile, JSON.stringify({ tools: [{ id: 'assistant', writeKey: 'wk_assistant', origins: ['*'] }], adminToken: 'crash-admin-token-0123', pseudonymize: false }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const storeArgs = (t: StoreTarget) => (t.location.databaseUrl ? ['--database-url', t.location.databaseUrl] : ['--db', t.location.db as string]);

describe.each([
  { kind: 'duckdb', target: duckdbTarget },
  { kind: 'postgres', target: postgresTarget },
])('SIGKILL right after acknowledgements, $kind store', ({ target: makeTarget }) => {
  it('finds every acknowledged event exactly once after a restart', async () => {
    const target = await makeTarget();
    const server = await spawnServe(['--config', configFile, ...storeArgs(target)], dir);
    const acknowledged = new Set<string>();
    let killed = false;
    let batchNo = 0;
    // Eight senders post batches of 100 as fast as they can; the collector is killed mid-stream.
    const sender = async (s: number) => {
      while (!killed) {
        const events = Array.from({ length: 100 }, (_, e) => event({ id: `crash-${s}-${batchNo}-${e}` }));
        batchNo++;
        try {
          const res = await postBatch(server.url, { writeKey: 'wk_assistant', events });
          if (res.status === 200) for (const e of events) acknowledged.add(e['id'] as string);
        } catch {
          return; // connection reset by the kill: not acknowledged
        }
      }
    };
    const senders = Promise.all(Array.from({ length: 8 }, (_, s) => sender(s)));
    while (acknowledged.size < 5_000) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    expect(await server.stop('SIGKILL')).toBeNull();
    await senders;

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
    const acknowledged: string[] = [];
    let batchNo = 0;
    let stopping = false;
    const sender = async (s: number) => {
      while (!stopping) {
        const events = Array.from({ length: 100 }, (_, e) => event({ id: `term-${s}-${batchNo}-${e}` }));
        batchNo++;
        try {
          const res = await postBatch(server.url, { writeKey: 'wk_assistant', events });
          if (res.status === 200) acknowledged.push(...events.map((e) => e['id'] as string));
        } catch {
          return; // refused once the server stopped listening
        }
      }
    };
    const senders = Promise.all(Array.from({ length: 8 }, (_, s) => sender(s)));
    while (acknowledged.length < 3_000) await new Promise((r) => setTimeout(r, 5));
    const exit = server.stop('SIGTERM');
    stopping = true;
    expect(await exit).toBe(0);
    await senders;
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
