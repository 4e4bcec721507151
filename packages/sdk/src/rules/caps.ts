import { dayMs } from './is-due.js';
import type { Exposure, Fatigue, Frequency, Recurrence } from './types.js';

const after = (iso: string | null, days: number, now: number) => iso !== null && now - Date.parse(iso) < days * dayMs;

/** The shows that count toward `maxShows`: all of them, or for a survey answered before, those since the answer (its new wave). */
export const showsOfWave = (e: Exposure): number => (e.lastAnswered === null ? e.shows : (e.showsSinceAnswer ?? 0));

/**
 * Whether an item may be shown again to this person: not dismissed ("Don't show again"), fewer than
 * `maxShows` shows, the cooldown passed since the last show and since the last "Not now", and, for
 * a survey, not answered already, or with a `recurrence`, answered at least `everyDays` ago.
 */
export function allowedByFrequency(frequency: Frequency, exposure: Exposure | undefined, now: number, recurrence?: Recurrence): boolean {
  if (!exposure) return true;
  if (spentForGood(frequency, exposure, recurrence)) return false;
  return (
    !after(exposure.lastShown, frequency.cooldownDays, now) &&
    !after(exposure.lastSnoozed, frequency.cooldownDays, now) &&
    !(recurrence && after(exposure.lastAnswered, recurrence.everyDays, now))
  );
}

/**
 * Whether an item may never be shown again to this person, whatever the time: dismissed, answered
 * (unless it recurs), or shown `maxShows` times (since the last answer, for a survey that recurs).
 */
export function spentForGood(frequency: Frequency, exposure: Exposure | undefined, recurrence?: Recurrence): boolean {
  return (
    exposure !== undefined &&
    (exposure.dismissed || (exposure.lastAnswered !== null && !recurrence) || showsOfWave(exposure) >= frequency.maxShows)
  );
}

/**
 * The show times of a history's `recentShows`, parsed once: the prompts runtime asks after every host
 * event. A list that grew since (a caller appending to the same array, as `uptake config check`'s
 * replay does) is parsed again.
 */
const parsed = new WeakMap<readonly string[], number[]>();

/** Whether anything may be shown at all: under the day and week caps across every item and device, and nothing on screen. */
export function allowedByFatigue(fatigue: Fatigue, recentShows: readonly string[], now: number, onScreen: boolean): boolean {
  if (onScreen) return false;
  let times = parsed.get(recentShows);
  if (times?.length !== recentShows.length) parsed.set(recentShows, (times = recentShows.map(Date.parse)));
  let day = 0;
  let week = 0;
  for (const at of times) {
    const age = now - at;
    if (age < dayMs) day++;
    if (age < 7 * dayMs) week++;
  }
  return day < fatigue.perDay && week < fatigue.perWeek;
}
