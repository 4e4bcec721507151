import type { SqlQuery } from '../storage/store.js';
import type { MetricSql } from './metric-sql.js';
import type { BehaviorCounts } from './metric-counts.js';
import { num } from './suppress.js';

/** The survey id and question ids of SPEC's 90-day behaviour check. */
export const behaviorCheckSurvey = { id: 'behavior-check', applied: 'applied', example: 'example', minExample: 20 } as const;

/**
 * Blank characters, as a browser's `\s` matches them (the survey widget counts an answer's length the
 * same way), written out: DuckDB's `\s` is ASCII only and PostgreSQL's follows the locale, so an
 * ideographic space or a vertical tab counted on one store and not on the other.
 */
const blank = '\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** More than this share of respondents unable to name an application means the program is failing. */
export const failingShare = 0.4;

/**
 * The behaviour check among trained people: per respondent the latest answer to each question
 * counts; applied = "yes" and an example of at least 20 non-blank characters.
 */
export async function behaviorCheck(query: SqlQuery, sql: MetricSql): Promise<BehaviorCounts> {
  const s = behaviorCheckSurvey;
  const { dialect } = sql;
  const [row] = await query(
    `${sql.ctes()},
    answers AS (
      -- survey_answers (storage/metric-rollups.ts) holds each person-day's latest answer per question.
      SELECT user_id, question_id AS question, value,
             ROW_NUMBER() OVER (PARTITION BY user_id, question_id ORDER BY ts DESC, id DESC) AS rn
      FROM survey_answers
      WHERE survey_id = '${s.id}' AND question_id IN ('${s.applied}', '${s.example}') AND day <= ${sql.asOf}
    ),
    latest AS (
      SELECT a.user_id,
             MAX(CASE WHEN a.question = '${s.applied}' THEN a.value END) AS applied,
             MAX(CASE WHEN a.question = '${s.example}' THEN a.value END) AS example
      FROM answers a JOIN trained t ON t.user_id = a.user_id
      WHERE a.rn = 1
      GROUP BY a.user_id
    )
    SELECT CAST(COUNT(*) AS INTEGER) AS respondents,
           CAST(COUNT(*) FILTER (WHERE applied = 'yes' AND length(${dialect.replaceAll("COALESCE(example, '')", `'[${blank}]'`, "''")}) >= ${s.minExample}) AS INTEGER) AS applied
    FROM latest`,
    sql.params,
  );
  return { respondents: num(row?.['respondents']), applied: num(row?.['applied']) };
}
