import type { SqlDialect } from './sql-dialect.js';
import type { SqlParam } from './store.js';

/**
 * The metric rollups: what `GET /v1/metrics` and `GET /v1/config` read instead of the raw events,
 * kept by `Store.insert` in the insert's own transaction. Each is filled by one statement written
 * once here over a relation of events (`src`: id, name, ts, user_id, anonymous_id, tool, props): the
 * events an insert has just stored, or every stored event for a rebuild, so a rebuild gives the
 * same rows as the inserts did, whatever order the events came in. A statement groups its rows by
 * the table's key and merges into a row already there (sums, earliest, latest), so the order of
 * the inserts does not matter either.
 *
 * - `daily_outputs`: AI output decisions per person (or anonymous browser), UTC day and tool.
 * - `person_items`: per person, prompt or survey, and tool: what their exposure history folds
 *   (shows, last show, holdout, dismissal, "Not now", answer) and their first exposure to a prompt
 *   (instant, event id, arm) for its uplift.
 * - `person_shows`: a person's shows (instant, prompt or survey and its id), for the fatigue caps'
 *   `recentShows` and a recurring survey's shows since its last answer.
 * - `survey_answers`: per person, survey, question and UTC day, the day's latest answer.
 * - `vital_samples`: web-vitals samples, typed (a percentile needs every value).
 * - `person_trainings`: per person and program, their first `training.completed` (instant, event id,
 *   cohort): who was trained when, for metrics and `/v1/config`. A training without a program has
 *   `program` NULL and `program_key` '' (a program's key is '#' and its name).
 * - `person_traits`: each `identify` of a person that sets a role or a team (instant, event id, role,
 *   team): metrics group by the latest of each as of their day without scanning the events for them.
 *
 * An anonymous row has `user_id` '' and the browser's `anonymous_id`; an identified one
 * `anonymous_id` '' (key columns cannot be NULL on PostgreSQL).
 */

/** The metrics `web-vitals` reports, in the order they are listed. */
export const vitalNames = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;

/** The tables, in the order they are filled; each is also in `personTables`. */
export const metricRollupTables = [
  'daily_outputs',
  'person_items',
  'person_shows',
  'survey_answers',
  'vital_samples',
  'person_trainings',
  'person_traits',
] as const;

export type MetricRollupTable = (typeof metricRollupTables)[number];

const exposureNames = new Set([
  'prompt.shown',
  'prompt.held_out',
  'prompt.dismissed',
  'prompt.answered',
  'survey.shown',
  'survey.held_out',
  'survey.dismissed',
  'survey.answered',
]);

/** Whether a rollup's statement can take a row from an event of this name (its WHERE asks for no other). */
const fedBy: Record<MetricRollupTable, (name: string) => boolean> = {
  daily_outputs: (name) => name.startsWith('ai.output_'),
  person_items: (name) => exposureNames.has(name),
  person_shows: (name) => name === 'prompt.shown' || name === 'survey.shown',
  survey_answers: (name) => name === 'survey.answered',
  vital_samples: (name) => name === 'perf.vital',
  person_trainings: (name) => name === 'training.completed',
  person_traits: (name) => name === 'identify',
};

/**
 * The rollups events of these names can add to, in their order: an insert runs only their
 * statements (each costs milliseconds to plan even when it finds no row).
 */
export function rollupsFedBy(names: Iterable<string>): MetricRollupTable[] {
  const seen = new Set(names);
  return metricRollupTables.filter((table) => [...seen].some(fedBy[table]));
}

/** Whether an event of this name can add to a metric rollup. */
export function feedsRollup(name: string): boolean {
  return metricRollupTables.some((table) => fedBy[table](name));
}

/**
 * The rollups' tables as DuckDB migration 6 and PostgreSQL migration 8 made them (one DDL for both
 * engines); `personRollupDdl` makes `person_shows` again and adds `person_trainings`.
 */
