import { z } from 'zod';
import { limits } from './limits.js';

const propValue = z.union([z.string(), z.number().finite(), z.boolean(), z.null()]);

/** An ISO-8601 instant with a zone (`Z` or `±hh:mm`), as the SDK's `Date.toISOString()` writes it. */
export const instantSchema = z.iso.datetime({ offset: true, message: 'expected an ISO-8601 instant such as 2026-11-22T10:00:01.004Z' });

// One regex rather than length checks plus a refinement: keys are checked for every event of every batch.
const propKey = z
  .string()
  .regex(
    new RegExp(`^(?!(?:${limits.forbiddenPropKeys.join('|')})$)[\\s\\S]{1,${limits.propKeyMaxLength}}$`),
    `keys must be 1–${limits.propKeyMaxLength} characters and not ${limits.forbiddenPropKeys.join(', ')}`,
  );

const propsSchema = z
  .record(propKey, propValue)
  .optional()
  .default({})
  .superRefine((props, ctx) => {
    const keys = Object.keys(props);
    if (keys.length > limits.propsMaxKeys) {
      ctx.addIssue({ code: 'custom', message: `at most ${limits.propsMaxKeys} keys, got ${keys.length}` });
    }
  });

/** One behavioural event as it travels on the wire. Unknown top-level fields are dropped, not stored. */
export const eventSchema = z
  .object({
    id: z.string().regex(limits.idPattern, `expected 8–64 characters of A-Z a-z 0-9 _ -`),
    name: z
      .string()
      .min(1, 'expected a name')
      .max(limits.nameMaxLength, `at most ${limits.nameMaxLength} characters`)
      .regex(limits.namePattern, 'expected lowercase dotted words such as ai.output_accepted'),
    ts: instantSchema,
    userId: z.string().min(1).max(limits.userIdMaxLength, `at most ${limits.userIdMaxLength} characters`).optional(),
    anonymousId: z.string().min(1).max(limits.userIdMaxLength, `at most ${limits.userIdMaxLength} characters`).optional(),
    sessionId: z.string().min(1).max(limits.userIdMaxLength, `at most ${limits.userIdMaxLength} characters`).optional(),
    tool: z.string().min(1, 'expected a tool id').max(limits.toolMaxLength, `at most ${limits.toolMaxLength} characters`),
    props: propsSchema,
  })
  .superRefine((event, ctx) => {
    if (event.userId === undefined && event.anonymousId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'expected userId or anonymousId' });
    }
    for (const [key, value] of Object.entries(event.props)) {
      const max = event.name === 'survey.answered' && key === 'value' ? limits.surveyValueMaxLength : limits.propStringMaxLength;
      if (typeof value === 'string' && value.length > max) {
        ctx.addIssue({ code: 'custom', path: ['props', key], message: `at most ${max} characters, got ${value.length}` });
      }
    }
  });

export type WireEvent = z.output<typeof eventSchema>;
export type WireEventInput = z.input<typeof eventSchema>;
export type PropValue = z.output<typeof propValue>;
