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
 * SQL condition: person `userId` has a day of `days` (a relation of user_id and day) from `from` to
 * `to` (DATE expressions). A correlated EXISTS rather than a join: PostgreSQL answers each with one
 * range probe of the rollup's (user_id, day) key and stops at the first day (issue 16: the join and
 * its DISTINCT over every trained person's usage days took 3 s of a 10M-event request); DuckDB
 * decorrelates it into one hash join, faster than the DISTINCT too.
 */
export function hasDayBetween(days: string, userId: string, from: string, to: string): string {
  return `EXISTS (SELECT 1 FROM ${days} d WHERE d.user_id = ${userId} AND d.day BETWEEN ${from} AND ${to})`;
}

/**
 * SQL, to follow the CTEs of a metrics statement: per horizon n (0 = adoption: the trained with a day
 * in asOf−27…asOf; 30, 60, 90 = sustained windows), the trained people eligible and those with a day
 * of `days` (a relation of user_id and day) in the window, as columns n, eligible and hits.
 */
export function horizonHitsSql(days: string, asOf: string): string {
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
    SELECT e.n AS n, CAST(COUNT(*) AS INTEGER) AS eligible,
           CAST(SUM(CASE WHEN ${hasDayBetween(days, 'e.user_id', 'e.first_day', 'e.last_day')} THEN 1 ELSE 0 END) AS INTEGER) AS hits
    FROM eligible e
    GROUP BY e.n`;
}
