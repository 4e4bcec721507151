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
  if (exposure.dismissed || exposure.lastAnswered !== null || exposure.shows >= frequency.maxShows) return false;
  return !after(exposure.lastShown, frequency.cooldownDays, now) && !after(exposure.lastSnoozed, frequency.cooldownDays, now);
}

/** Whether anything may be shown at all: under the day and week caps across every item and device, and nothing on screen. */
export function allowedByFatigue(fatigue: Fatigue, recentShows: readonly string[], now: number, onScreen: boolean): boolean {
  if (onScreen) return false;
  let day = 0;
  let week = 0;
  for (const iso of recentShows) {
    const age = now - Date.parse(iso);
    if (age < dayMs) day++;
    if (age < 7 * dayMs) week++;
  }
  return day < fatigue.perDay && week < fatigue.perWeek;
}
