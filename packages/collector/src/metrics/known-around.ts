import { addDays } from './figures-as-of.js';

/** How far back an arm's growth is read: four weeks. */
export const growthDays = 28;

/** Estimates further away than this are not given: the arm is not expected to be known. */
const horizonDays = 365;

/**
 * When a prompt whose arms are not all shown is expected to be known: for each hidden arm, the day
 * it reaches `minGroupSize` at the pace it grew over the last `growthDays` days, rounded up to the
 * end of its week (a Sunday) and at least a week on, and the latest of those. Null when an arm did
 * not grow or would take more than a year. The sizes given are released ones (with a viewer's
 * noise), so the date says when, never how many.
 */
export function knownAround(
  hiddenArms: readonly { now: number; before: number }[],
  minGroupSize: number,
  figuresAsOf: string,
): string | null {
  let latest = figuresAsOf;
  for (const { now, before } of hiddenArms) {
    const perDay = (now - before) / growthDays;
    if (perDay <= 0) return null;
    const days = Math.max(1, Math.ceil((minGroupSize - now) / perDay));
    if (days > horizonDays) return null;
    const day = addDays(figuresAsOf, days);
    const sunday = addDays(day, (7 - new Date(`${day}T00:00:00Z`).getUTCDay()) % 7);
    if (sunday > latest) latest = sunday;
  }
  return latest;
}
