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
    -- The week of each usage day: a FLOAT8 division, not NUMERIC (PostgreSQL's 7.0), over millions of days.
    active_weeks AS (
      SELECT DISTINCT e.user_id, CAST(FLOOR((u.day - e.trained_at) / CAST(7 AS FLOAT8)) AS INTEGER) AS week
      FROM eligible e JOIN usage_days u ON u.user_id = e.user_id
      WHERE u.day >= e.trained_at
    ),
    -- Eligible in week k: the members whose last complete week is k or later, counted per last week
    -- first; crossing each member with every week of ten years cost PostgreSQL 2.6 s at 32,000 people.
    last_weeks AS (SELECT cohort, last_week, COUNT(*) AS members FROM eligible GROUP BY cohort, last_week),
    eligible_cells AS (
      SELECT l.cohort, w.k AS week, CAST(SUM(l.members) AS INTEGER) AS eligible
      FROM last_weeks l JOIN weeks w ON w.k <= l.last_week
      GROUP BY l.cohort, w.k
    ),
    active_cells AS (
      SELECT e.cohort, a.week, CAST(COUNT(*) AS INTEGER) AS active
      FROM active_weeks a JOIN eligible e ON e.user_id = a.user_id
      WHERE a.week <= e.last_week
      GROUP BY e.cohort, a.week
    ),
    cells AS (
      SELECT c.cohort, c.week, c.eligible, COALESCE(a.active, 0) AS active
      FROM eligible_cells c LEFT JOIN active_cells a ON a.cohort = c.cohort AND a.week = c.week
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
