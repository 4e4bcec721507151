import type { SqlQuery } from '../storage/store.js';
import type { MetricSql } from './metric-sql.js';
import type { SegmentCounts } from './metric-counts.js';
import { num } from './suppress.js';
import { horizonsTable, inSustainedWindow, sustainedDays, sustainedEligible } from './sustained-window.js';

/**
 * Trained people grouped by the latest value of a trait (`role`, `team`) across their identify
 * events; per group its size and sustained usage at 30, 60 and 90 days, in the order of the key.
 */
export async function segments(query: SqlQuery, sql: MetricSql): Promise<{ role: SegmentCounts[]; team: SegmentCounts[] }> {
  const horizon = (n: number) => `
      CASE WHEN ${sustainedEligible('t.trained_at', String(n), sql.asOf)} THEN 1 ELSE 0 END AS e${n},
      CASE WHEN h${n}.user_id IS NOT NULL THEN 1 ELSE 0 END AS a${n}`;
  const sums = sustainedDays.map((n) => `CAST(SUM(e${n}) AS INTEGER) AS e${n}, CAST(SUM(a${n}) AS INTEGER) AS a${n}`).join(', ');
  const columns = sustainedDays.map((n) => `d.e${n}, d.a${n}`).join(', ');
  const rows = await query(
    `${sql.ctes({ traits: true })},
    horizons AS ${horizonsTable(sustainedDays)},
    hits AS (
      SELECT DISTINCT t.user_id, h.n FROM trained t CROSS JOIN horizons h
      JOIN usage_days u ON u.user_id = t.user_id AND ${inSustainedWindow('u.day', 't.trained_at', 'h.n')}
      WHERE ${sustainedEligible('t.trained_at', 'h.n', sql.asOf)}
    ),
    per_person AS (
      SELECT t.user_id, ${sustainedDays.map(horizon).join(',')}
      FROM trained t
      ${sustainedDays.map((n) => `LEFT JOIN hits h${n} ON h${n}.user_id = t.user_id AND h${n}.n = ${n}`).join('\n      ')}
    ),
    grouped AS (
      SELECT 'role' AS trait, x.role AS key, ${columns} FROM traits x JOIN per_person d ON d.user_id = x.user_id
      UNION ALL
      SELECT 'team' AS trait, x.team AS key, ${columns} FROM traits x JOIN per_person d ON d.user_id = x.user_id
    )
    SELECT trait, key, CAST(COUNT(*) AS INTEGER) AS users, ${sums}
    FROM grouped GROUP BY trait, key ORDER BY trait, key`,
    sql.params,
  );
  const out: { role: SegmentCounts[]; team: SegmentCounts[] } = { role: [], team: [] };
  for (const r of rows) {
    const horizon = (n: number) => ({ eligible: num(r[`e${n}`]), active: num(r[`a${n}`]) });
    out[r['trait'] === 'role' ? 'role' : 'team'].push({
      key: r['key'] === null || r['key'] === undefined ? null : String(r['key']),
      users: num(r['users']),
      sustained: { d30: horizon(30), d60: horizon(60), d90: horizon(90) },
    });
  }
  return out;
}
