import type { UptakeConfig } from '../config/config-schema.js';
import { sqlString } from '../storage/sql-literal.js';
import type { CountSession } from './count-metrics.js';
import { reportedSurveys } from './item-counts.js';
import { num } from './suppress.js';
import type { MetricsQuery } from './types.js';

/** Minutes one `task.completed` event may claim at most: a working day (a typo of 4,800 counts as 480). */
export const taskMinutesCap = 480;
/** Minutes a week one answer may claim at most: a 40-hour week. */
export const weeklyMinutesCap = 2400;
/** Days back a person's latest answer still counts: a quarterly pulse counts until its next wave. */
export const answerWindowDays = 90;

/** How a time-saved figure is measured: summed from `task.completed` events, or from survey answers. */
export type TimeSavedMethod = 'per-task' | 'self-reported';

/** The people behind a figure and the minutes they saved in asOf−27…asOf. */
export interface MinutesCounts {
  people: number;
  minutes: number;
}

export interface TimeSavedGroupCounts {
  key: string | null;
  perTask: MinutesCounts;
  selfReported: MinutesCounts;
}

/**
 * The exact counts behind time saved (docs/analysts.md "Time saved"), over asOf−27…asOf:
 * - per task: each person's `minutesSaved` of their `task.completed` events (each capped at
 *   `taskMinutesCap`; `aiAssisted: false` tasks left out);
 * - self-reported: each person's latest answer, in asOf−89…asOf, to a number question marked
 *   `"measures": "minutesSaved"` (minutes a week, capped at `weeklyMinutesCap`), × 4 for 28 days.
 * In total, per program (people who completed it), and per latest role and team.
 */
export interface TimeSavedCounts {
  perTask: MinutesCounts;
  selfReported: MinutesCounts;
  programs: TimeSavedGroupCounts[];
  role: TimeSavedGroupCounts[];
  team: TimeSavedGroupCounts[];
}

/** The (survey, question) pairs whose answers are minutes saved a week, for the request's tool. */
function measuredQuestions(config: UptakeConfig, q: MetricsQuery): [string, string][] {
  return reportedSurveys(config, q).flatMap((s) =>
    s.questions.filter((x) => x.type === 'number' && x.measures === 'minutesSaved').map((x): [string, string] => [s.id, x.id]),
  );
}

/** A non-negative JSON number's text (a string such as "20" is not one). */
const nonNegativeNumber = `'^[0-9]+([.][0-9]+)?([eE][-+]?[0-9]+)?$'`;

/**
 * Minutes as an exact decimal (to a millionth of a minute), so their sums do not depend on the order
 * the store reads rows in (a parallel scan's varies; a float sum follows it in its last digits).
 */
const exact = (minutes: string) => `CAST(${minutes} AS DECIMAL(18, 6))`;

