import type { SqlQuery } from '../storage/store.js';
import type { MetricSql } from './metric-sql.js';
import type { ActivityCounts } from './metric-counts.js';
import { num } from './suppress.js';

/**
 * DAU / WAU / MAU and stickiness: people with a usage event on asOf, in asOf−6…asOf, in
 * asOf−27…asOf; stickiness is the mean of the 28 daily counts over MAU. People are identified
 * users; with a program or cohort filter, only the trained people it selects (suppressed when
 * published if they are fewer than `minGroupSize`: only organisation-wide figures go unsuppressed).
 */
export async function activity(query: SqlQuery, sql: MetricSql, restrictToTrained: boolean): Promise<ActivityCounts> {
  const [row] = await query(
    `${sql.ctes()},
    recent AS (
      SELECT u.user_id, u.day FROM usage_days u
      ${restrictToTrained ? 'JOIN trained t ON t.user_id = u.user_id' : ''}
      WHERE u.day BETWEEN ${sql.asOf} - 27 AND ${sql.asOf}
    ),
    -- Each person's last day and number of days first: three COUNT(DISTINCT …) over every person-day
    -- of the 28 cost PostgreSQL three sorts of them (0.7 s at 40,000 people).
    per_person AS (SELECT user_id, MAX(day) AS last_day, COUNT(*) AS days FROM recent GROUP BY user_id)
    SELECT
      CAST(COALESCE(SUM(CASE WHEN last_day = ${sql.asOf} THEN 1 ELSE 0 END), 0) AS INTEGER) AS dau,
      CAST(COALESCE(SUM(CASE WHEN last_day >= ${sql.asOf} - 6 THEN 1 ELSE 0 END), 0) AS INTEGER) AS wau,
      CAST(COUNT(*) AS INTEGER) AS mau,
      CAST(COALESCE(SUM(days), 0) AS INTEGER) AS user_days
    FROM per_person`,
    sql.params,
  );
  return { dau: num(row?.['dau']), wau: num(row?.['wau']), mau: num(row?.['mau']), userDays: num(row?.['user_days']) };
}
