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
