import type { PromptConfig } from '@uptake/sdk/protocol';
import type { UptakeConfig } from '../config/config-schema.js';
import type { SqlQuery, Store } from '../storage/store.js';
import { activity } from './activity.js';
import { behaviorCheck } from './behavior-check.js';
import { cohorts } from './cohorts.js';
import { countEngagementFigures } from './engagement.js';
import type { MetricCounts } from './metric-counts.js';
import { type MetricSql, metricSql, type UsageSource } from './metric-sql.js';
import { outputs } from './outputs.js';
import { planCounts } from './plan-counts.js';
import { planSettings } from './publish-plan.js';
import { programs } from './programs.js';
import { promptUplift } from './prompt-uplift.js';
import { segments } from './segments.js';
import { countTimeSaved } from './time-saved.js';
import { trainedPopulation } from './trained-population.js';
import type { MetricsQuery } from './types.js';
import { webVitals } from './web-vitals.js';

/** The read session the counts were taken in, for more queries in it. */
export interface CountSession {
  query: SqlQuery;
  /** The shared SQL for other filters or another day, reading the same usage table. */
  sqlFor(q: MetricsQuery): MetricSql;
  source: UsageSource;
}

/** The prompts a request reports: those with a goal, for the filtered tool (or every tool). */
export function reportedPrompts(config: UptakeConfig, q: MetricsQuery): PromptConfig[] {
  return config.prompts.filter((p) => p.goal && (q.tool === undefined || p.tools === undefined || p.tools.includes(q.tool)));
}

/**
 * Takes the exact counts behind every metric of SPEC "Metric definitions" in one read session: a
 * temporary table of each person's usage days, then one SQL statement per group of metrics; only
 * aggregates leave the store. `use` runs in the same session and turns them into an answer.
 */
export async function countMetrics<T>(
  store: Store,
  config: UptakeConfig,
  q: MetricsQuery,
  use: (counts: MetricCounts, session: CountSession) => Promise<T>,
): Promise<T> {
  const source = (await store.rollupMatches(config.usageEvents)) ? 'rollup' : 'events';
  const sqlFor = (query: MetricsQuery) => metricSql(query, config.usageEvents, store.dialect, source);
  const sql = sqlFor(q);
  // With a program or cohort filter, every figure is about the trained people it selects.
  const restrict = q.program !== undefined || q.cohort !== undefined;

  return store.readSession(async (query) => {
    if (sql.usageTable) await query(sql.usageTable.sql, sql.usageTable.params);
    const act = await activity(query, sql, restrict);
    const population = await trainedPopulation(query, sql);
    const check = await behaviorCheck(query, sql);
    const out = await outputs(query, sql, restrict);
    const cohortList = await cohorts(query, sql);
    const segmentLists = await segments(query, sql);
    const promptList = [];
    const now = new Date(Date.parse(`${q.asOf}T00:00:00Z`) + 86_400_000);
    for (const prompt of reportedPrompts(config, q)) {
      const tools = q.tool === undefined ? prompt.tools : [q.tool];
      const plan = await planCounts(query, store.dialect, { prompt, tools, now, usageEvents: config.usageEvents });
      promptList.push({ ...(await promptUplift(query, sql, prompt, restrict)), plan: { counts: plan, settings: planSettings(prompt) } });
    }
    const programList = await programs(query, sql, (program) => sqlFor({ ...q, program }), config.minGroupSize, q.program);
    const vitals = await webVitals(query, sql, restrict);
    const session: CountSession = { query, sqlFor, source };
    const counts: MetricCounts = {
      engagement: await countEngagementFigures(session, config, q),
      timeSaved: await countTimeSaved(session, config, q),
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
    return use(counts, session);
  });
}
