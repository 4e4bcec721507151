import type { SqlDialect } from '../storage/sql-dialect.js';
import { sqlString } from '../storage/sql-literal.js';
import type { SqlQuery } from '../storage/store.js';
import type { MetricSql } from './metric-sql.js';
import { num } from './suppress.js';

/** The surveys and questions asked about; a text question's answers are counted, never read. */
export interface AnsweredSurvey {
  id: string;
  textQuestions: readonly string[];
}

/**
 * People who gave one answer, counted in each of the scopes whose latest answer it is: `latest`
 * (the person's latest answer to the question: the totals), `waveLatest` (their latest in that
 * wave), `weekLatest` (their latest in that ISO week). `value` is the answer's JSON text, null for
 * text questions.
 */
export interface AnswerValueRow {
  survey: string;
  question: string;
  wave: number;
  week: string;
  value: string | null;
  latest: boolean;
  waveLatest: boolean;
  weekLatest: boolean;
  people: number;
}

/** Distinct people per survey: who answered (all, per wave, per ISO week), and who were shown it or answered. */
export interface SurveyPeopleRow {
  survey: string;
  scope: 'shown' | 'answered' | 'wave' | 'week';
  /** The wave number or the ISO week; null for `shown` and `answered`. */
  key: string | null;
  people: number;
}

export interface SurveyAnswerRows {
  values: AnswerValueRow[];
  people: SurveyPeopleRow[];
}

/** Where the answers are read: the request's end, filters and whether only trained people count. */
interface AnswerScope {
  dialect: SqlDialect;
  end: string;
  surveys: readonly string[];
  toolFilter: string;
  restrictToTrained: boolean;
}

/**
 * The CTEs `shown_or_answered` (every `survey.shown` and `survey.answered` of the surveys, with the
 * number of the person's showings up to it) and `given` (the answers with their wave and ISO week),
 * after a `WITH` or a comma. A response is the answers given after one showing; a person's n-th
 * response to a survey is in wave n (docs/analysts.md "Results per item").
 */
function answerCtes({ dialect, end, surveys, toolFilter, restrictToTrained }: AnswerScope): string {
  const json = (key: string) => dialect.jsonText('props', key);
  const ids = surveys.map(sqlString).join(', ');
  return `
    survey_events AS (
      SELECT e.user_id, e.id, e.ts, e.name, ${json('surveyId')} AS survey, ${json('questionId')} AS question, ${json('value')} AS value
      FROM events e ${restrictToTrained ? 'JOIN trained t ON t.user_id = e.user_id' : ''}
      WHERE e.name IN ('survey.shown', 'survey.answered') AND e.user_id IS NOT NULL AND e.ts < ${end}
        AND ${json('surveyId')} IN (${ids})${toolFilter}
    ),
    shown_or_answered AS (
      SELECT s.*, SUM(CASE WHEN s.name = 'survey.shown' THEN 1 ELSE 0 END) OVER (
               PARTITION BY s.user_id, s.survey
               ORDER BY s.ts, CASE WHEN s.name = 'survey.shown' THEN 0 ELSE 1 END, s.id
               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS showing
      FROM survey_events s
    ),
    given AS (
      SELECT user_id, id, ts, survey, question, value, ${dialect.isoWeek(dialect.utcDay('ts'))} AS week,
             DENSE_RANK() OVER (PARTITION BY user_id, survey ORDER BY showing) AS wave
      FROM shown_or_answered WHERE name = 'survey.answered' AND question IS NOT NULL
    )`;
}

const flag = (partition: string) =>
  `CASE WHEN ROW_NUMBER() OVER (PARTITION BY ${partition} ORDER BY ts DESC, id DESC) = 1 THEN 1 ELSE 0 END`;

/**
 * Every figure of the surveys' results as grouped counts, in two statements of the metrics read
 * session: the one place that reads survey answers for the metrics (a rollup may take its place).
 * Only counts leave the store, and no text answer.
 */
