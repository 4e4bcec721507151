import { z } from 'zod';
import { share } from './config-values.js';

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
  // Absent means person, kept optional so that every audience written before it stays as it was.
  randomizeBy: z
    .enum(['person', 'team'], { error: 'expected person or team' })
    .optional()
    .describe(
      'What sample and holdout draw: each person (person), or whole teams by their team trait (team), so that colleagues who pass a tip on share an arm; people without a team trait then never see it and are not counted. Default person.',
    ),
});

export type Audience = z.output<typeof audienceSchema>;
