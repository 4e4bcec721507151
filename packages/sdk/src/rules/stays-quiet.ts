import type { Assignment } from './audience.js';
import { spentForGood } from './caps.js';
import { isDue } from './is-due.js';
import type { Exposure, RuleContext, RuleItem } from './types.js';
import { matchesGlob } from './url-glob.js';

/** Why an item stays quiet (see `staysQuiet`). */
export type Quiet = 'whatever-events' | 'until-its-event';

/**
 * Whether `selectDue` will pass over an item at every moment of the rest of the UTC day of
 * `ctx.now`, whatever the time, as long as the person's history, the page's path and the events its
 * trigger counts stay as they are, and no DOM event comes: the prompts runtime then need not look
 * at it after a host event. `'whatever-events'`: not even an event its trigger counts changes that
 * (the person is outside its audience or already logged as held out, only a DOM event or another
 * path can make it due, or its frequency caps are spent for good). `'until-its-event'`: it is not
 * due now, and only the day, the history or an event its trigger counts can change that
 * (`inactiveDays` can become due at any moment). `false`: it must be looked at every time.
 */
export function staysQuiet(item: RuleItem, assignment: Assignment, exposure: Exposure | undefined, ctx: RuleContext): Quiet | false {
  const { trigger } = item;
  if (assignment === 'excluded' || (assignment === 'held-out' && exposure?.heldOutAt)) return 'whatever-events';
  if (trigger.selector !== undefined || (trigger.url !== undefined && !matchesGlob(trigger.url, ctx.path))) return 'whatever-events';
  if (assignment === 'treated' && spentForGood(item.frequency, exposure, item.recurrence)) return 'whatever-events';
  return trigger.inactiveDays === undefined && !isDue(trigger, { ...ctx, domEvent: undefined }, exposure) && 'until-its-event';
}
