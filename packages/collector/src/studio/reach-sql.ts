import type { SqlDialect } from '../storage/sql-dialect.js';
import type { SqlParam } from '../storage/store.js';

/** The conditions of an item the store can answer for, as `reachSql` reads them. */
export interface ReachConditions {
  /** The tools the item shows in: only people seen there count. */
  tools: readonly string[];
  /** Today, `YYYY-MM-DD` (UTC): the day the estimate is for. */
  today: string;
  /** The instant the estimate is made: events are counted up to it. */
  now: Date;
  roles?: readonly string[] | undefined;
  teams?: readonly string[] | undefined;
  cohorts?: readonly string[] | undefined;
  programs?: readonly string[] | undefined;
  /** Days since training, both ends included, that today must fall in. */
  daysSinceTraining?: readonly [number, number] | undefined;
  /** Spaced days after training: one of them must fall today or in the next `spacedAheadDays − 1` days. */
  spaced?: readonly number[] | undefined;
  /** No usage day for this many days (counted from training for people who never used AI). */
  inactiveDays?: number | undefined;
  /** At least `count` of the event in the item's tools over the last `withinDays` (all stored ones when absent). */
  event?: { name: string; count: number; withinDays: number | undefined } | undefined;
}

/** How far ahead a `spaced` step is looked for: today and the six days after it, a week. */
export const spacedAheadDays = 7;

/**
 * The statement listing the (pseudonymized) people an item reaches now, with its parameters.
 * People are those seen in the item's tools: a day in the usage rollup (`daily_usage`) or an
 * `identify` event there (or, with an `event` trigger, that event there). Their role and team are
 * the latest of their `identify` traits, their training (day, program, cohort) the first
 * `training.completed` (the imported training), their last usage day the rollup's. Only the tables a
 * condition needs are read. Kept in a file of its own so the reading can move to other rollups.
 */
export function reachSql(dialect: SqlDialect, c: ReachConditions): { sql: string; params: SqlParam[] } {
  const params: SqlParam[] = [];
  const param = (value: SqlParam) => dialect.param(params.push(value));
  // Days may be fractions (1.5): compared as such on both engines.
  const days = (value: number) => `CAST(${param(value)} AS DOUBLE PRECISION)`;
  const list = (values: readonly string[]) => values.map(param).join(', ');
  const json = (key: string) => dialect.jsonText('props', key);
  // Bound on first use: a statement must use every parameter it is given.
  const once = (value: SqlParam, cast: string) => {
    let text: string | undefined;
    return () => (text ??= `CAST(${param(value)} AS ${cast})`);
  };
  const todayOnce = once(c.today, 'DATE');
  const endOnce = once(c.now.toISOString(), 'TIMESTAMPTZ');
  const tools = list(c.tools);
  const ctes: string[] = [];
  const joins: string[] = [];
  const where: string[] = [];

  if (c.event) {
    const since =
      c.event.withinDays === undefined
        ? ''
        : ` AND ts >= CAST(${param(new Date(c.now.getTime() - c.event.withinDays * 86_400_000).toISOString())} AS TIMESTAMPTZ)`;
    ctes.push(`base AS (
      SELECT user_id FROM events
      WHERE name = ${param(c.event.name)} AND user_id IS NOT NULL AND tool IN (${tools}) AND ts <= ${endOnce()}${since}
      GROUP BY user_id HAVING COUNT(*) >= ${param(c.event.count)}
    )`);
  } else {
    ctes.push(`base AS (
      SELECT user_id FROM daily_usage WHERE tool IN (${tools}) AND day <= ${todayOnce()}
      UNION
      SELECT user_id FROM events WHERE name = 'identify' AND user_id IS NOT NULL AND tool IN (${tools}) AND ts <= ${endOnce()}
    )`);
  }

  const latestTrait = (trait: 'role' | 'team', values: readonly string[]) => {
    ctes.push(`${trait}s AS (
      SELECT user_id, ${json(trait)} AS ${trait}, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts DESC, id DESC) AS rn
      FROM events WHERE name = 'identify' AND user_id IS NOT NULL AND ts <= ${endOnce()} AND ${json(trait)} IS NOT NULL
    )`);
    joins.push(`JOIN ${trait}s ON ${trait}s.user_id = b.user_id AND ${trait}s.rn = 1`);
    where.push(`${trait}s.${trait} IN (${list(values)})`);
  };
  if (c.roles) latestTrait('role', c.roles);
  if (c.teams) latestTrait('team', c.teams);

  const needsTraining = c.cohorts || c.programs || c.daysSinceTraining || c.spaced || c.inactiveDays !== undefined;
  if (needsTraining) {
    ctes.push(`first_training AS (
      SELECT user_id, ${dialect.utcDay('ts')} AS trained_at, ${json('program')} AS program, ${json('cohort')} AS cohort,
             ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts, id) AS rn
      FROM events WHERE name = 'training.completed' AND user_id IS NOT NULL AND ts <= ${endOnce()}
    ),
    training AS (
      SELECT user_id, trained_at, program, COALESCE(cohort, ${dialect.isoWeek('trained_at')}) AS cohort FROM first_training WHERE rn = 1
    )`);
    // Inactivity counts from training for people who never used AI, as the SDK does: a LEFT JOIN then.
    joins.push(
      `${c.inactiveDays !== undefined && !(c.cohorts || c.programs || c.daysSinceTraining || c.spaced) ? 'LEFT ' : ''}JOIN training t ON t.user_id = b.user_id`,
    );
    if (c.cohorts) where.push(`t.cohort IN (${list(c.cohorts)})`);
    if (c.programs) where.push(`t.program IN (${list(c.programs)})`);
    const since = `(${todayOnce()} - t.trained_at)`;
    if (c.daysSinceTraining) where.push(`${since} BETWEEN ${days(c.daysSinceTraining[0])} AND ${days(c.daysSinceTraining[1])}`);
    if (c.spaced) {
      const ahead = spacedAheadDays - 1;
      where.push(`(${c.spaced.map((s) => `${since} BETWEEN ${days(Math.max(0, s - ahead))} AND ${days(s)}`).join(' OR ')})`);
    }
  }
  if (c.inactiveDays !== undefined) {
    ctes.push(`last_usage AS (SELECT user_id, MAX(day) AS day FROM daily_usage WHERE day <= ${todayOnce()} GROUP BY user_id)`);
    joins.push('LEFT JOIN last_usage u ON u.user_id = b.user_id');
    where.push(`(${todayOnce()} - COALESCE(u.day, t.trained_at)) >= ${days(c.inactiveDays)}`);
  }

  const sql = `WITH ${ctes.join(',\n    ')}
    SELECT DISTINCT b.user_id AS user_id FROM base b
    ${joins.join('\n    ')}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return { sql, params };
}
