import type { PromptConfig } from '@uptake/sdk/protocol';
import type { Cluster } from '../stats/cluster-analysis.js';
import type { PlanCounts } from '../stats/power-plan.js';
import type { SqlDialect } from '../storage/sql-dialect.js';
import type { SqlParam, SqlQuery } from '../storage/store.js';
import { usageCondition } from '../storage/usage-rollup.js';
import { num } from './suppress.js';

/** Weeks of history the baseline and the trigger's reach are read from. */
export const baselineDays = 28;
/** Days of exposures the rate since launch is read from. */
export const recentExposureDays = 14;

const dayMs = 86_400_000;
const firstInstant = Date.parse('0001-01-01T00:00:00Z');

/** What `planCounts` reads: the prompt (trigger, goal, audience), its tools and the instant the plan is for. */
export interface PlanQuestion {
  prompt: PromptConfig;
  /** The tools read (the request's, else the prompt's); undefined: every tool. */
  tools: readonly string[] | undefined;
  now: Date;
  usageEvents: readonly string[];
}

/**
 * The store's side of a prompt's power plan, on either engine:
 *
 * - **baseline**: comparable people are those who met the trigger's event in the prompt's tools (a
 *   usage event when the trigger has none) in the 28 days that end `withinDays` before now, so that
 *   each has a whole goal window behind them, and who were not shown the prompt (the held out stay:
 *   they are the baseline). Each is anchored at their first such event; converted when the goal
 *   event (with its props) came within `withinDays` after it, as an exposure's conversion is counted.
 *   By team, the same per team (latest `identify` trait; people without a team left out, as the SDK
 *   leaves them out).
 * - **reach**: the people who met the trigger in the last 28 days.
 * - **progress**: the people exposed so far (shown or held out) and those first exposed in the last 14 days.
 */
export async function planCounts(query: SqlQuery, dialect: SqlDialect, q: PlanQuestion): Promise<PlanCounts> {
  const { prompt, now } = q;
  const goal = prompt.goal;
  if (!goal) throw new Error(`prompt ${prompt.id} has no goal`);
  const byTeam = prompt.audience.randomizeBy === 'team';
  // Each statement binds its own parameters, in the order its text uses them.
  let params: SqlParam[] = [];
  const param = (value: SqlParam) => dialect.param(params.push(value));
  const fresh = () => {
    params = [];
  };
  // PostgreSQL has no year 0: a window reaching before the year 1 starts there.
  const at = (ms: number) => `CAST(${param(new Date(Math.max(ms, firstInstant)).toISOString())} AS TIMESTAMPTZ)`;
  const inTools = () => (q.tools === undefined ? '' : ` AND tool IN (${q.tools.length ? q.tools.map(param).join(', ') : 'NULL'})`);
  const met = () => (prompt.trigger.event === undefined ? usageCondition(q.usageEvents) : `name = ${param(prompt.trigger.event)}`);
  const seconds = Math.round(goal.withinDays * 86_400);
  const to = now.getTime() - seconds * 1000;
  const props = () =>
    Object.entries(goal.props ?? {})
      .map(([key, value]) => {
        const column = dialect.jsonText('g.props', key);
        return ` AND ${value === null ? `${column} IS NULL` : `${column} = ${param(String(value))}`}`;
      })
      .join('');
  const baseline = await query(
    `WITH anchors AS (
      SELECT user_id, MIN(ts) AS ts FROM events
      WHERE user_id IS NOT NULL${inTools()} AND ${met()}
        AND ts >= ${at(to - baselineDays * dayMs)} AND ts < ${at(to)}
        AND user_id NOT IN (SELECT user_id FROM person_items WHERE kind = 'prompt' AND item_id = ${param(prompt.id)}
          AND exposed_arm = 'prompt.shown' AND exposed_at < ${at(now.getTime())})
      GROUP BY user_id
    ),
    converted AS (
      SELECT DISTINCT a.user_id FROM anchors a JOIN events g ON g.user_id = a.user_id
      WHERE g.name = ${param(goal.event)} AND g.ts >= a.ts AND g.ts <= ${dialect.plusSeconds('a.ts', seconds)}${props()}
        -- Implied by the anchors' window; said outright, PostgreSQL reads the goal's events of those
        -- weeks from its (name, ts) index instead of every event of the store (issue 16).
        AND g.ts >= ${at(to - baselineDays * dayMs)} AND g.ts <= ${dialect.plusSeconds(at(to), seconds)}
    )${
      byTeam
        ? `,
    teams AS (
      SELECT user_id, team, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts DESC, id DESC) AS rn
      FROM person_traits WHERE user_id IN (SELECT user_id FROM anchors) AND ts < ${at(now.getTime())} AND team IS NOT NULL
    )`
        : ''
    }
    SELECT ${byTeam ? 't.team AS team, ' : ''}CAST(COUNT(*) AS INTEGER) AS people, CAST(COUNT(c.user_id) AS INTEGER) AS converted
    FROM anchors a LEFT JOIN converted c ON c.user_id = a.user_id
    ${byTeam ? `JOIN teams t ON t.user_id = a.user_id AND t.rn = 1 AND t.team <> '' GROUP BY t.team` : ''}`,
    params,
  );
  const teams: Cluster[] | null = byTeam ? baseline.map((r) => ({ people: num(r['people']), converted: num(r['converted']) })) : null;
  const sum = (key: 'people' | 'converted') => baseline.reduce((total, r) => total + num(r[key]), 0);

  fresh();
  const [reach] = await query(
    `SELECT CAST(COUNT(DISTINCT user_id) AS INTEGER) AS reached FROM events
     WHERE user_id IS NOT NULL${inTools()} AND ${met()}
       AND ts >= ${at(now.getTime() - baselineDays * dayMs)} AND ts < ${at(now.getTime())}`,
    params,
  );
  fresh();
  const [exposed] = await query(
    `WITH firsts AS (
      SELECT user_id, MIN(exposed_at) AS ts FROM person_items
      WHERE kind = 'prompt' AND item_id = ${param(prompt.id)} AND exposed_at IS NOT NULL AND exposed_at < ${at(now.getTime())}${inTools()}
      GROUP BY user_id
    )
    SELECT CAST(COUNT(*) AS INTEGER) AS exposed,
           CAST(COUNT(CASE WHEN ts >= ${at(now.getTime() - recentExposureDays * dayMs)} THEN 1 END) AS INTEGER) AS recent
    FROM firsts`,
    params,
  );
  return {
    baseline: { people: sum('people'), converted: sum('converted') },
    teams,
    reached: num(reach?.['reached']),
    reachDays: baselineDays,
    exposed: num(exposed?.['exposed']),
    exposedRecently: num(exposed?.['recent']),
    recentDays: recentExposureDays,
  };
}
