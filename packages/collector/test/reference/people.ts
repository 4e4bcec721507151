import type { StoredEvent } from '../../src/storage/store.js';
import { dayOf, isoWeek } from './days.js';

/** A trained person as docs/analysts.md defines one. */
export interface TrainedPerson {
  user: string;
  /** UTC day of the first `training.completed` (within the program when one is asked for). */
  trainedAt: number;
  /** The `cohort` prop of that first completion, else the ISO week of trainedAt. */
  cohort: string;
}

/** Earlier first; at the same instant, the smaller id (the store's order of events). */
export const byTimeThenId = (a: StoredEvent, b: StoredEvent) => a.ts.getTime() - b.ts.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The events of identified people only: per-person figures never count anonymous events. */
export const identified = (events: readonly StoredEvent[]) => events.filter((e) => e.userId !== null);

/**
 * Everyone with a `training.completed` (of `program`, when given): their first completion decides
 * trainedAt and cohort; a later completion never moves it.
 */
export function trainedPeople(events: readonly StoredEvent[], program?: string): TrainedPerson[] {
  const first = new Map<string, StoredEvent>();
  const completions = identified(events).filter(
    (e) => e.name === 'training.completed' && (program === undefined || e.props['program'] === program),
  );
  for (const e of [...completions].sort(byTimeThenId)) if (!first.has(e.userId as string)) first.set(e.userId as string, e);
  return [...first].map(([user, e]) => {
    const cohort = e.props['cohort'];
    return { user, trainedAt: dayOf(e.ts), cohort: typeof cohort === 'string' ? cohort : isoWeek(dayOf(e.ts)) };
  });
}

/** A usage event: named `ai.*`, or listed in the config's `usageEvents`. */
export const isUsage = (name: string, usageEvents: readonly string[]) => name.startsWith('ai.') || usageEvents.includes(name);

/** Each person's active days: the UTC days with at least one usage event (of `tool`, when given). */
export function activeDays(events: readonly StoredEvent[], usageEvents: readonly string[], tool?: string): Map<string, Set<number>> {
  const days = new Map<string, Set<number>>();
  for (const e of identified(events)) {
    if (!isUsage(e.name, usageEvents) || (tool !== undefined && e.tool !== tool)) continue;
    const set = days.get(e.userId as string) ?? new Set<number>();
    set.add(dayOf(e.ts));
    days.set(e.userId as string, set);
  }
  return days;
}

/** Whether `user` was active on some day of `from … to` (both included). */
export function activeBetween(days: Map<string, Set<number>>, user: string, from: number, to: number): boolean {
  for (const d of days.get(user) ?? []) if (d >= from && d <= to) return true;
  return false;
}

/**
 * The latest value of a trait across a person's `identify` events, by person; identify events
 * that do not carry the trait leave it as it was.
 */
export function latestTrait(events: readonly StoredEvent[], trait: string): Map<string, string> {
  const latest = new Map<string, string>();
  for (const e of [...identified(events)].sort(byTimeThenId)) {
    const value = e.props[trait];
    if (e.name === 'identify' && typeof value === 'string') latest.set(e.userId as string, value);
  }
  return latest;
}
