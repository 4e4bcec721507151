import { z } from 'zod';
import { fatigueSchema } from './caps-schema.js';
import { exposureHistorySchema } from './exposure-schema.js';
import { promptSchema } from './prompt-schema.js';
import { surveySchema } from './survey-schema.js';

/**
 * The answer of `GET /v1/config?tool=&writeKey=&userId=`: the tool's prompts and surveys as the
 * config declares them (defaults filled in), the fatigue caps, and the person's exposure history
 * across devices (`null` when no `userId` was given).
 */
export const configAnswerSchema = z.object({
  tool: z.string(),
  fatigue: fatigueSchema,
  prompts: z.array(promptSchema),
  surveys: z.array(surveySchema),
  history: exposureHistorySchema.nullable(),
});

export type ConfigAnswer = z.output<typeof configAnswerSchema>;
