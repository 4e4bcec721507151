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
  events: z.array(z.unknown()).max(limits.batchMaxEvents, `at most ${limits.batchMaxEvents} events per batch`),
});

export type Batch = z.output<typeof batchSchema>;
