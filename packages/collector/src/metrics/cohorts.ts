import type { SqlQuery } from '../storage/store.js';
import type { CohortCounts } from './metric-counts.js';
import type { MetricSql } from './metric-sql.js';
import { num } from './suppress.js';

/** Weeks of retention computed at most: ten years. */
const maxWeeks = 520;

/**
 * Retention by week for each cohort: in week k, members with trainedAt + 7k + 6 ≤ asOf are eligible,
 * and active with a usage event in trainedAt+7k … trainedAt+7k+6 (publishing fits the decay curve
 * to them). `groupBy: 'all'` puts every trained person in one group (a program's curve, all its
 * cohorts together). Cohorts come in the order of their first training day.
 */
export async function cohorts(query: SqlQuery, sql: MetricSql, groupBy: 'cohort' | 'all' = 'cohort'): Promise<CohortCounts[]> {
  const rows = await query(
    `${sql.ctes({ weeks: maxWeeks })},
    grouped AS (SELECT user_id, trained_at, ${groupBy === 'all' ? `'all'` : 'cohort'} AS cohort FROM trained),
    sizes AS (SELECT cohort, CAST(COUNT(*) AS INTEGER) AS size, MIN(trained_at) AS first_day FROM grouped GROUP BY cohort),
    eligible AS (
      SELECT t.user_id, t.cohort, t.trained_at, CAST(FLOOR((${sql.asOf} - t.trained_at - 6) / 7.0) AS INTEGER) AS last_week
      FROM grouped t WHERE t.trained_at + 6 <= ${sql.asOf}
    ),
    active_weeks AS (
      SELECT DISTINCT e.user_id, CAST(FLOOR((u.day - e.trained_at) / 7.0) AS INTEGER) AS week
      FROM eligible e JOIN usage_days u ON u.user_id = e.user_id
      WHERE u.day >= e.trained_at
    ),
    cells AS (
      SELECT e.cohort, w.k AS week, CAST(COUNT(*) AS INTEGER) AS eligible, CAST(COUNT(a.user_id) AS INTEGER) AS active
      FROM eligible e
      JOIN weeks w ON w.k <= e.last_week
      LEFT JOIN active_weeks a ON a.user_id = e.user_id AND a.week = w.k
      GROUP BY e.cohort, w.k
    )
    SELECT s.cohort, s.size, CAST(s.first_day AS VARCHAR) AS first_day, c.week, c.eligible, c.active
    FROM sizes s LEFT JOIN cells c ON c.cohort = s.cohort
    ORDER BY s.first_day, s.cohort, c.week`,
    sql.params,
  );
  const byCohort = new Map<string, CohortCounts>();
  for (const r of rows) {
    const cohort = String(r['cohort']);
    const entry = byCohort.get(cohort) ?? { cohort, size: num(r['size']), cells: [] };
    if (r['week'] !== null && r['week'] !== undefined)
      entry.cells.push({ week: num(r['week']), eligible: num(r['eligible']), active: num(r['active']) });
    byCohort.set(cohort, entry);
  }
  return [...byCohort.values()];
}
