import { addDays } from './figures-as-of.js';

/** How far back an arm's growth is read: four weeks. */
export const growthDays = 28;

/** Estimates further away than this are not given: the arm is not expected to be known. */
const horizonDays = 365;

/**
 * When a prompt whose arms are not all shown is expected to be known: for each arm under
 * `minGroupSize`, the day it reaches it at the pace it grew over the last `growthDays` days,
 * rounded up to the end of its week (a Sunday), and the latest of those. Null when an arm did not
 * grow or would take more than a year. Says when, never how many: that is all a viewer learns of a
 * small arm.
 */
export function knownAround(arms: readonly { now: number; before: number }[], minGroupSize: number, figuresAsOf: string): string | null {
  let latest = figuresAsOf;
  for (const { now, before } of arms) {
    if (now >= minGroupSize) continue;
    const perDay = (now - before) / growthDays;
    if (perDay <= 0) return null;
    const days = Math.ceil((minGroupSize - now) / perDay);
    if (days > horizonDays) return null;
    const day = addDays(figuresAsOf, days);
    const sunday = addDays(day, (7 - new Date(`${day}T00:00:00Z`).getUTCDay()) % 7);
    if (sunday > latest) latest = sunday;
  }
  return latest;
}
