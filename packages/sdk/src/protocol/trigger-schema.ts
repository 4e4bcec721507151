import { z } from 'zod';
import { days, eventNameSchema, positive, positiveInt } from './config-values.js';

/**
 * When an item is due. Every condition given must hold. `url` and `selector` narrow where; the
 * others say when: `event` seen `count` times within `withinDays`, no usage for `inactiveDays`,
 * `daysSinceTraining` within `[from, to]`, or on the `spaced` days after training.
 */
export const triggerSchema = z
  .strictObject({
    event: eventNameSchema.optional().describe("Due after this event (e.g. ai.output_rejected), counted in the person's browser."),
    count: positiveInt.optional().describe('How many times the event must have happened. Default 1.'),
    withinDays: positive.optional().describe('Count the event over the last this many days. Default 90.'),
    inactiveDays: positive
      .optional()
      .describe('Due when the person has had no usage event on any device for this many days (shown when they come back).'),
    daysSinceTraining: z
      .tuple([days, days], { error: 'expected [from, to] in days' })
      .optional()
      .describe('Due from day `from` to day `to` after training, both included (day 0 is the training day).'),
    spaced: z
      .array(days)
      .min(1, 'expected at least one day')
      .optional()
      .describe('Spaced reinforcement: due once at each of these days after training, e.g. [2, 7, 21, 60].'),
    selector: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe('CSS selector of an element of the tool; with `on`, due when the person interacts with it, and shown next to it.'),
    on: z.enum(['focus', 'click', 'hover']).optional().describe('The interaction with `selector` that makes it due.'),
    url: z
      .string()
      .min(1)
      .max(512)
      .optional()
      .describe('Only on pages whose path and query match this glob: * within a segment, ** across segments.'),
  })
  .superRefine((t, ctx) => {
    const kinds = ['event', 'inactiveDays', 'daysSinceTraining', 'spaced', 'selector', 'url'] as const;
    if (!kinds.some((k) => t[k] !== undefined)) ctx.addIssue({ code: 'custom', message: `expected at least one of ${kinds.join(', ')}` });
    if ((t.count !== undefined || t.withinDays !== undefined) && t.event === undefined)
      ctx.addIssue({ code: 'custom', path: ['event'], message: 'count and withinDays need an event' });
    if (t.on !== undefined && t.selector === undefined)
      ctx.addIssue({ code: 'custom', path: ['selector'], message: 'on needs a selector' });
    if (t.selector !== undefined && t.on === undefined)
      ctx.addIssue({ code: 'custom', path: ['on'], message: 'a selector needs on: focus, click or hover' });
    if (t.daysSinceTraining && t.daysSinceTraining[0] > t.daysSinceTraining[1])
      ctx.addIssue({ code: 'custom', path: ['daysSinceTraining'], message: 'from must not be after to' });
    if (t.spaced?.some((d, i) => i > 0 && d <= (t.spaced as number[])[i - 1]!))
      ctx.addIssue({ code: 'custom', path: ['spaced'], message: 'days must increase' });
  });

export type Trigger = z.output<typeof triggerSchema>;
