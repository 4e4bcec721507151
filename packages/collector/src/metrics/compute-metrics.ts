import type { UptakeConfig } from '../config/config-schema.js';
import type { Store } from '../storage/store.js';
import { activity } from './activity.js';
import { behaviorCheck } from './behavior-check.js';
import { cohorts } from './cohorts.js';
import { metricSql } from './metric-sql.js';
import { outputs } from './outputs.js';
import { programs } from './programs.js';
import { promptUplift } from './prompt-uplift.js';
import { segments } from './segments.js';
import { ratio } from './suppress.js';
import { trainedPopulation } from './trained-population.js';
import type { Metrics, MetricsQuery } from './types.js';
import { webVitals } from './web-vitals.js';

/**
 * Computes every metric of SPEC "Metric definitions" in the store, in one read session: a temporary
 * table of each person's usage days, then one SQL statement per group of metrics; only aggregates
 * leave the store. Groups under `minGroupSize` people are suppressed.
 */
export async function computeMetrics(store: Store, config: UptakeConfig, q: MetricsQuery): Promise<Metrics> {
  const source = (await store.rollupMatches(config.usageEvents)) ? 'rollup' : 'events';
  const sql = metricSql(q, config.usageEvents, store.dialect, source);
  const min = config.minGroupSize;
  // With a program or cohort filter, every figure is about the trained people it selects.
  const restrict = q.program !== undefined || q.cohort !== undefined;
  const prompts = config.prompts.filter((p) => p.goal && (q.tool === undefined || p.tools === undefined || p.tools.includes(q.tool)));

  return store.readSession(async (query) => {
    await query(sql.usageTable.sql, sql.usageTable.params);
    const act = await activity(query, sql, restrict);
    const population = await trainedPopulation(query, sql, min);
    const check = await behaviorCheck(query, sql, min);
    const out = await outputs(query, sql, restrict, min);
    const cohortList = await cohorts(query, sql, min);
    const segmentLists = await segments(query, sql, min);
    const promptList = [];
    for (const prompt of prompts) promptList.push(await promptUplift(query, sql, prompt, restrict, min));
    const programList = await programs(
      query,
      sql,
      (program) => metricSql({ ...q, program }, config.usageEvents, store.dialect, source),
      min,
      q.program,
    );
    const vitals = await webVitals(query, sql, restrict, min);

    const trained = population.trained;
    const gapSuppressed = population.adoption.suppressed || check.suppressed;
    const applied = check.applied as number;
    return {
      asOf: q.asOf,
      minGroupSize: min,
      filters: { tool: q.tool ?? null, program: q.program ?? null, cohort: q.cohort ?? null },
      // Organisation-wide DAU/WAU/MAU are reported as they are; a filtered population is a group like any other.
      activity: restrict && population.trained < min ? { dau: null, wau: null, mau: null, stickiness: null, suppressed: true } : act,
      adoption: population.adoption,
      sustained: population.sustained,
      behaviorCheck: check,
      gap: gapSuppressed
        ? { trained: population.adoption.trained, applied: null, count: null, share: null, suppressed: true }
        : { trained, applied, count: trained - applied, share: ratio(trained - applied, trained), suppressed: false },
      outputs: out,
      cohorts: cohortList,
      segments: segmentLists,
      prompts: promptList,
      programs: programList,
      vitals,
    };
  });
}
