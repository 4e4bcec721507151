import { dayMs } from './is-due.js';
import type { Exposure, Fatigue, Frequency } from './types.js';

const after = (iso: string | null, days: number, now: number) => iso !== null && now - Date.parse(iso) < days * dayMs;

/**
 * Whether an item may be shown again to this person: not dismissed ("Don't show again"), fewer than
 * `maxShows` shows, the cooldown passed since the last show and since the last "Not now", and, for
 * a survey, not answered already.
 */
export function allowedByFrequency(frequency: Frequency, exposure: Exposure | undefined, now: number): boolean {
  if (!exposure) return true;
  if (spentForGood(frequency, exposure)) return false;
  return !after(exposure.lastShown, frequency.cooldownDays, now) && !after(exposure.lastSnoozed, frequency.cooldownDays, now);
}

/** Whether an item may never be shown again to this person, whatever the time: dismissed, answered, or shown `maxShows` times. */
export function spentForGood(frequency: Frequency, exposure: Exposure | undefined): boolean {
  return exposure !== undefined && (exposure.dismissed || exposure.lastAnswered !== null || exposure.shows >= frequency.maxShows);
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
