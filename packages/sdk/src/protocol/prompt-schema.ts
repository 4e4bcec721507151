import { z } from 'zod';
import { eventNameSchema, itemIdSchema, positive } from './config-values.js';
import { itemFields } from './item-fields.js';

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

/** What counts as the prompt working: a goal event within `withinDays` after exposure. */
const goalSchema = z.strictObject({
  event: eventNameSchema.describe('The event that means the prompt worked, e.g. ai.feature_used.'),
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

/** What the prompt's test is planned on: the power plan in the studio, `/v1/metrics` and `uptake report`. */
const planSchema = z.strictObject({
  minimumDetectableEffect: z
    .number({ error: 'expected a share of one above 0 and below 1, e.g. 0.05' })
    .gt(0, 'expected a share of one above 0 and below 1, e.g. 0.05')
    .lt(1, 'expected a share of one above 0 and below 1, e.g. 0.05')
    .describe('The smallest uplift worth detecting, in points of conversion as a share of one (0.05 = five points). Default 0.05.'),
});

/** A contextual tip: a card with a title, a sentence or two and an optional button. */
export const promptSchema = z.strictObject({
  id: itemIdSchema.describe('Names the prompt in events and metrics; a new id is a new prompt.'),
  tools: itemFields.tools,
  audience: itemFields.audience,
  trigger: itemFields.trigger,
  content: z.strictObject({
    title: z.string().min(1).max(120).describe('Heading of the card, plain text; a few words.'),
    body: z.string().max(1000).default('').describe('One or two sentences, plain text.'),
    action: actionSchema.optional().describe("The card's main button: a link (href) or a name for the tool's code (event)."),
  }),
  frequency: itemFields.frequency,
  goal: goalSchema.optional().describe('What counts as the prompt working; with a holdout, its uplift is measured.'),
  plan: planSchema
    .optional()
    .describe('The uplift the test should be able to detect: how many exposures and days it needs is computed from it.'),
});

export type PromptConfig = z.output<typeof promptSchema>;
