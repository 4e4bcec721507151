import type { UptakeConfig } from '../config/config-schema.js';
import type { Store } from '../storage/store.js';
import { activity } from './activity.js';
import { behaviorCheck } from './behavior-check.js';
import { cohorts } from './cohorts.js';
import type { MetricCounts } from './metric-counts.js';
import { metricSql } from './metric-sql.js';
import { outputs } from './outputs.js';
import { programs } from './programs.js';
import { promptUplift } from './prompt-uplift.js';
import { publishMetrics } from './publish-metrics.js';
import { exactRelease } from './release.js';
import { segments } from './segments.js';
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

  const counts = await store.readSession(async (query): Promise<MetricCounts> => {
    await query(sql.usageTable.sql, sql.usageTable.params);
    const act = await activity(query, sql, restrict);
    const population = await trainedPopulation(query, sql);
    const check = await behaviorCheck(query, sql);
    const out = await outputs(query, sql, restrict);
    const cohortList = await cohorts(query, sql);
    const segmentLists = await segments(query, sql);
    const promptList = [];
    for (const prompt of prompts) promptList.push(await promptUplift(query, sql, prompt, restrict));
    const programList = await programs(
      query,
      sql,
      (program) => metricSql({ ...q, program }, config.usageEvents, store.dialect, source),
      min,
      q.program,
    );
    const vitals = await webVitals(query, sql, restrict);
    return {
      activity: act,
      population,
      behaviorCheck: check,
      outputs: out,
      cohorts: cohortList,
      segments: segmentLists,
      prompts: promptList,
      programs: programList,
      vitals,
    };
  });
  return publishMetrics(counts, q, exactRelease(min));
}
