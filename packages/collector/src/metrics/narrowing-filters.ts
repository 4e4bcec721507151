import { usageCondition } from '../storage/usage-rollup.js';
import type { CountSession } from './count-metrics.js';
import type { MetricCounts } from './metric-counts.js';
import { programSizes } from './programs.js';
import { secondarySuppression } from './secondary-suppression.js';
import { num } from './suppress.js';
import type { MetricsQuery } from './types.js';

/** Trained people per cohort. */
async function cohortSizes({ query, sqlFor }: CountSession, q: MetricsQuery): Promise<Map<string, number>> {
  const sql = sqlFor(q);
  const rows = await query(
    `${sql.ctes()}\n    SELECT cohort, CAST(COUNT(*) AS INTEGER) AS people FROM trained GROUP BY cohort`,
    sql.params,
  );
  return new Map(rows.map((r) => [String(r['cohort']), num(r['people'])]));
}

/** People with a usage event of each tool in asOf−27…asOf (with a program or cohort filter, of the trained it selects). */
async function toolSizes(
  { query, sqlFor, source }: CountSession,
  q: MetricsQuery,
  usageEvents: readonly string[],
): Promise<Map<string, number>> {
  const sql = sqlFor(q);
  const used =
    source === 'rollup'
      ? `SELECT user_id, tool FROM daily_usage WHERE day BETWEEN ${sql.asOf} - 27 AND ${sql.asOf}`
      : `SELECT user_id, tool FROM events WHERE user_id IS NOT NULL AND ts >= CAST(${sql.asOf} - 27 AS TIMESTAMPTZ) AND ts < ${sql.end}
           AND ${usageCondition(usageEvents)}`;
  const restrict = q.program !== undefined || q.cohort !== undefined;
  const rows = await query(
    `${sql.ctes()},
    used AS (${used})
    SELECT u.tool, CAST(COUNT(DISTINCT u.user_id) AS INTEGER) AS people FROM used u
    ${restrict ? 'JOIN trained t ON t.user_id = u.user_id' : ''}
    GROUP BY u.tool`,
    sql.params,
  );
  return new Map(rows.map((r) => [String(r['tool']), num(r['people'])]));
}

/** Whether `value` would be shown among the groups of `sizes`: at least `minGroupSize`, and not hidden by secondary suppression. */
function shownAmong(sizes: Map<string, number>, value: string, minGroupSize: number): boolean {
  const keys = [...sizes.keys()];
  const i = keys.indexOf(value);
  return (
    i >= 0 &&
    !secondarySuppression(
      keys.map((k) => sizes.get(k) ?? 0),
      minGroupSize,
    )[i]
  );
}

/**
 * Whether a viewer's filters narrow the answer to a group nobody may see (SPEC "Viewers cannot
 * difference"). The filtered population itself must hold `minGroupSize` people (the trained it
 * selects; with a tool, its users of the last 28 days). And each filter picks one group of a
 * breakdown (a cohort among the cohorts, a program among the programs, a tool among the tools,
 * within the other filters): that group must be one the breakdown would show, so that a filtered
 * answer never shows what secondary suppression hides, and a total minus the filtered answers of
 * the other groups is never a small group.
 */
export async function narrowingFilters(
  session: CountSession,
  q: MetricsQuery,
  counts: MetricCounts,
  config: { minGroupSize: number; usageEvents: readonly string[]; tools: readonly { id: string }[] },
): Promise<boolean> {
  const min = config.minGroupSize;
  const { tool, program, cohort, ...day } = q;
  if ((program !== undefined || cohort !== undefined) && counts.population.trained < min) return true;
  if (tool !== undefined && counts.activity.mau < min) return true;
  if (cohort !== undefined && !shownAmong(await cohortSizes(session, { ...day, tool, program }), cohort, min)) return true;
  if (program !== undefined) {
    const sizes = await programSizes(session.query, session.sqlFor({ ...day, tool, cohort }));
    if (!shownAmong(new Map(sizes.map((s) => [s.program, s.people])), program, min)) return true;
  }
  if (tool !== undefined) {
    const used = await toolSizes(session, { ...day, program, cohort }, config.usageEvents);
    const sizes = new Map(config.tools.map((t) => [t.id, used.get(t.id) ?? 0]));
    if (!shownAmong(sizes, tool, min)) return true;
  }
  return false;
}