/** Counts time saved for `q` in a metrics read session; with a program or cohort filter, of the trained it selects. */
export async function countTimeSaved(session: CountSession, config: UptakeConfig, q: MetricsQuery): Promise<TimeSavedCounts> {
  const sql = session.sqlFor(q);
  const { dialect } = sql;
  const json = (key: string) => dialect.jsonText('e.props', key);
  const restrict = q.program !== undefined || q.cohort !== undefined;
  const trainedOnly = (alias: string) => (restrict ? `JOIN trained t ON t.user_id = ${alias}.user_id` : '');
  const measured = measuredQuestions(config, q);
  const answers = measured.length
    ? `SELECT user_id, ${exact(`LEAST(CAST(value AS FLOAT8), ${weeklyMinutesCap}) * 4`)} AS minutes FROM (
        SELECT a.user_id, a.value, ROW_NUMBER() OVER (PARTITION BY a.user_id ORDER BY a.day DESC, a.ts DESC, a.id DESC) AS rn
        FROM survey_answers a ${trainedOnly('a')}
        WHERE (${measured.map(([s, x]) => `(a.survey_id = ${sqlString(s)} AND a.question_id = ${sqlString(x)})`).join(' OR ')})
          AND a.day BETWEEN ${sql.asOf} - ${answerWindowDays - 1} AND ${sql.asOf}${sql.toolFilter('a.tool')}
          AND ${dialect.matches('a.value', nonNegativeNumber)}
      ) latest WHERE rn = 1`
    : `SELECT CAST(NULL AS VARCHAR) AS user_id, ${exact('NULL')} AS minutes WHERE 1 = 0`;
  const byGroup = (dim: string, key: string, join: string) => `
    SELECT '${dim}' AS dim, ${key} AS key, c.method, CAST(COUNT(*) AS INTEGER) AS people, CAST(SUM(c.minutes) AS FLOAT8) AS minutes
    FROM contributions c ${join} GROUP BY ${key}, c.method`;
  const rows = await session.query(
    `${sql.ctes({ traits: true })},
    per_task AS (
      SELECT e.user_id, SUM(${exact(`LEAST(CAST(${json('minutesSaved')} AS FLOAT8), ${taskMinutesCap})`)}) AS minutes
      FROM events e ${trainedOnly('e')}
      WHERE e.name = 'task.completed' AND e.user_id IS NOT NULL
        AND e.ts < ${sql.end} AND ${dialect.utcDay('e.ts')} >= ${sql.asOf} - 27${sql.toolFilter('e.tool')}
        -- The same 28 days as an instant (UTC midnight of asOf−27), which (name, ts) can read on
        -- PostgreSQL; without it every task.completed of the store was read (3 s at 10M events).
        AND e.ts >= ${dialect.plusSeconds(sql.end, -28 * 86_400)}
        AND ${dialect.matches("CAST((e.props->'minutesSaved') AS VARCHAR)", nonNegativeNumber)}
        AND COALESCE(${json('aiAssisted')}, '') <> 'false'
      GROUP BY e.user_id
    ),
    self_reported AS (${answers}),
    contributions AS (
      SELECT 'per-task' AS method, user_id, minutes FROM per_task
      UNION ALL
      SELECT 'self-reported' AS method, user_id, minutes FROM self_reported
    ),
    -- Each person's programs: their first training of each (person_trainings) before the end.
    program_people AS (
      SELECT user_id, program FROM person_trainings WHERE program IS NOT NULL AND ts < ${sql.end}
    )
    SELECT 'all' AS dim, CAST(NULL AS VARCHAR) AS key, c.method, CAST(COUNT(*) AS INTEGER) AS people, CAST(SUM(c.minutes) AS FLOAT8) AS minutes
    FROM contributions c GROUP BY c.method
    UNION ALL ${byGroup('role', 'r.role', 'LEFT JOIN roles r ON r.user_id = c.user_id AND r.rn = 1')}
    UNION ALL ${byGroup('team', 'm.team', 'LEFT JOIN teams m ON m.user_id = c.user_id AND m.rn = 1')}
    UNION ALL ${byGroup('program', 'p.program', 'JOIN program_people p ON p.user_id = c.user_id')}`,
    sql.params,
  );
  const none = (): MinutesCounts => ({ people: 0, minutes: 0 });
  const groups = { all: new Map<string | null, TimeSavedGroupCounts>(), role: new Map(), team: new Map(), program: new Map() };
  for (const r of rows) {
    const dim = String(r['dim']) as keyof typeof groups;
    const key = r['key'] === null || r['key'] === undefined ? null : String(r['key']);
    const group = groups[dim].get(key) ?? { key, perTask: none(), selfReported: none() };
    group[r['method'] === 'per-task' ? 'perTask' : 'selfReported'] = { people: num(r['people']), minutes: num(r['minutes']) };
    groups[dim].set(key, group);
  }
  // Keys in order, people without the trait last (the engines sort NULL differently).
  const sorted = (map: Map<string | null, TimeSavedGroupCounts>) =>
    [...map.values()].sort((a, b) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1));
  const all = groups.all.get(null);
  return {
    perTask: all?.perTask ?? none(),
    selfReported: all?.selfReported ?? none(),
    programs: sorted(groups.program),
    role: sorted(groups.role),
    team: sorted(groups.team),
  };
}
