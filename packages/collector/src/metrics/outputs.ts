import type { SqlQuery } from '../storage/store.js';
import type { MetricSql } from './metric-sql.js';
import type { OutputCounts } from './metric-counts.js';
import { num } from './suppress.js';

/**
 * Output acceptance over asOf−27…asOf: counts of AI outputs shown, accepted, edited and rejected;
 * acceptance = (accepted + edited) ÷ shown; and the people behind them (publishing suppresses the
 * figures when they are fewer than `minGroupSize`).
 */
export async function outputs(query: SqlQuery, sql: MetricSql, restrictToTrained: boolean): Promise<OutputCounts> {
  // The daily_outputs rollup (storage/metric-rollups.ts): a person (or browser) a row per day and tool.
  const [row] = await query(
    `${sql.ctes()}
    SELECT
      CAST(COALESCE(SUM(o.shown), 0) AS INTEGER) AS shown,
      CAST(COALESCE(SUM(o.accepted), 0) AS INTEGER) AS accepted,
      CAST(COALESCE(SUM(o.edited), 0) AS INTEGER) AS edited,
      CAST(COALESCE(SUM(o.rejected), 0) AS INTEGER) AS rejected,
      CAST(COUNT(DISTINCT COALESCE(NULLIF(o.user_id, ''), NULLIF(o.anonymous_id, ''))) AS INTEGER) AS people
    FROM daily_outputs o
    ${restrictToTrained ? 'JOIN trained t ON t.user_id = o.user_id' : ''}
    WHERE o.day BETWEEN ${sql.asOf} - 27 AND ${sql.asOf}${sql.toolFilter('o.tool')}`,
    sql.params,
  );
  return {
    shown: num(row?.['shown']),
    accepted: num(row?.['accepted']),
    edited: num(row?.['edited']),
    rejected: num(row?.['rejected']),
    people: num(row?.['people']),
  };
}
