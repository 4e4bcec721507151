import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load-config.js';
import { startCollector } from '../src/start-collector.js';
import { storeKinds } from './helpers/store-targets.js';
import { event, postBatch, testConfig } from './helpers/temp-collector.js';

describe.each(storeKinds)('retentionDays, $kind store', ({ target: makeTarget }) => {
  it('purges behavioural events older than retentionDays at start, keeps training and identity events', async () => {
    const target = await makeTarget();
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const recent = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const first = await startCollector({ config: testConfig, ...target.location, port: 0 });
    await postBatch(
      first.url,
      {
        writeKey: 'wk_assistant',
        events: [
          event({ id: 'ret-old-usage', ts: old }),
          event({ id: 'ret-old-training', name: 'training.completed', ts: old, props: { program: 'workshop' } }),
          event({ id: 'ret-old-identify', name: 'identify', ts: old, props: { role: 'professional' } }),
          event({ id: 'ret-recent-usage', ts: recent }),
        ],
        // A backfill with training facts: a server-side sender with the admin token.
      },
      { Authorization: `Bearer ${testConfig.adminToken}` },
    );
    await first.close();

    const second = await startCollector({ config: parseConfig({ ...testConfig, retentionDays: 30 }), ...target.location, port: 0 });
    try {
      const deadline = Date.now() + 5_000;
      let ids: string[] = [];
      do {
        ids = (await second.store.events()).map((e) => e.id).sort();
        if (!ids.includes('ret-old-usage')) break;
        await new Promise((r) => setTimeout(r, 50));
      } while (Date.now() < deadline);
      expect(ids).toEqual(['ret-old-identify', 'ret-old-training', 'ret-recent-usage']);
    } finally {
      await second.close();
      await target.dispose();
    }
  });
});
