import { describe, expect, it } from 'vitest';
import { exposureHistory } from '../../src/prompts/exposure-history.js';
import type { SqlQuery } from '../../src/storage/store.js';
import { useStore } from '../helpers/use-store.js';

describe('GET /v1/config reads on PostgreSQL', () => {
  const store = useStore('postgres');

  it("reads a person's exposures from the rollups and training through one partial index, each through an index", async () => {
    const plans: string[] = [];
    await store.readSession(async (query) => {
      // An empty table: the planner would scan it whatever the indexes; what matters is that it can use one.
      await query('SET LOCAL enable_seqscan = off');
      await query('SET LOCAL enable_bitmapscan = off');
      const explaining: SqlQuery = async (sql, params) => {
        const [row] = await query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
        plans.push(JSON.stringify(row));
        return [];
      };
      await exposureHistory(explaining, store.dialect, 'p-1', { prompts: new Set(), surveys: new Set() });
    });
    // The exposures are the person_items and person_shows rollups (storage/metric-rollups.ts).
    const [exposures, shows, training] = plans;
    expect(exposures).toContain('"Index Name":"person_items_pkey"');
    expect(shows).toContain('"Index Name":"person_shows_user"');
    expect(training).toContain('"Index Name":"events_person_lookups"');
  });
});
