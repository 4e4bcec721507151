/** `YYYY-MM-DD` plus `days` (UTC). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The day a viewer's figures are for: the end of the last complete week on or before `asOf`.
 * Weeks are ISO weeks, Monday to Sunday (a cohort without a name is its training's ISO week, so a
 * cohort is whole from the first week end after it); a week is complete once its Sunday has ended,
 * so today never is. Every day of a week then gives the same figures: consecutive days cannot be
 * differenced. Null when no week is complete by then (before the first Sunday of year 1).
 */
export function figuresAsOf(asOf: string, today: string): string | null {
  const last = asOf < today ? asOf : addDays(today, -1);
  const sunday = addDays(last, -new Date(`${last}T00:00:00Z`).getUTCDay());
  return sunday < '0001-01-01' ? null : sunday;
}
