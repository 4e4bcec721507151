import { describe, expect, it } from 'vitest';
import { queryTimelines } from '../../src/model/read-timelines.js';
import { exposureHistory } from '../../src/prompts/exposure-history.js';
import type { SqlQuery } from '../../src/storage/store.js';
import { useStore } from '../helpers/use-store.js';

describe('GET /v1/config reads on PostgreSQL', () => {
  const store = useStore('postgres');

  it("reads a person's exposures and first training from the rollups, each through an index, never the events", async () => {
    const plans: string[] = [];
    let fromExposures = 0;
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
      fromExposures = plans.length;
      // An adaptive item's due day: the person's usage days, training and latest role.
      await queryTimelines(explaining, store.dialect, { userId: 'p-1' });
      // The events are partitioned by month (migration 9): a plan names each month's index, which
      // is a partition of the events' index. Named here by the index it belongs to.
      const used = [...new Set(plans.flatMap((plan) => [...plan.matchAll(/"Index Name":"([^"]+)"/g)].map((m) => m[1] as string)))];
      const roots = await query(
        `SELECT c.relname AS used, r.relname AS root FROM pg_class c JOIN pg_class r ON r.oid = pg_partition_root(c.oid)
         WHERE c.relname = ANY($1::text[]) AND c.relnamespace::regnamespace::text IN (current_schema(), current_schema() || '_partitions')`,
        [`{${used.join(',')}}`],
      );
      for (const { used, root } of roots)
        for (const [i, plan] of plans.entries()) plans[i] = plan.replaceAll(`"Index Name":"${used}"`, `"Index Name":"${root}"`);
    });
    // The exposures are the person_items and person_shows rollups, the training person_trainings (storage/metric-rollups.ts).
    const [exposures, shows, training] = plans;
    expect(exposures).toContain('"Index Name":"person_items_pkey"');
    expect(shows).toContain('"Index Name":"person_shows_user"');
    expect(training).toContain('"Index Name":"person_trainings_pkey"');
    expect(fromExposures).toBeGreaterThanOrEqual(4);
    for (const plan of plans.slice(0, fromExposures)) expect(plan).not.toMatch(/"Relation Name":"events/);
    // An adaptive item's due day: usage days from the rollup; the training and the latest role each
    // through an index of their own (the person's identify events, never all their events).
    const [usageDays, trainingDay, role] = plans.slice(fromExposures);
    expect(usageDays).toContain('"Index Name":"daily_usage_pkey"');
    expect(trainingDay).toContain('"Index Name":"events_person_lookups"');
    expect(role).toContain('"Index Name":"events_person_identify"');
  });
});
