/**
 * UTC calendar days as whole numbers (day 0 = 1970-01-01), so the reference reads every window of
 * docs/analysts.md as plain integer arithmetic: `trainedAt + N − 13 ≤ day ≤ trainedAt + N`.
 */
export const msPerDay = 86_400_000;

/** The UTC day of an instant. */
export function dayOf(ts: Date): number {
  return Math.floor(ts.getTime() / msPerDay);
}

/** The day number of `YYYY-MM-DD`. */
export function dayNumber(ymd: string): number {
  return Date.parse(`${ymd}T00:00:00.000Z`) / msPerDay;
}

/** `YYYY-MM-DD` of a day number. */
export function ymd(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

/**
 * ISO-8601 week of a day, `2026-W11`: weeks start on Monday and belong to the year of their
 * Thursday (ISO 8601 §3.2.2), so 2027-01-01, a Friday, is in `2026-W53`.
 */
export function isoWeek(day: number): string {
  // Day 0 was a Thursday; ISO weekdays run Monday = 1 … Sunday = 7.
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  const thursday = day - weekday + 4;
  const year = new Date(thursday * msPerDay).getUTCFullYear();
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
