import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../packages/collector/src/config/load-config.js';
import { importTraining } from '../../packages/collector/src/import/import-training.js';
import type { TrainingRow } from '../../packages/collector/src/import/training-row.js';
import { pseudonymizerFor } from '../../packages/collector/src/ingest/pseudonymizer.js';
import { openStore } from '../../packages/collector/src/storage/open-store.js';
import { storeKinds } from '../../packages/collector/test/helpers/store-targets.js';
import { event, postBatch, tempCollector } from '../../packages/collector/test/helpers/temp-collector.js';
import { figure } from '../helpers/reliability-scale.js';

// A large training import into each store: batched transactions, the same pseudonyms as the
// collector's, idempotent. The behaviour of the import itself is tested in
// packages/collector/test/import/import-training.test.ts.

// Pseudonymized, as in production: the import must hash user ids exactly as the collector does.
const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  // The SDK event it joins with is dated 2026-11-22, older than the default maxEventAgeDays (7).
  maxEventAgeDays: 36_500,
  adminToken: 'test-admin-token',
});

describe.each(storeKinds)('importTraining into the store directly, $kind store', ({ kind, target }) => {
  it('hashes like a collector on the same store and imports 100,000 rows in big batches, idempotently', async () => {
    const t = await target();
    try {
      const c = await tempCollector(config, async () => ({ ...t, dispose: async () => undefined }));
      expect(
        (await postBatch(c.url, { writeKey: 'wk_assistant', events: [event({ id: 'sdk-join-0002', userId: 'user-7' })] })).body['accepted'],
      ).toBe(1);
      await c.close();

      const store = await openStore(t.location);
      try {
        const pseudonymize = await pseudonymizerFor(config, store);
        const many: TrainingRow[] = Array.from({ length: 100_000 }, (_, i) => ({
          userId: `user-${i}`,
          completedAt: new Date(Date.UTC(2026, 0, 1) + (i % 90) * 86_400_000),
          program: 'ai-basics',
          ...(i % 2 === 0 ? { role: 'professional' } : {}),
        }));
        let writes = 0;
        const insert = async (events: Parameters<typeof store.insert>[0]) => {
          writes++;
          return (await store.insert(events)).length;
        };
        const started = Date.now();
        expect(await importTraining(many, { pseudonymize, insert })).toEqual({
          rows: 100_000,
          events: 150_000,
          inserted: 150_000,
          existing: 0,
        });
        const elapsed = Date.now() - started;
        figure(`training import, 100,000 rows into ${kind}`, `${(elapsed / 1000).toFixed(1)} s`);
        expect(elapsed).toBeLessThan(60_000);
        expect(writes).toBe(20); // 5,000 rows a transaction, not one per row
        const again = await importTraining(many.slice(0, 7_000), { pseudonymize, insert });
        expect(again).toEqual({ rows: 7_000, events: 10_500, inserted: 0, existing: 10_500 });

        const summary = await store.summary();
        expect(summary.events).toBe(150_001);
        expect(summary.users).toBe(100_000); // user-7's SDK event and import share one hashed id
      } finally {
        await store.close();
      }
    } finally {
      await t.dispose();
    }
  }, 120_000);
});
