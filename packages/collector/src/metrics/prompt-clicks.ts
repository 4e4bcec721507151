import { sqlString } from '../storage/sql-literal.js';
import type { SqlQuery } from '../storage/store.js';
import type { MetricSql } from './metric-sql.js';
import { num } from './suppress.js';

/**
 * Per prompt, the people of its treated arm (first exposure a `prompt.shown`, as the uplift has
 * it) who clicked its action (`prompt.clicked`) at or after that exposure: the middle step of the
 * funnel shown → clicked → goal.
 */
export async function promptClicks(
  query: SqlQuery,
  sql: MetricSql,
  promptIds: readonly string[],
  restrictToTrained: boolean,
): Promise<Map<string, number>> {
  if (promptIds.length === 0) return new Map();
  const prompt = sql.dialect.jsonText('props', 'promptId');
  const rows = await query(
    `${sql.ctes()},
    prompt_events AS (
      SELECT user_id, name, ts, id, ${prompt} AS prompt FROM events
      WHERE name IN ('prompt.shown', 'prompt.held_out', 'prompt.clicked') AND user_id IS NOT NULL AND ts < ${sql.end}
        AND ${prompt} IN (${promptIds.map(sqlString).join(', ')})${sql.toolFilter()}
    ),
    exposures AS (
      SELECT user_id, prompt, name, ts, ROW_NUMBER() OVER (PARTITION BY user_id, prompt ORDER BY ts, id) AS rn
      FROM prompt_events WHERE name <> 'prompt.clicked'
    ),
    treated AS (
      SELECT x.user_id, x.prompt, x.ts FROM exposures x
      ${restrictToTrained ? 'JOIN trained t ON t.user_id = x.user_id' : ''}
      WHERE x.rn = 1 AND x.name = 'prompt.shown'
    )
    SELECT x.prompt, CAST(COUNT(DISTINCT x.user_id) AS INTEGER) AS clicked
    FROM treated x JOIN prompt_events c ON c.user_id = x.user_id AND c.prompt = x.prompt
    WHERE c.name = 'prompt.clicked' AND c.ts >= x.ts
    GROUP BY x.prompt`,
    sql.params,
  );
  return new Map(rows.map((r) => [String(r['prompt']), num(r['clicked'])]));
}
