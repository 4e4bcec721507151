import { z } from 'zod';
import { days, positiveInt } from './config-values.js';

/** How often one person may see one prompt or survey. */
export const frequencySchema = z.strictObject({
  maxShows: positiveInt.default(3).describe('Shows per person, ever, across devices. Default 3.'),
  cooldownDays: days.default(3).describe('Days to wait after a show or a "Not now". Default 3.'),
});

/** How many prompts and surveys one person sees at most, all together. */
export const fatigueSchema = z.strictObject({
  perDay: z.number().int().nonnegative().describe('Prompts and surveys shown to one person in the last 24 hours, at most. Default 1.'),
  perWeek: z.number().int().nonnegative().describe('Prompts and surveys shown to one person in the last 7 days, at most. Default 3.'),
});

export type Frequency = z.output<typeof frequencySchema>;
export type Fatigue = z.output<typeof fatigueSchema>;