export const metricRollupDdl = `
  CREATE TABLE daily_outputs (
    user_id VARCHAR NOT NULL, anonymous_id VARCHAR NOT NULL, day DATE NOT NULL, tool VARCHAR NOT NULL,
    shown INTEGER NOT NULL, accepted INTEGER NOT NULL, edited INTEGER NOT NULL, rejected INTEGER NOT NULL,
    PRIMARY KEY (user_id, anonymous_id, day, tool)
  );
  CREATE TABLE person_items (
    user_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, item_id VARCHAR NOT NULL, id_is_text BOOLEAN NOT NULL, tool VARCHAR NOT NULL,
    first_at TIMESTAMPTZ NOT NULL, shows INTEGER NOT NULL, last_shown TIMESTAMPTZ, held_out_at TIMESTAMPTZ, dismissed BOOLEAN NOT NULL,
    last_snoozed TIMESTAMPTZ, last_answered TIMESTAMPTZ, exposed_at TIMESTAMPTZ, exposed_id VARCHAR, exposed_arm VARCHAR,
    PRIMARY KEY (user_id, kind, item_id, id_is_text, tool)
  );
  CREATE TABLE person_shows (user_id VARCHAR NOT NULL, ts TIMESTAMPTZ NOT NULL, id VARCHAR NOT NULL);
  CREATE TABLE survey_answers (
    user_id VARCHAR NOT NULL, survey_id VARCHAR NOT NULL, question_id VARCHAR NOT NULL, day DATE NOT NULL,
    ts TIMESTAMPTZ NOT NULL, id VARCHAR NOT NULL, tool VARCHAR NOT NULL, value VARCHAR,
    PRIMARY KEY (user_id, survey_id, question_id, day)
  );
  CREATE TABLE vital_samples (
    user_id VARCHAR NOT NULL, anonymous_id VARCHAR NOT NULL, day DATE NOT NULL, tool VARCHAR NOT NULL,
    metric VARCHAR NOT NULL, value FLOAT8 NOT NULL, rating VARCHAR
  );
`;

/** The tables of `metricRollupDdl` filled when it is made (`person_shows` is made again later). */
export const firstMetricRollupTables = ['daily_outputs', 'person_items', 'survey_answers', 'vital_samples'] as const;

/** The second migration of the rollups: shows with their item, and first trainings. */
export const personRollupDdl = `
  DROP TABLE person_shows;
  CREATE TABLE person_shows (
    user_id VARCHAR NOT NULL, ts TIMESTAMPTZ NOT NULL, id VARCHAR NOT NULL, kind VARCHAR NOT NULL, item_id VARCHAR NOT NULL
  );
  CREATE TABLE person_trainings (
    user_id VARCHAR NOT NULL, program_key VARCHAR NOT NULL, program VARCHAR, ts TIMESTAMPTZ NOT NULL, id VARCHAR NOT NULL, cohort VARCHAR,
    PRIMARY KEY (user_id, program_key)
  );
`;

/** The third migration of the rollups: the role and team each identify sets. */
export const traitRollupDdl = `
  CREATE TABLE person_traits (user_id VARCHAR NOT NULL, ts TIMESTAMPTZ NOT NULL, id VARCHAR NOT NULL, role VARCHAR, team VARCHAR)
`;

/** The later of two nullable instants, as SQL (the engines' GREATEST treat NULL differently). */
const later = (a: string, b: string) => `CASE WHEN ${b} IS NULL OR (${a} IS NOT NULL AND ${a} >= ${b}) THEN ${a} ELSE ${b} END`;
const earlier = (a: string, b: string) => `CASE WHEN ${b} IS NULL OR (${a} IS NOT NULL AND ${a} <= ${b}) THEN ${a} ELSE ${b} END`;
/** The person of a row: `user_id` and `anonymous_id` columns, one of them ''. */
const person = `COALESCE(user_id, ''), CASE WHEN user_id IS NULL THEN COALESCE(anonymous_id, '') ELSE '' END`;

/**
 * The statements filling every metric rollup from the events of `from` (a parenthesized relation
 * with an alias, or a table name), merging into the rows there. `from` has the columns id, name, ts,
 * user_id, anonymous_id, tool and props (JSON). Rows come in key order, so concurrent inserts on
 * PostgreSQL take their row locks in one order.
 */
