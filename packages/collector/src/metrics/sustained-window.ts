import type { SqlDialect } from '../storage/sql-dialect.js';

/** The horizons of sustained usage, in days after training. */
export const sustainedDays = [30, 60, 90] as const;

/**
 * SQL condition: a person trained on `trainedAt` is eligible for sustained usage at `n` days on
 * `asOf` (DATE expressions; `n` days as an integer expression).
 */
export function sustainedEligible(trainedAt: string, n: string, asOf: string): string {
  return `${trainedAt} + ${n} <= ${asOf}`;
}

/**
 * SQL: the first and last day (DATE expressions) of the window of sustained usage at `n` days, the
 * 14 days trainedAt+N−13 … trainedAt+N (SPEC "Metric definitions").
 */
export function sustainedWindow(trainedAt: string, n: string): [from: string, to: string] {
  return [`${trainedAt} + ${n} - 13`, `${trainedAt} + ${n}`];
}

/** SQL: a table `h(n)` of the horizons `days`. */
export function horizonsTable(days: readonly number[]): string {
  return `(SELECT * FROM (VALUES ${days.map((n) => `(${n})`).join(', ')}) AS h(n))`;
}

/**
 * SQL: the rows of `windows` (a relation of user_id, n, first_day and last_day) with `hit` 1 when
 * the person has a day of `days` (a relation of user_id and day) from first_day to last_day, else
 * 0; columns user_id, n and hit. PostgreSQL probes the rollup's (user_id, day) key once per row and
 * stops at the first day (issue 16: a join and its DISTINCT over every trained person's usage days
 * took 3 s of a 10M-event request there); DuckDB joins once and keeps the distinct rows found,
 * twice as fast as the hash join it makes of the EXISTS (`SqlDialect.rangeLookup`).
 */
export function windowHits(dialect: SqlDialect, windows: string, days: string): string {
  if (dialect.rangeLookup === 'probe')
    return `SELECT w.user_id, w.n, CASE WHEN EXISTS (
        SELECT 1 FROM ${days} d WHERE d.user_id = w.user_id AND d.day BETWEEN w.first_day AND w.last_day
      ) THEN 1 ELSE 0 END AS hit FROM ${windows} w`;
  return `SELECT w.user_id, w.n, CASE WHEN f.user_id IS NULL THEN 0 ELSE 1 END AS hit FROM ${windows} w
      LEFT JOIN (
        SELECT DISTINCT w.user_id, w.n FROM ${windows} w
        JOIN ${days} d ON d.user_id = w.user_id AND d.day BETWEEN w.first_day AND w.last_day
      ) f ON f.user_id = w.user_id AND f.n = w.n`;
}

/**
 * SQL, to follow the CTEs of a metrics statement: per horizon n (0 = adoption: the trained with a day
 * in asOf−27…asOf; 30, 60, 90 = sustained windows), the trained people eligible and those with a day
 * of `days` (a relation of user_id and day) in the window, as columns n, eligible and hits.
 */
export function horizonHitsSql(dialect: SqlDialect, days: string, asOf: string): string {
  const [from, to] = sustainedWindow('t.trained_at', 'h.n');
  return `
    horizons AS ${horizonsTable([0, ...sustainedDays])},
    eligible AS (
      SELECT t.user_id, h.n,
             CASE WHEN h.n = 0 THEN ${asOf} - 27 ELSE ${from} END AS first_day,
             CASE WHEN h.n = 0 THEN ${asOf} ELSE ${to} END AS last_day
      FROM trained t CROSS JOIN horizons h
      WHERE ${sustainedEligible('t.trained_at', 'h.n', asOf)}
    )
    SELECT x.n AS n, CAST(COUNT(*) AS INTEGER) AS eligible, CAST(SUM(x.hit) AS INTEGER) AS hits
    FROM (${windowHits(dialect, 'eligible', days)}) x
    GROUP BY x.n`;
}
