import { z } from 'zod';

/** An event of a batch that was not stored, by its index in the batch, with what is wrong in words. */
export const rejectionSchema = z.object({ index: z.number().int().nonnegative(), id: z.string().optional(), error: z.string() });

/** The `200` answer of `POST /v1/batch`: the valid events are stored even when others are rejected. */
export const batchAnswerSchema = z.object({
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  rejected: z.array(rejectionSchema),
  /** What was stored of a valid event only in part (an `identify`'s `program` or `cohort` from a page), in words; absent when nothing. */
  warnings: z.array(z.string()).optional(),
});

export type Rejection = z.output<typeof rejectionSchema>;
export type BatchAnswer = z.output<typeof batchAnswerSchema>;
