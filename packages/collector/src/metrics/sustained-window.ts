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
 * SQL condition: usage day `day` counts for sustained usage at `n` days, the 14 days
 * trainedAt+N−13 … trainedAt+N (SPEC "Metric definitions").
 */
export function inSustainedWindow(day: string, trainedAt: string, n: string): string {
  return `${day} BETWEEN ${trainedAt} + ${n} - 13 AND ${trainedAt} + ${n}`;
}

/** SQL: a table `h(n)` of the horizons `days`. */
export function horizonsTable(days: readonly number[]): string {
  return `(SELECT * FROM (VALUES ${days.map((n) => `(${n})`).join(', ')}) AS h(n))`;
}

/**
 * SQL, to follow the CTEs of a metrics statement: per horizon n (0 = adoption: the trained with a day
 * in asOf−27…asOf; 30, 60, 90 = sustained windows), the trained people eligible and those with a day
 * of `days` (a relation of user_id and day) in the window, as columns n, eligible and hits.
 */
export function horizonHitsSql(days: string, asOf: string): string {
  return `
    horizons AS ${horizonsTable([0, ...sustainedDays])},
    eligible AS (
      SELECT t.user_id, h.n, t.trained_at FROM trained t CROSS JOIN horizons h
      WHERE ${sustainedEligible('t.trained_at', 'h.n', asOf)}
    ),
    hits AS (
      SELECT DISTINCT e.user_id, e.n FROM eligible e
      JOIN ${days} d ON d.user_id = e.user_id
      WHERE (e.n = 0 AND d.day BETWEEN ${asOf} - 27 AND ${asOf})
         OR (e.n > 0 AND ${inSustainedWindow('d.day', 'e.trained_at', 'e.n')})
    )
    SELECT e.n AS n, CAST(COUNT(*) AS INTEGER) AS eligible, CAST(COUNT(h.user_id) AS INTEGER) AS hits
    FROM eligible e LEFT JOIN hits h ON h.user_id = e.user_id AND h.n = e.n
    GROUP BY e.n`;
}
