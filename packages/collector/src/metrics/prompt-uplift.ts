import type { PromptConfig } from '@uptake/sdk/protocol';
import type { SqlDialect } from '../storage/sql-dialect.js';
import { sqlString } from '../storage/sql-literal.js';
import type { SqlQuery } from '../storage/store.js';
import type { MetricSql } from './metric-sql.js';
import type { PromptCounts } from './metric-counts.js';
import { num } from './suppress.js';
import { covariateDays } from './uplift-test.js';

/** A goal prop condition as SQL: props are compared as JSON text (`1`, `true`, `"x"` → `1`, `true`, `x`). */
function propCondition(dialect: SqlDialect, key: string, value: string | number | boolean | null): string {
  const column = dialect.jsonText('g.props', key);
  return value === null ? `${column} IS NULL` : `${column} = ${sqlString(String(value))}`;
}

/**
 * Uplift of one prompt: exposure is a person's first `prompt.shown` (treated) or `prompt.held_out`
 * (control) for it; conversion is a goal event at or after exposure and at most `withinDays` × 24 h
 * later. Per arm, its people and how many converted (publishing computes the uplift, conv(treated)
 * − conv(control), with Newcombe's hybrid score 95% interval, and `upliftTest`), and the sums of
 * CUPED's covariate: each person's goal events in the 14 days before their exposure.
 */
export async function promptUplift(
  query: SqlQuery,
  sql: MetricSql,
  prompt: PromptConfig,
  restrictToTrained: boolean,
): Promise<PromptCounts> {
  const goal = prompt.goal;
  if (!goal) throw new Error(`prompt ${prompt.id} has no goal`);
  const seconds = Math.round(goal.withinDays * 86_400);
  const props = Object.entries(goal.props ?? {})
    .map(([k, v]) => ` AND ${propCondition(sql.dialect, k, v)}`)
    .join('');
  // Randomized by team: the same counts team by team (the latest team trait), for the cluster-level test.
  const byTeam = prompt.audience.randomizeBy === 'team';
  const rows = await query(
    `${sql.ctes()},
    exposures AS (
      -- person_items (storage/metric-rollups.ts) keeps each person's first exposure per tool.
      SELECT user_id, exposed_arm AS name, exposed_at AS ts,
             ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY exposed_at, exposed_id) AS rn
      FROM person_items
      WHERE kind = 'prompt' AND item_id = ${sqlString(prompt.id)} AND exposed_at IS NOT NULL${sql.toolFilter()}
    ),
    exposed AS (
      SELECT x.user_id, x.name, x.ts FROM exposures x
      ${restrictToTrained ? 'JOIN trained t ON t.user_id = x.user_id' : ''}
      WHERE x.rn = 1 AND x.ts < ${sql.end}
    ),
    -- Goals are the config's (an event and props), so read from the events: only the exposed people's,
    -- from the covariate's window before the first exposure (a prompt launched last month reads that
    -- much of the goal's events: PostgreSQL's (name, ts) range, DuckDB's zone maps in arrival order).
    goals AS (
      SELECT g.user_id, g.ts FROM events g
      WHERE g.name = ${sqlString(goal.event)} AND g.user_id IN (SELECT user_id FROM exposed) AND g.ts < ${sql.end}${props}
        AND g.ts >= (SELECT ${sql.dialect.plusSeconds('MIN(ts)', -covariateDays * 86_400)} FROM exposed)
    ),
    converted AS (
      SELECT DISTINCT x.user_id FROM exposed x
      JOIN goals g ON g.user_id = x.user_id
      WHERE g.ts >= x.ts AND g.ts <= ${sql.dialect.plusSeconds('x.ts', seconds)}
    ),
    -- CUPED's covariate: each person's goal events in the ${covariateDays} days before their exposure.
    earlier AS (
      SELECT x.user_id, COUNT(*) AS n FROM exposed x
      JOIN goals b ON b.user_id = x.user_id
      WHERE b.ts < x.ts AND b.ts >= ${sql.dialect.plusSeconds('x.ts', -covariateDays * 86_400)}
      GROUP BY x.user_id
    )${
      byTeam
        ? `,
    teams AS (
      SELECT user_id, team FROM (
        SELECT user_id, team, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts DESC, id DESC) AS rn
        FROM person_traits WHERE user_id IN (SELECT user_id FROM exposed) AND ts < ${sql.end} AND team IS NOT NULL
      ) latest WHERE rn = 1
    )`
        : ''
    }
    SELECT x.name AS arm,${byTeam ? ' tm.team AS team,' : ''} CAST(COUNT(*) AS INTEGER) AS people, CAST(COUNT(c.user_id) AS INTEGER) AS converted,
           CAST(COALESCE(SUM(e.n), 0) AS BIGINT) AS before_events,
           CAST(COALESCE(SUM(e.n * e.n), 0) AS BIGINT) AS before_squares,
           CAST(COALESCE(SUM(CASE WHEN c.user_id IS NULL THEN 0 ELSE e.n END), 0) AS BIGINT) AS before_converted
    FROM exposed x LEFT JOIN converted c ON c.user_id = x.user_id LEFT JOIN earlier e ON e.user_id = x.user_id
    ${byTeam ? 'LEFT JOIN teams tm ON tm.user_id = x.user_id' : ''}
    GROUP BY x.name${byTeam ? ', tm.team' : ''}`,
    sql.params,
  );
  const sum = (name: string, column: string) => rows.filter((r) => r['arm'] === name).reduce((total, r) => total + num(r[column]), 0);
  const arm = (name: string) => ({ people: sum(name, 'people'), converted: sum(name, 'converted') });
  const covariate = (name: string) => ({
    events: sum(name, 'before_events'),
    squares: sum(name, 'before_squares'),
    converted: sum(name, 'before_converted'),
  });
  const teamsOf = (name: string) =>
    rows
      .filter((r) => r['arm'] === name && r['team'] !== null && r['team'] !== undefined && r['team'] !== '')
      .map((r) => ({ team: String(r['team']), people: num(r['people']), converted: num(r['converted']) }));
  return {
    id: prompt.id,
    treated: arm('prompt.shown'),
    control: arm('prompt.held_out'),
    covariate: { treated: covariate('prompt.shown'), control: covariate('prompt.held_out') },
    clusters: byTeam ? { treated: teamsOf('prompt.shown'), control: teamsOf('prompt.held_out') } : null,
  };
}
