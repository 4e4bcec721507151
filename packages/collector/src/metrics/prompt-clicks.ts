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
  const ids = promptIds.map(sqlString).join(', ');
  const rows = await query(
    `${sql.ctes()},
    clicks AS (
      SELECT user_id, ts, ${prompt} AS prompt FROM events
      WHERE name = 'prompt.clicked' AND user_id IS NOT NULL AND ts < ${sql.end} AND ${prompt} IN (${ids})${sql.toolFilter()}
    ),
    -- First exposures from person_items (storage/metric-rollups.ts: each person's first per tool), as
    -- the uplift reads them: the events' shows and holdouts cost PostgreSQL 2 s at 10M events (issue 16).
    exposures AS (
      SELECT user_id, item_id AS prompt, exposed_arm AS name, exposed_at AS ts,
             ROW_NUMBER() OVER (PARTITION BY user_id, item_id ORDER BY exposed_at, exposed_id) AS rn
      FROM person_items
      WHERE kind = 'prompt' AND item_id IN (${ids}) AND exposed_at IS NOT NULL${sql.toolFilter()}
    ),
    treated AS (
      SELECT x.user_id, x.prompt, x.ts FROM exposures x
      ${restrictToTrained ? 'JOIN trained t ON t.user_id = x.user_id' : ''}
      WHERE x.rn = 1 AND x.name = 'prompt.shown' AND x.ts < ${sql.end}
    )
    SELECT x.prompt, CAST(COUNT(DISTINCT x.user_id) AS INTEGER) AS clicked
    FROM treated x JOIN clicks c ON c.user_id = x.user_id AND c.prompt = x.prompt
    WHERE c.ts >= x.ts
    GROUP BY x.prompt`,
    sql.params,
  );
  return new Map(rows.map((r) => [String(r['prompt']), num(r['clicked'])]));
}
