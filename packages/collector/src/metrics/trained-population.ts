import type { SqlQuery } from '../storage/store.js';
import type { MetricSql } from './metric-sql.js';
import type { PopulationCounts } from './metric-counts.js';
import { num } from './suppress.js';
import { horizonHitsSql } from './sustained-window.js';

/**
 * Adoption and sustained usage. Adoption: trained people active in asOf−27…asOf over people trained
 * on or before asOf. Sustained at N days: eligible when trainedAt + N ≤ asOf; active when they have
 * a usage event in trainedAt+N−13 … trainedAt+N.
 */
export async function trainedPopulation(query: SqlQuery, sql: MetricSql): Promise<PopulationCounts> {
  const rows = await query(`${sql.ctes()},${horizonHitsSql(sql.dialect, 'usage_days', sql.asOf)}`, sql.params);
  const byN = new Map(rows.map((r) => [num(r['n']), { eligible: num(r['eligible']), active: num(r['hits']) }]));
  const at = (n: number) => byN.get(n) ?? { eligible: 0, active: 0 };
  // Horizon 0 is "trained on or before asOf", with activity over the last 28 days: adoption.
  return { trained: at(0).eligible, active: at(0).active, sustained: { d30: at(30), d60: at(60), d90: at(90) } };
}
