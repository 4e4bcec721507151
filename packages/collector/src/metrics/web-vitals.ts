import type { SqlQuery } from '../storage/store.js';
import type { MetricSql } from './metric-sql.js';
import { num } from './suppress.js';
import type { VitalCounts } from './metric-counts.js';

/** The metrics `web-vitals` reports, in the order they are listed. */
export const vitalNames = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;

/**
 * Web-vitals per tool and metric over asOf−27…asOf, from `perf.vital` events (`props: { metric,
 * value, rating }`): the number of samples, their 75th percentile (the figure web-vitals' thresholds
 * are written for), the count of each rating and the people whose pages reported them (publishing
 * suppresses a tool and metric measured on fewer than `minGroupSize` people's pages). Values that
 * are not numbers are ignored.
 */
export async function webVitals(query: SqlQuery, sql: MetricSql, restrictToTrained: boolean): Promise<VitalCounts[]> {
  const { dialect } = sql;
  const json = (key: string) => dialect.jsonText('e.props', key);
  const rows = await query(
    `${sql.ctes()},
    samples AS (
      SELECT e.tool, ${json('metric')} AS metric, CAST(${json('value')} AS FLOAT8) AS value,
             ${json('rating')} AS rating, COALESCE(e.user_id, e.anonymous_id) AS person
      FROM events e
      ${restrictToTrained ? 'JOIN trained t ON t.user_id = e.user_id' : ''}
      WHERE e.name = 'perf.vital'
        AND e.ts >= CAST(${sql.asOf} - 27 AS TIMESTAMPTZ) AND e.ts < ${sql.end}${sql.toolFilter('e.tool')}
        AND ${json('metric')} IN (${vitalNames.map((n) => `'${n}'`).join(', ')})
        -- A JSON number, read from the value's JSON text: a string such as "1200" is not a number, and a
        -- tiny CLS written 1e-7 is one (PostgreSQL's jsonb prints it 0.0000001, DuckDB keeps 1e-7).
        AND ${dialect.matches("CAST((e.props->'value') AS VARCHAR)", `'^-?[0-9]+([.][0-9]+)?([eE][-+]?[0-9]+)?$'`)}
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
