import type { SqlQuery } from '../storage/store.js';
import type { MetricSql } from './metric-sql.js';
import { vitalNames } from '../storage/metric-rollups.js';
import { num } from './suppress.js';
import type { VitalCounts } from './metric-counts.js';

/** The metrics `web-vitals` reports, in the order they are listed. */
export { vitalNames } from '../storage/metric-rollups.js';

/**
 * Web-vitals per tool and metric over asOf−27…asOf, from `perf.vital` events (`props: { metric,
 * value, rating }`): the number of samples, their 75th percentile (the figure web-vitals' thresholds
 * are written for), the count of each rating and the people whose pages reported them (publishing
 * suppresses a tool and metric measured on fewer than `minGroupSize` people's pages). Values that
 * are not numbers are ignored.
 */
export async function webVitals(query: SqlQuery, sql: MetricSql, restrictToTrained: boolean): Promise<VitalCounts[]> {
  const { dialect } = sql;
  // The vital_samples rollup (storage/metric-rollups.ts): the samples typed, numbers only.
  const rows = await query(
    `${sql.ctes()},
    samples AS (
      SELECT v.tool, v.metric, v.value, v.rating, COALESCE(NULLIF(v.user_id, ''), NULLIF(v.anonymous_id, '')) AS person
      FROM vital_samples v
      ${restrictToTrained ? 'JOIN trained t ON t.user_id = v.user_id' : ''}
      WHERE v.day BETWEEN ${sql.asOf} - 27 AND ${sql.asOf}${sql.toolFilter('v.tool')}
    )
    SELECT tool, metric,
           CAST(COUNT(*) AS INTEGER) AS samples,
           CAST(COUNT(DISTINCT person) AS INTEGER) AS people,
           ${dialect.percentile(0.75, 'value')} AS p75,
           CAST(COUNT(*) FILTER (WHERE rating = 'good') AS INTEGER) AS good,
           CAST(COUNT(*) FILTER (WHERE rating = 'needs-improvement') AS INTEGER) AS needs_improvement,
           CAST(COUNT(*) FILTER (WHERE rating = 'poor') AS INTEGER) AS poor
    FROM samples GROUP BY tool, metric`,
    sql.params,
  );
  const order = (metric: string) => vitalNames.indexOf(metric as (typeof vitalNames)[number]);
  return rows
    .map(
      (r): VitalCounts => ({
        tool: String(r['tool']),
        metric: String(r['metric']),
        samples: num(r['samples']),
        people: num(r['people']),
        p75: Number(r['p75']),
        good: num(r['good']),
        needsImprovement: num(r['needs_improvement']),
        poor: num(r['poor']),
      }),
    )
    .sort((a, b) => a.tool.localeCompare(b.tool) || order(a.metric) - order(b.metric));
}
