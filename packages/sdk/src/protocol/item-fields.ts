import { z } from 'zod';
import { audienceSchema } from './audience-schema.js';
import { frequencySchema } from './caps-schema.js';
import { triggerSchema } from './trigger-schema.js';

/** The fields that prompts and surveys share, with their defaults and the words an editor shows for them. */
export const itemFields = {
  tools: z.array(z.string().min(1)).optional().describe('Ids of the tools that show it; every tool when absent.'),
  audience: audienceSchema.default({ sample: 1, holdout: 0 }).describe('Who may see it; everyone when absent.'),
  trigger: triggerSchema.describe('When it is due: every condition given must hold.'),
  frequency: frequencySchema.default({ maxShows: 3, cooldownDays: 3 }).describe('How often one person may see it.'),
};
