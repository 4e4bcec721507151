import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/storage/open-store.js';
import { spawnServe } from './helpers/spawn-collector.js';
import { postgresTarget, storeKinds } from './helpers/store-targets.js';
import { event, postBatch, tempCollector, testConfig } from './helpers/temp-collector.js';

type Batch = { writeKey: string; events: Record<string, unknown>[] };

/** Twenty senders, ten batches of fifty each; every batch is sent twice at once and once more later, and each sender also retries a neighbour's first batch. */
function plan(): Batch[][] {
  return Array.from({ length: 20 }, (_, s) =>
    Array.from({ length: 10 }, (_, b) => ({
      writeKey: 'wk_assistant',
      events: Array.from({ length: 50 }, (_, e) => event({ id: `conc-s${s}-b${b}-e${e}` })),
    })),
  );
}

async function runSenders(urls: string[], senders: Batch[][]): Promise<{ accepted: number; responses: number }> {
  let accepted = 0;
  let responses = 0;
  const send = async (url: string, batch: Batch) => {
    const res = await postBatch(url, batch);
    expect(res.status).toBe(200);
    expect((res.body['accepted'] as number) + (res.body['duplicates'] as number)).toBe(batch.events.length);
    accepted += res.body['accepted'] as number;
    responses++;
  };
  await Promise.all(
    senders.map(async (batches, s) => {
      const url = urls[s % urls.length] as string;
      const other = urls[(s + 1) % urls.length] as string;
      for (const batch of batches) await Promise.all([send(url, batch), send(other, batch)]);
      await send(url, batches[0] as Batch);
      await send(other, (senders[(s + 1) % senders.length] as Batch[])[0] as Batch);
    }),
  );
  return { accepted, responses };
}

describe.each(storeKinds)('twenty concurrent senders with overlapping retries, $kind store', ({ target }) => {
  it('stores every event exactly once and counts each as accepted once', async () => {
    const c = await tempCollector(testConfig, target);
    try {
      const senders = plan();
      const { accepted } = await runSenders([c.url], senders);
      const ids = (await c.store.events()).map((e) => e.id).filter((id) => id.startsWith('conc-'));
      expect(ids).toHaveLength(20 * 10 * 50);
      expect(new Set(ids).size).toBe(ids.length);
      expect(accepted).toBe(ids.length);
    } finally {
      await c.stop();
    }
  });

  it('shares one transaction among concurrent requests (group commit)', async () => {
    const c = await tempCollector(testConfig, target);
    try {
      let writes = 0;
      // The committer writes each group with insertCapped (the daily cap held in its transaction).
      const insert = c.store.insertCapped.bind(c.store);
      c.store.insertCapped = (rows, perPersonDay, exempt) => {
        writes++;
        return insert(rows, perPersonDay, exempt);
      };
      const batches = Array.from({ length: 60 }, (_, b) => ({
        writeKey: 'wk_assistant',
        events: Array.from({ length: 10 }, (_, e) => event({ id: `group-b${b}-e${e}` })),
      }));
      const results = await Promise.all(batches.map((batch) => postBatch(c.url, batch)));
      expect(results.every((r) => r.status === 200 && r.body['accepted'] === 10)).toBe(true);
      expect(writes).toBeGreaterThan(0);
      expect(writes).toBeLessThan(batches.length / 2);
      expect((await c.store.events()).filter((e) => e.id.startsWith('group-'))).toHaveLength(600);
    } finally {
      await c.stop();
    }
  });
});

describe('several collector processes on one PostgreSQL', () => {
  it('two `uptake serve` processes sharing a store, with overlapping retries: no loss, no duplicates, one pseudonym secret', async () => {
    const target = await postgresTarget();
    const dir = await mkdtemp(join(tmpdir(), 'uptake-multi-'));
    const configFile = join(dir, 'uptake.config.json');
    await writeFile(
      configFile,
      JSON.stringify({
        tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
        adminToken: 'multi-admin-token-0123456789',
        // Events dated around 2026-11-22: older than the default maxEventAgeDays (7) before today.
        maxEventAgeDays: 36_500,
        // Thousands of events of one person in a day; the cap has tests of its own.
        maxEventsPerPersonPerDay: 1_000_000,
      }),
    );
    const args = ['--config', configFile, '--database-url', target.location.databaseUrl as string];
    // Both start at once: migrations and the generated secret must not race.
    const [a, b] = await Promise.all([spawnServe(args, dir), spawnServe(args, dir)]);
    try {
      if (!a || !b) throw new Error('collectors did not start');
      const senders = plan();
      const { accepted } = await runSenders([a.url, b.url], senders);
      const store = await openStore(target.location);
      try {
        const events = await store.events();
        const ids = events.map((e) => e.id).filter((id) => id.startsWith('conc-'));
        expect(ids).toHaveLength(20 * 10 * 50);
        expect(new Set(ids).size).toBe(ids.length);
        expect(accepted).toBe(ids.length);
        // Both processes hashed user u-4821 with the one secret in the store.
        expect(new Set(events.map((e) => e.userId))).toEqual(
          new Set([
            createHmac('sha256', (await store.getSetting('pseudonymSecret')) as string)
              .update('u-4821')
              .digest('hex'),
          ]),
        );
      } finally {
        await store.close();
      }
    } finally {
      await Promise.all([a?.stop(), b?.stop()]);
      await target.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
