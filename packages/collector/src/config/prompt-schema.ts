import { z } from 'zod';
import { limits } from '@uptake/sdk/protocol';

/** An event name as the wire protocol allows it. */
export const eventName = z.string().regex(limits.namePattern, 'expected an event name such as ai.output_rejected').max(limits.nameMaxLength);

/** A prompt or survey id: lowercase words joined by dashes, as it appears in events and URLs. */
export const itemId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected 1–64 characters of a-z 0-9 _ - such as critique-tip');

const positive = z.number({ error: 'expected a positive number' }).positive('expected a positive number');
const positiveInt = z.number({ error: 'expected a positive whole number' }).int('expected a positive whole number').positive('expected a positive whole number');
const days = z.number({ error: 'expected a number of days ≥ 0' }).nonnegative('expected a number of days ≥ 0');
const share = z.number({ error: 'expected a share from 0 to 1' }).min(0, 'expected a share from 0 to 1').max(1, 'expected a share from 0 to 1');

/** Who is eligible: every list narrows; `sample` draws a share; `holdout` keeps a share as the control group. */
export const audienceSchema = z.strictObject({
  roles: z.array(z.string().min(1)).optional(),
  teams: z.array(z.string().min(1)).optional(),
  cohorts: z.array(z.string().min(1)).optional(),
  programs: z.array(z.string().min(1)).optional(),
  sample: share.default(1),
  holdout: share.refine((h) => h < 1, 'a holdout of 1 would never show the prompt').default(0),
});

/**
 * When an item is due. Every condition given must hold. `url` and `selector` narrow where; the
 * others say when: `event` seen `count` times within `withinDays`, no usage for `inactiveDays`,
 * `daysSinceTraining` within `[from, to]`, or on the `spaced` days after training.
 */
export const triggerSchema = z
  .strictObject({
    event: eventName.optional(),
    count: positiveInt.optional(),
    withinDays: positive.optional(),
    inactiveDays: positive.optional(),
    daysSinceTraining: z.tuple([days, days], { error: 'expected [from, to] in days' }).optional(),
    spaced: z.array(days).min(1, 'expected at least one day').optional(),
    selector: z.string().min(1).max(256).optional(),
    on: z.enum(['focus', 'click', 'hover']).optional(),
    url: z.string().min(1).max(512).optional(),
  })
  .superRefine((t, ctx) => {
    const kinds = ['event', 'inactiveDays', 'daysSinceTraining', 'spaced', 'selector', 'url'] as const;
    if (!kinds.some((k) => t[k] !== undefined)) ctx.addIssue({ code: 'custom', message: `expected at least one of ${kinds.join(', ')}` });
    if ((t.count !== undefined || t.withinDays !== undefined) && t.event === undefined) ctx.addIssue({ code: 'custom', path: ['event'], message: 'count and withinDays need an event' });
    if (t.on !== undefined && t.selector === undefined) ctx.addIssue({ code: 'custom', path: ['selector'], message: 'on needs a selector' });
    if (t.selector !== undefined && t.on === undefined) ctx.addIssue({ code: 'custom', path: ['on'], message: 'a selector needs on: focus, click or hover' });
    if (t.daysSinceTraining && t.daysSinceTraining[0] > t.daysSinceTraining[1]) ctx.addIssue({ code: 'custom', path: ['daysSinceTraining'], message: 'from must not be after to' });
    if (t.spaced && t.spaced.some((d, i) => i > 0 && d <= (t.spaced as number[])[i - 1]!)) ctx.addIssue({ code: 'custom', path: ['spaced'], message: 'days must increase' });
  });

/** A link (`http`, `https` or relative; never `javascript:`) or an event the host app handles. */
const actionSchema = z
  .strictObject({
    label: z.string().min(1).max(40),
    href: z
      .string()
      .max(2048)
      .refine((href) => /^(https?:\/\/|\/|\.\/|\.\.\/|[?#])/i.test(href) || !/^[a-z][a-z0-9+.-]*:/i.test(href), 'expected an http, https or relative link')
      .optional(),
    event: z.string().min(1).max(64).optional(),
  })
  .refine((a) => a.href !== undefined || a.event !== undefined, 'expected href or event');

const frequencySchema = z.strictObject({ maxShows: positiveInt.default(3), cooldownDays: days.default(3) });

/** What counts as the prompt working: a goal event within `withinDays` after exposure. */
const goalSchema = z.strictObject({
  event: eventName,
  // Keys are read with ->>; DuckDB would take one starting with $ or / as a JSON path.
  props: z
    .record(z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/, 'keys must be 1–64 characters of A-Z a-z 0-9 _ . - and not start with . or -'), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .optional(),
  withinDays: positive,
});

export const promptSchema = z.strictObject({
  id: itemId,
  /** Tool ids; all tools when absent. */
  tools: z.array(z.string().min(1)).optional(),
  audience: audienceSchema.default({ sample: 1, holdout: 0 }),
  trigger: triggerSchema,
  content: z.strictObject({
    title: z.string().min(1).max(120),
    body: z.string().max(1000).default(''),
    action: actionSchema.optional(),
  }),
  frequency: frequencySchema.default({ maxShows: 3, cooldownDays: 3 }),
  goal: goalSchema.optional(),
});

const questionBase = { id: itemId, text: z.string().min(1).max(500), required: z.boolean().default(false) };

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...questionBase, type: z.literal('scale'), min: z.number().int().default(1), max: z.number().int().default(5), minLabel: z.string().max(60).optional(), maxLabel: z.string().max(60).optional() }),
  z.strictObject({ ...questionBase, type: z.literal('nps') }),
  z.strictObject({ ...questionBase, type: z.literal('choice'), options: z.array(z.string().min(1).max(120)).min(2, 'expected at least two options') }),
  z.strictObject({ ...questionBase, type: z.literal('multi'), options: z.array(z.string().min(1).max(120)).min(2, 'expected at least two options') }),
  z.strictObject({ ...questionBase, type: z.literal('text'), minLength: z.number().int().nonnegative().max(limits.surveyValueMaxLength).optional(), maxLength: z.number().int().positive().max(limits.surveyValueMaxLength).optional() }),
  z.strictObject({ ...questionBase, type: z.literal('number'), min: z.number().optional(), max: z.number().optional() }),
]);

export const surveySchema = z.strictObject({
  id: itemId,
  tools: z.array(z.string().min(1)).optional(),
  title: z.string().max(120).optional(),
  audience: audienceSchema.default({ sample: 1, holdout: 0 }),
  trigger: triggerSchema,
  questions: z.array(questionSchema).min(1, 'expected at least one question'),
  frequency: frequencySchema.default({ maxShows: 3, cooldownDays: 3 }),
});

export type PromptConfig = z.output<typeof promptSchema>;
export type SurveyConfig = z.output<typeof surveySchema>;
export type QuestionConfig = z.output<typeof questionSchema>;
