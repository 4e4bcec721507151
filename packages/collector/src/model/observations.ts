import type { Observation } from './fit-half-life.js';

/** What the model may know of a person: days are whole UTC days counted from any fixed origin. */
export interface PersonTimeline {
  /** Days with at least one usage event, ascending. */
  readonly usageDays: readonly number[];
  readonly trainedDay: number | null;
  readonly role: string | null;
}

/** The outcome: at least one usage day in the week that starts Δ days after the reference day. */
export const outcomeWeek = 7;
/** Lags observed from each reference day. */
export const lags = [7, 14, 21, 28, 42, 56] as const;
/** Roles with a weight of their own; any other (and none) is the baseline. */
const roles = ['executive', 'leader', 'technical'] as const;

/** The model's features, in the order `featuresAt` gives them. */
export const featureNames = [...roles.map((r) => `role:${r}`), 'log2UsageDaysSoFar', 'log2DaysSinceTraining', 'untrained'] as const;

/** Index of the first usage day after `day` (binary search). */
function usageDaysUpTo(person: PersonTimeline, day: number): number {
  let low = 0;
  let high = person.usageDays.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (person.usageDays[middle]! <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The features of a person as known at the end of `day`. */
export function featuresAt(person: PersonTimeline, day: number): number[] {
  const trained = person.trainedDay !== null && person.trainedDay <= day;
  return [
    ...roles.map((r) => (person.role === r ? 1 : 0)),
    Math.log2(1 + usageDaysUpTo(person, day)),
    trained ? Math.log2(1 + day - person.trainedDay!) : 0,
    trained ? 0 : 1,
  ];
}

/** Whether the person used the tool in [from, from + outcomeWeek − 1]. */
export function usedInWeek(person: PersonTimeline, from: number): boolean {
  const next = usageDaysUpTo(person, from - 1);
  return next < person.usageDays.length && person.usageDays[next]! < from + outcomeWeek;
}

/**
 * Observations of one person: from each of their usage days r in [from, until] (at most
 * `perPerson`, evenly spread, so a daily user does not outweigh everyone), for each lag Δ whose
 * outcome week ends by `until`: the features at r, Δ, and whether they used the tool in the week
 * from r + Δ.
 */
export function observationsOf(
  person: PersonTimeline,
  window: { from: number; until: number },
  perPerson = 8,
): (Observation & { day: number })[] {
  const days = person.usageDays.filter((d) => d >= window.from && d <= window.until);
  const step = Math.max(1, days.length / perPerson);
  const chosen: number[] = [];
  for (let i = 0; i < days.length && chosen.length < perPerson; i += step) chosen.push(days[Math.floor(i)]!);
  const out: (Observation & { day: number })[] = [];
  for (const day of chosen) {
    const x = featuresAt(person, day);
    for (const lag of lags) {
      if (day + lag + outcomeWeek - 1 > window.until) break;
      out.push({ day, x, days: lag, used: usedInWeek(person, day + lag) });
    }
  }
  return out;
}
