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
    )
    SELECT
      CAST(COUNT(DISTINCT CASE WHEN day = ${sql.asOf} THEN user_id END) AS INTEGER) AS dau,
      CAST(COUNT(DISTINCT CASE WHEN day >= ${sql.asOf} - 6 THEN user_id END) AS INTEGER) AS wau,
      CAST(COUNT(DISTINCT user_id) AS INTEGER) AS mau,
      CAST(COUNT(*) AS INTEGER) AS user_days
    FROM recent`,
    sql.params,
  );
  return { dau: num(row?.['dau']), wau: num(row?.['wau']), mau: num(row?.['mau']), userDays: num(row?.['user_days']) };
}