export async function surveyAnswerRows(
  query: SqlQuery,
  sql: MetricSql,
  surveys: readonly AnsweredSurvey[],
  restrictToTrained: boolean,
): Promise<SurveyAnswerRows> {
  if (surveys.length === 0) return { values: [], people: [] };
  const ctes = `${sql.ctes()},${answerCtes({
    dialect: sql.dialect,
    end: sql.end,
    surveys: surveys.map((s) => s.id),
    toolFilter: sql.toolFilter('e.tool'),
    restrictToTrained,
  })}`;
  const text = surveys.flatMap((s) => s.textQuestions.map((q) => `(survey = ${sqlString(s.id)} AND question = ${sqlString(q)})`));
  const value = text.length ? `CASE WHEN ${text.join(' OR ')} THEN NULL ELSE value END` : 'value';
  const valueRows = await query(
    `${ctes},
    ranked AS (
      SELECT survey, question, wave, week, ${value} AS value,
             ${flag('user_id, survey, question')} AS latest,
             ${flag('user_id, survey, question, wave')} AS wave_latest,
             ${flag('user_id, survey, question, week')} AS week_latest
      FROM given
    )
    SELECT survey, question, CAST(wave AS INTEGER) AS wave, week, value, latest, wave_latest, week_latest,
           CAST(COUNT(*) AS INTEGER) AS people
    FROM ranked WHERE latest = 1 OR wave_latest = 1 OR week_latest = 1
    GROUP BY survey, question, wave, week, value, latest, wave_latest, week_latest`,
    sql.params,
  );
  const peopleRows = await query(
    `${ctes}
    SELECT 'shown' AS scope, survey, CAST(NULL AS VARCHAR) AS k, CAST(COUNT(DISTINCT user_id) AS INTEGER) AS people
      FROM shown_or_answered GROUP BY survey
    UNION ALL SELECT 'answered', survey, CAST(NULL AS VARCHAR), CAST(COUNT(DISTINCT user_id) AS INTEGER) FROM given GROUP BY survey
    UNION ALL SELECT 'wave', survey, CAST(wave AS VARCHAR), CAST(COUNT(DISTINCT user_id) AS INTEGER) FROM given GROUP BY survey, wave
    UNION ALL SELECT 'week', survey, week, CAST(COUNT(DISTINCT user_id) AS INTEGER) FROM given GROUP BY survey, week`,
    sql.params,
  );
  return {
    values: valueRows.map((r) => ({
      survey: String(r['survey']),
      question: String(r['question']),
      wave: num(r['wave']),
      week: String(r['week']),
      value: r['value'] === null || r['value'] === undefined ? null : String(r['value']),
      latest: num(r['latest']) === 1,
      waveLatest: num(r['wave_latest']) === 1,
      weekLatest: num(r['week_latest']) === 1,
      people: num(r['people']),
    })),
    people: peopleRows.map((r) => ({
      survey: String(r['survey']),
      scope: String(r['scope']) as SurveyPeopleRow['scope'],
      key: r['k'] === null || r['k'] === undefined ? null : String(r['k']),
      people: num(r['people']),
    })),
  };
}

/** One text answer as an analyst reads it: no user id, no instant; its wave and ISO week. */
export interface TextAnswer {
  value: string;
  wave: number;
  week: string;
}

/**
 * The answers to one question of one survey given up to `end` (an ISO instant, exclusive), newest
 * first: for `GET /v1/surveys/{id}/answers` (analysts and admins). Waves as in the metrics.
 */
export async function surveyTextAnswers(
  query: SqlQuery,
  dialect: SqlDialect,
  survey: string,
  question: string,
  end: string,
): Promise<TextAnswer[]> {
  const rows = await query(
    `WITH ${answerCtes({ dialect, end: `CAST(${dialect.param(1)} AS TIMESTAMPTZ)`, surveys: [survey], toolFilter: '', restrictToTrained: false })}
    SELECT value, CAST(wave AS INTEGER) AS wave, week FROM given
    WHERE question = ${dialect.param(2)} AND value IS NOT NULL
    ORDER BY ts DESC, id DESC`,
    [end, question],
  );
  return rows.map((r) => ({ value: String(r['value']), wave: num(r['wave']), week: String(r['week']) }));
}
