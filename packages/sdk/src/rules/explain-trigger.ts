import { dayMs, daysSince, isDue } from './is-due.js';
import type { Exposure, RuleContext, Trigger } from './types.js';

/** An instant as a person reads it: `2026-11-22 10:02 UTC`. */
export const when = (ms: number | string): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Why a trigger does not hold now, in words, one phrase per condition that fails; undefined when it
 * holds. Each condition is judged by `isDue` alone (the same rule that decides), the words only
 * add what it saw.
 */
export function explainTrigger(trigger: Trigger, ctx: RuleContext, exposure: Exposure | undefined): string | undefined {
  const fails = (part: Trigger) => !isDue(part, ctx, exposure);
  const { person, now } = ctx;
  const day = person.trainedAt === undefined ? undefined : daysSince(person.trainedAt, now);
  const untrained = 'no training is known for this person (it comes from the imported training)';
  const why: string[] = [];
  const { url, selector, on, event, count, withinDays, inactiveDays, daysSinceTraining, spaced, adaptive } = trigger;
  if (url !== undefined && fails({ url })) why.push(`this page (${ctx.path}) does not match url "${url}"`);
  if (selector !== undefined && fails({ selector, on })) why.push(`waits for a ${on} on "${selector}"`);
  if (event !== undefined && fails({ event, count, withinDays })) {
    const since = withinDays === undefined ? -Infinity : now - withinDays * dayMs;
    const seen = ctx.events.filter((e) => e.name === event && e.at >= since && e.at <= now).length;
    why.push(
      `needs ${event} ${count ?? 1} time(s)${withinDays === undefined ? '' : ` within ${withinDays} day(s)`} in this browser; seen ${seen}`,
    );
  }
  if (inactiveDays !== undefined && fails({ inactiveDays })) {
    const last = person.lastUsageAt ?? person.trainedAt;
    why.push(last ? `needs ${inactiveDays} day(s) without AI use; last use ${when(last)}` : 'no use or training is known for this person');
  }
  if (daysSinceTraining !== undefined && fails({ daysSinceTraining }))
    why.push(
      day === undefined ? untrained : `due on days ${daysSinceTraining[0]}–${daysSinceTraining[1]} after training; today is day ${day}`,
    );
  if (spaced !== undefined && fails({ spaced })) {
    const step = day === undefined ? undefined : [...spaced].reverse().find((s) => s <= day);
    const next = day === undefined ? undefined : spaced.find((s) => s > day);
    const then = next === undefined ? 'no later step' : `next step on day ${next}`;
    why.push(
      day === undefined
        ? untrained
        : step === undefined
          ? `first step on day ${spaced[0]}; today is day ${day}`
          : `shown already for the step of day ${step}; ${then}, today is day ${day}`,
    );
  }
  if (adaptive !== undefined && fails({ adaptive })) {
    const dueDay = exposure?.dueDay;
    why.push(
      !dueDay
        ? 'no use or training is known for this person'
        : `${exposure.lastShown && exposure.lastShown >= dueDay ? 'shown since' : 'due from'} this person's day, ${dueDay} (from their AI use)`,
    );
  }
  return why.length ? why.join('; ') : undefined;
}
