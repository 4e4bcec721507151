import type { Assignment } from './audience.js';
import { spentForGood } from './caps.js';
import { isDue } from './is-due.js';
import type { Exposure, RuleContext, RuleItem } from './types.js';
import { matchesGlob } from './url-glob.js';

/**
 * Whether `selectDue` will pass over an item at every moment of the rest of the UTC day of
 * `ctx.now`, whatever the time, as long as the person's history, the page's path and the events its
 * trigger counts stay as they are, and no DOM event comes: the prompts runtime then need not look
 * at it after a host event that its trigger does not count. True when the person is outside its
 * audience or already logged as held out; when only a DOM event, or another path, can make it due;
 * when its frequency caps are spent for good; or when it is not due now and only the day, the history
 * or its event can change that (`inactiveDays` can become due at any moment).
 */
export function staysQuiet(item: RuleItem, assignment: Assignment, exposure: Exposure | undefined, ctx: RuleContext): boolean {
  const { trigger } = item;
  if (assignment === 'excluded' || (assignment === 'held-out' && exposure?.heldOutAt)) return true;
  if (trigger.selector !== undefined || (trigger.url !== undefined && !matchesGlob(trigger.url, ctx.path))) return true;
  if (assignment === 'treated' && spentForGood(item.frequency, exposure)) return true;
  return trigger.inactiveDays === undefined && !isDue(trigger, { ...ctx, domEvent: undefined }, exposure);
}
