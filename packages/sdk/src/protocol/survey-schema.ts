import { z } from 'zod';
import { itemIdSchema } from './config-values.js';
import { itemFields } from './item-fields.js';
import { limits } from './limits.js';

const questionBase = {
  id: itemIdSchema.describe('Names the question in survey.answered events.'),
  text: z.string().min(1).max(500).describe('The question, plain text.'),
  required: z.boolean().default(false).describe('Whether it must be answered; an optional question left blank records nothing.'),
};

/**
 * Refuses a range whose lower end is not below its upper end (`strict`) or is above it, naming the
 * upper end's field: such a question could never be answered.
 */
const ordered =
  (low: string, high: string, strict: boolean) =>
  (q: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const [a, b] = [q[low], q[high]];
    if (typeof a !== 'number' || typeof b !== 'number' || (strict ? a < b : a <= b)) return;
    ctx.addIssue({ code: 'custom', path: [high], message: `expected ${strict ? 'more than' : 'at least'} ${low} (${a}); ${high} is ${b}` });
  };

/** One question of a survey, by `type`: what `<uptake-pulse>` shows and how it checks the answer. */
export const questionSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      ...questionBase,
      type: z.literal('scale'),
      min: z.number().int().default(1),
      max: z.number().int().default(5),
      minLabel: z.string().max(60).optional(),
      maxLabel: z.string().max(60).optional(),
    })
    .superRefine(ordered('min', 'max', true)),
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
  z
    .strictObject({
      ...questionBase,
      type: z.literal('text'),
      minLength: z.number().int().nonnegative().max(limits.surveyValueMaxLength).optional(),
      maxLength: z.number().int().positive().max(limits.surveyValueMaxLength).optional(),
    })
    .superRefine(ordered('minLength', 'maxLength', false)),
  z
    .strictObject({
      ...questionBase,
      type: z.literal('number'),
      min: z.number().optional(),
      max: z.number().optional(),
      measures: z
        .literal('minutesSaved', { error: 'expected "minutesSaved" (the answer is minutes AI saved last week)' })
        .optional()
        .describe('"minutesSaved": the answer is minutes AI saved the person last week, reported as time saved (docs/analysts.md).'),
    })
    .superRefine(ordered('min', 'max', false)),
]);

/** Whole days from 1 to about two years: a wave further apart than that follows no one's confidence. */
const everyDays = z
  .number({ error: 'expected a whole number of days from 1 to 730' })
  .int('expected a whole number of days from 1 to 730')
  .min(1, 'expected a whole number of days from 1 to 730')
  .max(730, 'expected a whole number of days from 1 to 730');

/**
 * A survey asked again and again (a person's n-th answer is wave n): after an answer it is offered
 * anew `everyDays` later, under every other rule as for a first offer.
 */
export const recurrenceSchema = z.strictObject({
  everyDays: everyDays.describe('Days from the last answer to the next offer, 1–730.'),
});

/** A pulse survey: questions shown one at a time, each answer recorded as it is given. */
export const surveySchema = z
  .strictObject({
    id: itemIdSchema.describe('Names the survey in events and metrics; behavior-check is the 90-day behaviour check.'),
    tools: itemFields.tools,
    title: z.string().max(120).optional().describe('Heading of the card.'),
    audience: itemFields.audience,
    trigger: itemFields.trigger,
    questions: z
      .array(questionSchema)
      .min(1, 'expected at least one question')
      .describe('Shown one at a time; each answer is recorded as it is given.'),
    frequency: itemFields.frequency,
    recurrence: recurrenceSchema
      .optional()
      .describe(
        'Offers the survey again everyDays after the person last answered it; once answered it is never offered again when absent.',
      ),
  })
  // Answers are recorded by question id: two questions with one id could not be told apart.
  .superRefine((survey, ctx) => {
    const ids = new Set<string>();
    survey.questions.forEach((q, j) => {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', j, 'id'], message: `"${q.id}" is used twice in this survey` });
      ids.add(q.id);
    });
  });

export type SurveyConfig = z.output<typeof surveySchema>;
export type Recurrence = z.output<typeof recurrenceSchema>;
export type QuestionConfig = z.output<typeof questionSchema>;
