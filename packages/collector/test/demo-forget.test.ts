import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load-config.js';
import { demoEvents } from '../src/demo/demo-organisation.js';
import { generateDemo } from '../src/demo/generate-demo.js';
import { pseudonymizerFor } from '../src/ingest/pseudonymizer.js';
import { storedUserId } from '../src/ingest/stored-user-id.js';
import { computeMetrics } from '../src/metrics/compute-metrics.js';
import { openStore } from '../src/storage/open-store.js';
import { personTables } from '../src/storage/person-tables.js';
import { storeKinds } from './helpers/store-targets.js';
import { noMetricRollupRows } from './helpers/metric-rollup-counts.js';

const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk', identity: 'unverified', origins: ['*'] }],
  adminToken: 'demo-admin-token-0123',
});
const options = { seed: 11, employees: 300, until: '2026-11-22', tool: 'assistant' };

describe.each(storeKinds)('forgetting a person of the demo organisation, $kind store', ({ target: makeTarget }) => {
  it('leaves no row with their pseudonym in any person table, and every metric still computes', async () => {
    const target = await makeTarget();
    const store = await openStore(target.location);
    try {
      await store.syncUsageEvents(config.usageEvents);
      await generateDemo(store, config, options);
      // A trained employee with usage: someone every table has rows about.
      const trained = [...demoEvents(options)].find((e) => e.name === 'training.completed')?.userId as string;
      const pseudonym = storedUserId(await pseudonymizerFor(config, store), trained);
      const rowsOf = async () => {
        const counts: Record<string, number> = {};
        for (const { table, person } of personTables)
          counts[table] = Number((await store.query(`SELECT count(*) AS n FROM ${table} WHERE ${person} = $1`, [pseudonym]))[0]?.['n']);
        return counts;
      };
      const held = await rowsOf();
      expect(Object.values(held).every((n) => n > 0)).toBe(true);

      expect(await store.forget(pseudonym)).toEqual(held);
      expect(await rowsOf()).toEqual({
        events: 0,
        daily_usage: 0,
        person_usage_days: 0,
        person_days: 0,
        ...noMetricRollupRows,
      });
      const [anonymous] = await store.query('SELECT count(*) AS n FROM events WHERE anonymous_id = $1', [pseudonym]);
      expect(Number(anonymous?.['n'])).toBe(0);
      const metrics = await computeMetrics(store, config, { asOf: options.until });
      expect(metrics.sustained.d90.rate).not.toBeNull();
      expect(await store.forget(pseudonym)).toEqual({
        events: 0,
        daily_usage: 0,
        person_usage_days: 0,
        person_days: 0,
        ...noMetricRollupRows,
      });
    } finally {
      await store.close();
      await target.dispose();
    }
  }, 120_000);
});
