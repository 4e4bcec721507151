import type { Exposure, LocalEvent, RuleContext, Trigger } from './types.js';
import { matchesGlob } from './url-glob.js';

export const dayMs = 86_400_000;

/** Whole days from the UTC day `day` (`YYYY-MM-DD`) to `now`. */
export function daysSince(day: string, now: number): number {
  return Math.floor((now - Date.parse(`${day}T00:00:00Z`)) / dayMs);
}

/**
 * Whether a trigger holds now. Every condition given must hold: `event` seen `count` times (default
 * 1) within `withinDays` in this browser; no usage for `inactiveDays` (on any device); the day since
 * training within `daysSinceTraining`; a `spaced` step reached and not yet shown for; the person's
 * `adaptive` due day (`exposure.dueDay`) reached and not yet shown for; the DOM event
 * matching `selector` + `on`; the page path matching `url`.
 */
export function isDue(trigger: Trigger, ctx: RuleContext, exposure: Exposure | undefined): boolean {
  const { now, person } = ctx;
  if (trigger.url !== undefined && !matchesGlob(trigger.url, ctx.path)) return false;
  if (trigger.selector !== undefined) {
    const e = ctx.domEvent;
    if (!e || e.type !== trigger.on || !e.target.closest(trigger.selector)) return false;
  }
  if (trigger.event !== undefined) {
    const since = trigger.withinDays === undefined ? -Infinity : now - trigger.withinDays * dayMs;
    const wanted = trigger.count ?? 1;
    // Newest first, and no further than needed: this runs after every host event, over up to 200 events.
    let seen = 0;
    for (let i = ctx.events.length - 1; i >= 0 && seen < wanted; i--) {
      const e = ctx.events[i] as LocalEvent;
      if (e.name === trigger.event && e.at >= since && e.at <= now) seen++;
    }
    if (seen < wanted) return false;
  }
  if (trigger.inactiveDays !== undefined) {
    const last = person.lastUsageAt
      ? Date.parse(person.lastUsageAt)
      : person.trainedAt
        ? Date.parse(`${person.trainedAt}T00:00:00Z`)
        : undefined;
    if (last === undefined || now - last < trigger.inactiveDays * dayMs) return false;
  }
  const needsTraining = trigger.daysSinceTraining !== undefined || trigger.spaced !== undefined;
  if (needsTraining && person.trainedAt === undefined) return false;
  const day = person.trainedAt === undefined ? 0 : daysSince(person.trainedAt, now);
  if (trigger.daysSinceTraining && (day < trigger.daysSinceTraining[0] || day > trigger.daysSinceTraining[1])) return false;
  if (trigger.spaced) {
    // The latest step reached is due until the item has been shown since that step began.
    const step = [...trigger.spaced].reverse().find((s) => s <= day);
    if (step === undefined) return false;
    const stepStart = Date.parse(`${person.trainedAt}T00:00:00Z`) + step * dayMs;
    if (exposure?.lastShown && Date.parse(exposure.lastShown) >= stepStart) return false;
  }
  if (trigger.adaptive) {
    // The collector sends the day; due from it until shown on or after it (a new use moves it on).
    const dueDay = exposure?.dueDay;
    if (dueDay === undefined || daysSince(dueDay, now) < 0) return false;
    if (exposure?.lastShown && exposure.lastShown >= dueDay) return false;
  }
  return true;
}
