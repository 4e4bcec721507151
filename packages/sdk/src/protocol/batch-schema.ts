import { z } from 'zod';
import { instantSchema } from './event-schema.js';
import { limits } from './limits.js';

/**
 * The envelope of `POST /v1/batch`. Events are checked one by one with `eventSchema` afterwards, so
 * that the valid events of a batch are stored even when others are rejected.
 */
export const batchSchema = z.object({
  writeKey: z.string().min(1, 'expected a write key').max(limits.writeKeyMaxLength, `at most ${limits.writeKeyMaxLength} characters`),
  /** When the SDK sent the batch, by the device clock; used to correct event timestamps. */
  sentAt: instantSchema.optional(),
  /** Proof of the batch's user ids for a tool that verifies identity: user id → userHash (SPEC "Identity verification"). */
  identities: z
    .record(z.string().max(128), z.string().max(128))
    .refine((map) => Object.keys(map).length <= limits.batchMaxEvents, `at most ${limits.batchMaxEvents} identities`)
    .optional(),
  events: z.array(z.unknown()).max(limits.batchMaxEvents, `at most ${limits.batchMaxEvents} events per batch`),
});

export type Batch = z.output<typeof batchSchema>;
