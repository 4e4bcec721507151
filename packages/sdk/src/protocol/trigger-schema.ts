import { z } from 'zod';
import { days, eventNameSchema, positive, positiveInt } from './config-values.js';

/** The adaptive trigger's defaults. */
export const adaptiveDefaults = { targetRecall: 0.8, minDays: 2, maxDays: 60 } as const;

/**
 * Reinforcement timed for each person: due from the day the collector's half-life model predicts
 * the person's chance of still using AI falls under `targetRecall`, counted from their last use
 * (else their training), never sooner than `minDays` nor later than `maxDays` after it.
 */
export const adaptiveSchema = z
  .strictObject({
    targetRecall: z
      .number({ error: 'expected a probability between 0 and 1, such as 0.8' })
      .gt(0, 'expected a probability between 0 and 1, such as 0.8')
      .lt(1, 'expected a probability between 0 and 1, such as 0.8')
      .optional()
      .describe("Due once the person's predicted chance of still using AI falls under this (0–1). Default 0.8."),
    minDays: days.optional().describe('Never due sooner than this many days after the last use. Default 2.'),
    maxDays: days.optional().describe('Always due by this many days after the last use. Default 60.'),
  })
  .refine((a) => (a.minDays ?? adaptiveDefaults.minDays) <= (a.maxDays ?? adaptiveDefaults.maxDays), {
    message: 'minDays must not be more than maxDays',
    path: ['minDays'],
  });

/**
 * When an item is due. Every condition given must hold. `url` and `selector` narrow where; the
 * others say when: `event` seen `count` times within `withinDays`, no usage for `inactiveDays`,
 * `daysSinceTraining` within `[from, to]`, on the `spaced` days after training, or on the person's
 * own `adaptive` day.
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
    adaptive: adaptiveSchema
      .optional()
      .describe(
        "Due on the person's own day, from the collector's half-life model of their AI use (docs/product-owners.md). Not with daysSinceTraining, spaced or inactiveDays.",
      ),
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
    const kinds = ['event', 'inactiveDays', 'daysSinceTraining', 'spaced', 'adaptive', 'selector', 'url'] as const;
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
    for (const other of ['spaced', 'daysSinceTraining', 'inactiveDays'] as const)
      if (t.adaptive !== undefined && t[other] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['adaptive'],
          message: `adaptive picks each person's day itself: leave out ${other} (use one or the other)`,
        });
  });

export type Trigger = z.output<typeof triggerSchema>;
export type Adaptive = z.output<typeof adaptiveSchema>;
