import { z } from 'zod';
import { limits } from '@uptake/sdk/protocol';

/** An event name as the wire protocol allows it. */
export const eventName = z
  .string()
  .regex(limits.namePattern, 'expected an event name such as ai.output_rejected')
  .max(limits.nameMaxLength);

/** A prompt or survey id: lowercase words joined by dashes, as it appears in events and URLs. */
export const itemId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected 1–64 characters of a-z 0-9 _ - such as critique-tip');

const positive = z.number({ error: 'expected a positive number' }).positive('expected a positive number');
const positiveInt = z
  .number({ error: 'expected a positive whole number' })
  .int('expected a positive whole number')
  .positive('expected a positive whole number');
const days = z.number({ error: 'expected a number of days ≥ 0' }).nonnegative('expected a number of days ≥ 0');
const share = z
  .number({ error: 'expected a share from 0 to 1' })
  .min(0, 'expected a share from 0 to 1')
  .max(1, 'expected a share from 0 to 1');

/** Who is eligible: every list narrows; `sample` draws a share; `holdout` keeps a share as the control group. */
export const audienceSchema = z.strictObject({
  roles: z
    .array(z.string().min(1))
    .optional()
    .describe('Only people whose role trait (from identify) is one of these, e.g. professional, technical.'),
  teams: z.array(z.string().min(1)).optional().describe('Only people whose team trait is one of these.'),
  cohorts: z.array(z.string().min(1)).optional().describe('Only people whose cohort trait is one of these.'),
  programs: z.array(z.string().min(1)).optional().describe('Only people whose program trait is one of these.'),
  sample: share.default(1).describe('Share of the matching people drawn to take part (0 to 1; sticky per person). Default 1.'),
  holdout: share
    .refine((h) => h < 1, 'a holdout of 1 would never show the prompt')
    .default(0)
    .describe(
      'Share of the drawn kept as the control group: never shown, logged as prompt.held_out, so uplift can be measured. Default 0.',
    ),
});

/**
 * When an item is due. Every condition given must hold. `url` and `selector` narrow where; the
 * others say when: `event` seen `count` times within `withinDays`, no usage for `inactiveDays`,
 * `daysSinceTraining` within `[from, to]`, or on the `spaced` days after training.
 */
export const triggerSchema = z
  .strictObject({
    event: eventName.optional().describe("Due after this event (e.g. ai.output_rejected), counted in the person's browser."),
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

/** A link (`http`, `https` or relative; never `javascript:`) or an event the host app handles. */
const actionSchema = z
  .strictObject({
    label: z.string().min(1).max(40).describe("The button's text, a verb: Show me, Try it."),
    href: z
      .string()
      .max(2048)
      .refine(
        (href) => /^(https?:\/\/|\/|\.\/|\.\.\/|[?#])/i.test(href) || !/^[a-z][a-z0-9+.-]*:/i.test(href),
        'expected an http, https or relative link',
      )
      .optional()
      .describe('Link opened by the button: http, https or relative.'),
    event: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("Instead of a link: a name the tool's code acts on (uptake-action event, detail.event)."),
  })
  .refine((a) => a.href !== undefined || a.event !== undefined, 'expected href or event');

const frequencySchema = z.strictObject({
  maxShows: positiveInt.default(3).describe('Shows per person, ever, across devices. Default 3.'),
  cooldownDays: days.default(3).describe('Days to wait after a show or a "Not now". Default 3.'),
});

/** What counts as the prompt working: a goal event within `withinDays` after exposure. */
const goalSchema = z.strictObject({
  event: eventName.describe('The event that means the prompt worked, e.g. ai.feature_used.'),
  // Keys are read with ->>; DuckDB would take one starting with $ or / as a JSON path.
  props: z
    .record(
      z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/, 'keys must be 1–64 characters of A-Z a-z 0-9 _ . - and not start with . or -'),
      z.union([z.string(), z.number(), z.boolean(), z.null()]),
    )
    .optional()
    .describe('Only goal events whose props equal these, e.g. {"feature": "critique"}.'),
  withinDays: positive.describe('A conversion counts when the goal event comes at most this many days after the exposure.'),
});

const tools = z.array(z.string().min(1)).optional().describe('Ids of the tools that show it; every tool when absent.');
const audience = audienceSchema.default({ sample: 1, holdout: 0 }).describe('Who may see it; everyone when absent.');
const trigger = triggerSchema.describe('When it is due: every condition given must hold.');
const frequency = frequencySchema.default({ maxShows: 3, cooldownDays: 3 }).describe('How often one person may see it.');

export const promptSchema = z.strictObject({
  id: itemId.describe('Names the prompt in events and metrics; a new id is a new prompt.'),
  tools,
  audience,
  trigger,
  content: z.strictObject({
    title: z.string().min(1).max(120).describe('Heading of the card, plain text; a few words.'),
    body: z.string().max(1000).default('').describe('One or two sentences, plain text.'),
    action: actionSchema.optional().describe("The card's main button: a link (href) or a name for the tool's code (event)."),
  }),
  frequency,
  goal: goalSchema.optional().describe('What counts as the prompt working; with a holdout, its uplift is measured.'),
});

const questionBase = {
  id: itemId.describe('Names the question in survey.answered events.'),
  text: z.string().min(1).max(500).describe('The question, plain text.'),
  required: z.boolean().default(false).describe('Whether it must be answered; an optional question left blank records nothing.'),
};

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...questionBase,
    type: z.literal('scale'),
    min: z.number().int().default(1),
    max: z.number().int().default(5),
    minLabel: z.string().max(60).optional(),
    maxLabel: z.string().max(60).optional(),
  }),
  z.strictObject({ ...questionBase, type: z.literal('nps') }),
  z.strictObject({
    ...questionBase,
    type: z.literal('choice'),
    options: z.array(z.string().min(1).max(120)).min(2, 'expected at least two options'),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('multi'),
    options: z.array(z.string().min(1).max(120)).min(2, 'expected at least two options'),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('text'),
    minLength: z.number().int().nonnegative().max(limits.surveyValueMaxLength).optional(),
    maxLength: z.number().int().positive().max(limits.surveyValueMaxLength).optional(),
  }),
  z.strictObject({ ...questionBase, type: z.literal('number'), min: z.number().optional(), max: z.number().optional() }),
]);

export const surveySchema = z.strictObject({
  id: itemId.describe('Names the survey in events and metrics; behavior-check is the 90-day behaviour check.'),
  tools,
  title: z.string().max(120).optional().describe('Heading of the card.'),
  audience,
  trigger,
  questions: z
    .array(questionSchema)
    .min(1, 'expected at least one question')
    .describe('Shown one at a time; each answer is recorded as it is given.'),
  frequency,
});

export type PromptConfig = z.output<typeof promptSchema>;
export type SurveyConfig = z.output<typeof surveySchema>;
export type QuestionConfig = z.output<typeof questionSchema>;
