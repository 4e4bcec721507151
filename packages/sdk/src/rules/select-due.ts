import { type Assignment, assign } from './audience.js';
import { allowedByFatigue, allowedByFrequency } from './caps.js';
import { isDue } from './is-due.js';
import type { Exposure, Fatigue, RuleContext, RuleItem } from './types.js';

/** What to do now: show an item, log that the person was held out of it, or nothing. */
export type Decision<T extends RuleItem> = { action: 'show'; item: T } | { action: 'hold-out'; item: T } | { action: 'none' };

/**
 * Picks the first item, in config order, that is due for this person now and allowed by its
 * frequency and by global fatigue. A person in an item's control group gets `hold-out` once, at the
 * moment the item would have shown (the metrics compare them with those shown it); nothing is shown
 * to them and it does not count toward fatigue. `assigned` says where the person stands for an item;
 * a caller that asks again and again passes the assignments it drew once.
 */
export function selectDue<T extends RuleItem>(
  items: readonly T[],
  history: { items: Record<string, Exposure>; recentShows: readonly string[] },
  fatigue: Fatigue,
  ctx: RuleContext,
  onScreen: boolean,
  assigned: (item: T) => Assignment = (item) => assign(item.audience, ctx.person, item.id),
): Decision<T> {
  if (!allowedByFatigue(fatigue, history.recentShows, ctx.now, onScreen)) return { action: 'none' };
  for (const item of items) {
    const exposure = history.items[item.id];
    const assignment = assigned(item);
    if (assignment === 'excluded' || !isDue(item.trigger, ctx, exposure)) continue;
    if (assignment === 'held-out') {
      if (exposure?.heldOutAt) continue;
      return { action: 'hold-out', item };
    }
    if (allowedByFrequency(item.frequency, exposure, ctx.now, item.recurrence)) return { action: 'show', item };
  }
  return { action: 'none' };
}
