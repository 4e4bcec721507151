import type { SqlQuery } from '../storage/store.js';
import type { MetricSql } from './metric-sql.js';
import type { SegmentCounts } from './metric-counts.js';
import { num } from './suppress.js';
import { horizonsTable, sustainedDays, sustainedEligible, sustainedWindow, windowHits } from './sustained-window.js';

/**
 * Trained people grouped by the latest value of a trait (`role`, `team`) across their identify
 * events; per group its size and sustained usage at 30, 60 and 90 days, in the order of the key.
 */
export async function segments(query: SqlQuery, sql: MetricSql): Promise<{ role: SegmentCounts[]; team: SegmentCounts[] }> {
  const [from, to] = sustainedWindow('t.trained_at', 'h.n');
  const horizon = (n: number) => `
      COALESCE(SUM(CASE WHEN h.n = ${n} THEN 1 END), 0) AS e${n},
      COALESCE(SUM(CASE WHEN h.n = ${n} THEN h.hit END), 0) AS a${n}`;
  const sums = sustainedDays.map((n) => `CAST(SUM(e${n}) AS INTEGER) AS e${n}, CAST(SUM(a${n}) AS INTEGER) AS a${n}`).join(', ');
  const columns = sustainedDays.map((n) => `d.e${n}, d.a${n}`).join(', ');
  const rows = await query(
    `${sql.ctes({ traits: true })},
    horizons AS ${horizonsTable(sustainedDays)},
    -- One row per person and horizon they are eligible for; hit when a usage day is in its window.
    windows AS (
      SELECT t.user_id, h.n, ${from} AS first_day, ${to} AS last_day
      FROM trained t CROSS JOIN horizons h
      WHERE ${sustainedEligible('t.trained_at', 'h.n', sql.asOf)}
    ),
    hits AS (${windowHits(sql.dialect, 'windows', 'usage_days')}),
    per_person AS (
      SELECT t.user_id, ${sustainedDays.map(horizon).join(',')}
      FROM trained t LEFT JOIN hits h ON h.user_id = t.user_id
      GROUP BY t.user_id
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
