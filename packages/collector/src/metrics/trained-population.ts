import type { SqlQuery } from '../storage/store.js';
import type { MetricSql } from './metric-sql.js';
import type { PopulationCounts } from './metric-counts.js';
import { num } from './suppress.js';
import { horizonsTable, inSustainedWindow, sustainedDays, sustainedEligible } from './sustained-window.js';

/**
 * Adoption and sustained usage. Adoption: trained people active in asOf−27…asOf over people trained
 * on or before asOf. Sustained at N days: eligible when trainedAt + N ≤ asOf; active when they have
 * a usage event in trainedAt+N−13 … trainedAt+N.
 */
export async function trainedPopulation(query: SqlQuery, sql: MetricSql): Promise<PopulationCounts> {
  const rows = await query(
    `${sql.ctes()},
    horizons AS ${horizonsTable([0, ...sustainedDays])},
    eligible AS (
      SELECT t.user_id, h.n, t.trained_at FROM trained t CROSS JOIN horizons h
      WHERE ${sustainedEligible('t.trained_at', 'h.n', sql.asOf)}
    ),
    hits AS (
      SELECT DISTINCT e.user_id, e.n FROM eligible e
      JOIN usage_days u ON u.user_id = e.user_id
      WHERE (e.n = 0 AND u.day BETWEEN ${sql.asOf} - 27 AND ${sql.asOf})
         OR (e.n > 0 AND ${inSustainedWindow('u.day', 'e.trained_at', 'e.n')})
    )
    SELECT e.n AS n, CAST(COUNT(*) AS INTEGER) AS eligible, CAST(COUNT(h.user_id) AS INTEGER) AS active
    FROM eligible e LEFT JOIN hits h ON h.user_id = e.user_id AND h.n = e.n
    GROUP BY e.n`,
    sql.params,
  );
  const byN = new Map(rows.map((r) => [num(r['n']), { eligible: num(r['eligible']), active: num(r['active']) }]));
  const at = (n: number) => byN.get(n) ?? { eligible: 0, active: 0 };
  // Horizon 0 is "trained on or before asOf", with activity over the last 28 days: adoption.
  return { trained: at(0).eligible, active: at(0).active, sustained: { d30: at(30), d60: at(60), d90: at(90) } };
}