export function fillRollupsSql(dialect: SqlDialect, from: string): Record<MetricRollupTable, string> {
  const json = (key: string) => dialect.jsonText('props', key);
  const isText = (key: string) => `CAST((props->'${key}') AS VARCHAR) LIKE '"%'`;
  const day = dialect.utcDay('ts');
  const outputs = `
    INSERT INTO daily_outputs (user_id, anonymous_id, day, tool, shown, accepted, edited, rejected)
    SELECT ${person}, ${day}, tool,
      COUNT(*) FILTER (WHERE name = 'ai.output_shown'), COUNT(*) FILTER (WHERE name = 'ai.output_accepted'),
      COUNT(*) FILTER (WHERE name = 'ai.output_edited'), COUNT(*) FILTER (WHERE name = 'ai.output_rejected')
    FROM ${from}
    WHERE name IN ('ai.output_shown', 'ai.output_accepted', 'ai.output_edited', 'ai.output_rejected')
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (user_id, anonymous_id, day, tool) DO UPDATE SET
      shown = daily_outputs.shown + excluded.shown, accepted = daily_outputs.accepted + excluded.accepted,
      edited = daily_outputs.edited + excluded.edited, rejected = daily_outputs.rejected + excluded.rejected`;
  // What each prompt or survey event means for the caps, as `exposureAction` (in @uptake/sdk/rules) says.
  const steps = `
    SELECT user_id, kind, item_id, id_is_text, tool, ts, id, name, what, ends,
           ROW_NUMBER() OVER (PARTITION BY user_id, kind, item_id, id_is_text, tool, exposure ORDER BY ts, id) AS rn, exposure
    FROM (
      SELECT user_id, tool, ts, id, name,
             CASE WHEN name LIKE 'prompt.%' THEN 'prompt' ELSE 'survey' END AS kind,
             CASE WHEN name LIKE 'prompt.%' THEN ${json('promptId')} ELSE ${json('surveyId')} END AS item_id,
             CASE WHEN name LIKE 'prompt.%' THEN ${isText('promptId')} ELSE ${isText('surveyId')} END AS id_is_text,
             substr(name, strpos(name, '.') + 1) AS what,
             (name = 'prompt.dismissed' AND COALESCE(${json('reason')}, '') = 'dismiss') AS ends,
             name IN ('prompt.shown', 'prompt.held_out') AS exposure
      FROM ${from}
      WHERE user_id IS NOT NULL AND name IN (
        'prompt.shown', 'prompt.held_out', 'prompt.dismissed', 'prompt.answered',
        'survey.shown', 'survey.held_out', 'survey.dismissed', 'survey.answered')
    ) s
    WHERE item_id IS NOT NULL`;
  const first = (column: string) => `MAX(${column}) FILTER (WHERE exposure AND rn = 1)`;
  const newer = (column: string) =>
    `${column} = CASE WHEN excluded.exposed_at IS NOT NULL AND (person_items.exposed_at IS NULL OR excluded.exposed_at < person_items.exposed_at
       OR (excluded.exposed_at = person_items.exposed_at AND excluded.exposed_id < person_items.exposed_id)) THEN excluded.${column} ELSE person_items.${column} END`;
  const items = `
    INSERT INTO person_items (user_id, kind, item_id, id_is_text, tool, first_at, shows, last_shown, held_out_at, dismissed,
                              last_snoozed, last_answered, exposed_at, exposed_id, exposed_arm)
    SELECT user_id, kind, item_id, id_is_text, tool, MIN(ts),
      COUNT(*) FILTER (WHERE what = 'shown'), MAX(ts) FILTER (WHERE what = 'shown'), MIN(ts) FILTER (WHERE what = 'held_out'),
      COUNT(*) FILTER (WHERE ends) > 0, MAX(ts) FILTER (WHERE what = 'dismissed' AND NOT ends), MAX(ts) FILTER (WHERE what = 'answered'),
      ${first('ts')}, ${first('id')}, ${first('name')}
    FROM (${steps}) st
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (user_id, kind, item_id, id_is_text, tool) DO UPDATE SET
      first_at = ${earlier('person_items.first_at', 'excluded.first_at')},
      shows = person_items.shows + excluded.shows,
      last_shown = ${later('person_items.last_shown', 'excluded.last_shown')},
      held_out_at = ${earlier('person_items.held_out_at', 'excluded.held_out_at')},
      dismissed = person_items.dismissed OR excluded.dismissed,
      last_snoozed = ${later('person_items.last_snoozed', 'excluded.last_snoozed')},
      last_answered = ${later('person_items.last_answered', 'excluded.last_answered')},
      ${newer('exposed_arm')}, ${newer('exposed_id')}, ${newer('exposed_at')}`;
  const shows = `
    INSERT INTO person_shows (user_id, ts, id, kind, item_id)
    SELECT user_id, ts, id, CASE WHEN name = 'prompt.shown' THEN 'prompt' ELSE 'survey' END,
           CASE WHEN name = 'prompt.shown' THEN ${json('promptId')} ELSE ${json('surveyId')} END
    FROM ${from}
    WHERE user_id IS NOT NULL AND ((name = 'prompt.shown' AND ${isText('promptId')}) OR (name = 'survey.shown' AND ${isText('surveyId')}))`;
  // Set last: a row's own ts and id decide whether it is the earlier (DuckDB may read a column already set).
  const firstTraining = ['program', 'cohort', 'id', 'ts'].map(
    (c) => `${c} = CASE WHEN excluded.ts < person_trainings.ts OR (excluded.ts = person_trainings.ts AND excluded.id < person_trainings.id)
        THEN excluded.${c} ELSE person_trainings.${c} END`,
  );
  const trainings = `
    INSERT INTO person_trainings (user_id, program_key, program, ts, id, cohort)
    SELECT user_id, CASE WHEN program IS NULL THEN '' ELSE '#' || program END, program, ts, id, cohort FROM (
      SELECT user_id, program, ts, id, cohort, ROW_NUMBER() OVER (PARTITION BY user_id, program ORDER BY ts, id) AS rn
      FROM (SELECT user_id, ${json('program')} AS program, ts, id, ${json('cohort')} AS cohort FROM ${from}
            WHERE name = 'training.completed' AND user_id IS NOT NULL) t
    ) f
    WHERE rn = 1 ORDER BY 1, 2
    ON CONFLICT (user_id, program_key) DO UPDATE SET
      ${firstTraining.join(',\n      ')}`;
  const answers = `
    INSERT INTO survey_answers (user_id, survey_id, question_id, day, ts, id, tool, value)
    SELECT user_id, survey_id, question_id, day, ts, id, tool, value FROM (
      SELECT user_id, ${json('surveyId')} AS survey_id, ${json('questionId')} AS question_id, ${day} AS day, ts, id, tool,
             ${json('value')} AS value,
             ROW_NUMBER() OVER (PARTITION BY user_id, ${json('surveyId')}, ${json('questionId')}, ${day} ORDER BY ts DESC, id DESC) AS rn
      FROM ${from}
      WHERE name = 'survey.answered' AND user_id IS NOT NULL AND ${json('surveyId')} IS NOT NULL AND ${json('questionId')} IS NOT NULL
    ) a
    WHERE rn = 1 ORDER BY 1, 2, 3, 4
    ON CONFLICT (user_id, survey_id, question_id, day) DO UPDATE SET
      ${['ts', 'id', 'tool', 'value']
        .map(
          (c) => `${c} = CASE WHEN excluded.ts > survey_answers.ts OR (excluded.ts = survey_answers.ts AND excluded.id > survey_answers.id)
        THEN excluded.${c} ELSE survey_answers.${c} END`,
        )
        .join(',\n      ')}`;
  const vitals = `
    INSERT INTO vital_samples (user_id, anonymous_id, day, tool, metric, value, rating)
    SELECT ${person}, ${day}, tool, ${json('metric')}, CAST(${json('value')} AS FLOAT8), ${json('rating')}
    FROM ${from}
    WHERE name = 'perf.vital' AND ${json('metric')} IN (${vitalNames.map((n) => `'${n}'`).join(', ')})
      -- A JSON number, read from the value's JSON text: a string such as "1200" is not a number, and a
      -- tiny CLS written 1e-7 is one (PostgreSQL's jsonb prints it 0.0000001, DuckDB keeps 1e-7).
      AND ${dialect.matches("CAST((props->'value') AS VARCHAR)", `'^-?[0-9]+([.][0-9]+)?([eE][-+]?[0-9]+)?$'`)}`;
  // One row per identify event: the latest role or team as of a day is a window over a person's few rows.
  const traits = `
    INSERT INTO person_traits (user_id, ts, id, role, team)
    SELECT user_id, ts, id, role, team FROM (
      SELECT user_id, ts, id, ${json('role')} AS role, ${json('team')} AS team FROM ${from}
      WHERE name = 'identify' AND user_id IS NOT NULL
    ) i
    WHERE role IS NOT NULL OR team IS NOT NULL`;
  return {
    daily_outputs: outputs,
    person_items: items,
    person_shows: shows,
    survey_answers: answers,
    vital_samples: vitals,
    person_trainings: trainings,
    person_traits: traits,
  };
}

/** The statements of `fillRollupsSql` for `tables` (all of them by default), in their order. */
export function fillAllRollupsSql(dialect: SqlDialect, from: string, tables: readonly MetricRollupTable[] = metricRollupTables): string[] {
  const fill = fillRollupsSql(dialect, from);
  return tables.map((table) => fill[table]);
}

/** A statement and its parameters. */
export interface SqlStatement {
  sql: string;
  params: SqlParam[];
}

/**
 * The statements that rebuild every metric rollup from the stored events (of one person, when
 * `userId` is given): the rows are deleted, then filled as the inserts fill them.
 */
export function rebuildRollupsSql(
  dialect: SqlDialect,
  tables: readonly MetricRollupTable[] = metricRollupTables,
  userId?: string,
): SqlStatement[] {
  const params = userId === undefined ? [] : [userId];
  const only = userId === undefined ? '' : ` WHERE user_id = ${dialect.param(1)}`;
  const fill = fillRollupsSql(dialect, `(SELECT id, name, ts, user_id, anonymous_id, tool, props FROM events${only}) AS src`);
  return [
    ...tables.map((table) => ({ sql: `DELETE FROM ${table}${only}`, params })),
    ...tables.map((table) => ({ sql: fill[table], params })),
  ];
}
