import type { SqlQuery } from '../storage/store.js';
import type { MetricSql } from './metric-sql.js';
import { num, ratio } from './suppress.js';
import type { SegmentMetrics } from './types.js';

/**
 * Trained people grouped by the latest value of a trait (`role`, `team`) across their identify
 * events; per group its size and sustained usage at 90 days. A group under `minGroupSize` people is
 * suppressed; so is its 90-day rate when fewer than `minGroupSize` of them are eligible for it.
 */
export async function segments(query: SqlQuery, sql: MetricSql, minGroupSize: number): Promise<{ role: SegmentMetrics[]; team: SegmentMetrics[] }> {
  const rows = await query(
    `${sql.ctes({ traits: true })},
    d90_hits AS (
      SELECT DISTINCT t.user_id FROM trained t
      JOIN usage_days u ON u.user_id = t.user_id AND u.day BETWEEN t.trained_at + 77 AND t.trained_at + 90
      WHERE t.trained_at + 90 <= ${sql.asOf}
    ),
    d90 AS (
      SELECT t.user_id,
             CASE WHEN t.trained_at + 90 <= ${sql.asOf} THEN 1 ELSE 0 END AS eligible,
             CASE WHEN h.user_id IS NOT NULL THEN 1 ELSE 0 END AS active
      FROM trained t LEFT JOIN d90_hits h ON h.user_id = t.user_id
    ),
    grouped AS (
      SELECT 'role' AS trait, x.role AS key, d.eligible, d.active FROM traits x JOIN d90 d ON d.user_id = x.user_id
      UNION ALL
      SELECT 'team' AS trait, x.team AS key, d.eligible, d.active FROM traits x JOIN d90 d ON d.user_id = x.user_id
    )
    SELECT trait, key, CAST(COUNT(*) AS INTEGER) AS users, CAST(SUM(eligible) AS INTEGER) AS eligible, CAST(SUM(active) AS INTEGER) AS active
    FROM grouped GROUP BY trait, key ORDER BY trait, key`,
    sql.params,
  );
  const out: { role: SegmentMetrics[]; team: SegmentMetrics[] } = { role: [], team: [] };
  for (const r of rows) {
    const users = num(r['users']);
    const eligible = num(r['eligible']);
    const key = r['key'] === null || r['key'] === undefined ? null : String(r['key']);
    const segment: SegmentMetrics =
      users < minGroupSize
        ? { key, users: null, sustainedD90: null, suppressed: true }
        : { key, users, sustainedD90: eligible < minGroupSize ? null : ratio(num(r['active']), eligible), suppressed: false };
    out[r['trait'] === 'role' ? 'role' : 'team'].push(segment);
  }
  return out;
}
