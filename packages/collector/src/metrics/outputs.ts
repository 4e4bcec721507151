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
  const [row] = await query(
    `${sql.ctes()}
    SELECT
      CAST(COUNT(*) FILTER (WHERE e.name = 'ai.output_shown') AS INTEGER) AS shown,
      CAST(COUNT(*) FILTER (WHERE e.name = 'ai.output_accepted') AS INTEGER) AS accepted,
      CAST(COUNT(*) FILTER (WHERE e.name = 'ai.output_edited') AS INTEGER) AS edited,
      CAST(COUNT(*) FILTER (WHERE e.name = 'ai.output_rejected') AS INTEGER) AS rejected,
      CAST(COUNT(DISTINCT COALESCE(e.user_id, e.anonymous_id)) AS INTEGER) AS people
    FROM events e
    ${restrictToTrained ? 'JOIN trained t ON t.user_id = e.user_id' : ''}
    WHERE e.name IN ('ai.output_shown', 'ai.output_accepted', 'ai.output_edited', 'ai.output_rejected')
      AND e.ts >= CAST(${sql.asOf} - 27 AS TIMESTAMPTZ) AND e.ts < ${sql.end}${sql.toolFilter('e.tool')}`,
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
