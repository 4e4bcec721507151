import { z } from 'zod';
import { instantSchema } from './event-schema.js';

/** A UTC day, `YYYY-MM-DD`. */
const daySchema = z.iso.date({ message: 'expected a day such as 2026-11-22' });

/** What one person has seen of one prompt or survey, and what they did with it. */
export const exposureSchema = z.object({
  shows: z.number().int().nonnegative(),
  lastShown: instantSchema.nullable(),
  /** When the person was first logged as held out (the item's control group); they are never shown it. */
  heldOutAt: instantSchema.nullable(),
  /** "Don't show again" (prompts only): the item is never shown to them again. */
  dismissed: z.boolean(),
  /** The last "Not now" (or a survey closed unanswered): the cooldown runs from it. */
  lastSnoozed: instantSchema.nullable(),
  lastAnswered: instantSchema.nullable(),
  /**
   * Shows since the last answer, when there were any: a recurring survey's next wave counts its
   * `frequency.maxShows` from the answer. Absent until a survey is shown again after an answer.
   */
  showsSinceAnswer: z.number().int().positive().optional(),
  /**
   * An `adaptive` item's day for this person (UTC), from the collector's half-life model: due from
   * that day until shown on or after it. Absent when nothing is known of the person's use or training.
   */
  dueDay: daySchema.optional(),
});

/**
 * A person's history, as `GET /v1/config` sends it for one tool (SPEC "Identity, integrity and
 * roles"): that tool's items, and of other tools only when something was shown, without which item.
 */
export const exposureHistorySchema = z.object({
  prompts: z.record(z.string(), exposureSchema),
  surveys: z.record(z.string(), exposureSchema),
  /** When anything was shown, in any tool, newest first, at most 50: the fatigue caps count these. */
  recentShows: z.array(instantSchema).max(50),
  /** Day of the person's first training completion (`daysSinceTraining`, `spaced`), if any. */
  trainedAt: daySchema.nullable(),
  /** The last UTC day with a usage event on any device (`inactiveDays`), if any. */
  lastUsageDay: daySchema.nullable(),
  /**
   * The person's program and cohort from their first imported training (the cohort prop, else the ISO
   * week of that day), for audience rules: a page cannot set them (SPEC "Facts come from their source").
   */
  program: z.string().nullable(),
  cohort: z.string().nullable(),
});

export type Exposure = z.output<typeof exposureSchema>;
export type ExposureHistory = z.output<typeof exposureHistorySchema>;
