import { z } from 'zod';
import { instantSchema, limits } from '@uptake/sdk/protocol';
import { earliestTs, wellFormed } from '../ingest/storable-text.js';

/** Columns of a training file: the first three required, the others optional; order is free. */
export const trainingColumns = { required: ['user_id', 'completed_at', 'program'], optional: ['cohort', 'role', 'team'] } as const;

export type TrainingColumn = (typeof trainingColumns.required)[number] | (typeof trainingColumns.optional)[number];

/** One training completion, validated. */
export interface TrainingRow {
  userId: string;
  completedAt: Date;
  program: string;
  cohort?: string;
  role?: string;
  team?: string;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day `YYYY-MM-DD` (midnight UTC) or an ISO-8601 instant with a zone; undefined otherwise. */
function parseCompletedAt(value: string): Date | undefined {
  if (dayPattern.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    // Date rolls 2026-02-30 over to March; a day that does not round-trip does not exist.
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value ? day : undefined;
  }
  return instantSchema.safeParse(value).success ? new Date(value) : undefined;
}

// Text the stores can hold (see ingest/storable-text.ts): no NUL, no unpaired surrogate.
const noNul = (v: string) => !v.includes('\u0000');
const nulMessage = 'contains a NUL character (U+0000)';

const required = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `expected ${what}, got an empty cell`)
    .max(max, `at most ${max} characters`)
    .refine(noNul, nulMessage)
    .transform(wellFormed);

const optional = z
  .string()
  .trim()
  .max(limits.propStringMaxLength, `at most ${limits.propStringMaxLength} characters`)
  .refine(noNul, nulMessage)
  .optional()
  .transform((v) => (v ? wellFormed(v) : undefined));

/**
 * A training row as it comes from a CSV file or a `POST /v1/import/training` body: strings keyed by
 * column name. An empty optional cell means the value is absent. The same checks serve both edges.
 */
export const trainingRowSchema = z
  .strictObject({
    user_id: required('a user id', limits.userIdMaxLength),
    completed_at: z
      .string()
      .trim()
      .transform((value, ctx) => {
        const date = parseCompletedAt(value);
        if (!date) {
          ctx.addIssue({ code: 'custom', message: `expected a date YYYY-MM-DD or an ISO-8601 instant, got "${value.slice(0, 40)}"` });
          return z.NEVER;
        }
        if (date.getTime() < earliestTs) {
          ctx.addIssue({ code: 'custom', message: `${value} is before the year 1` });
          return z.NEVER;
        }
        if (date.getTime() > Date.now() + limits.maxFutureMs) {
          ctx.addIssue({ code: 'custom', message: `${value} is in the future` });
          return z.NEVER;
        }
        return date;
      }),
    program: required('a program', limits.propStringMaxLength),
    cohort: optional,
    role: optional,
    team: optional,
  })
  .transform(
    (r): TrainingRow => ({
      userId: r.user_id,
      completedAt: r.completed_at,
      program: r.program,
      ...(r.cohort === undefined ? {} : { cohort: r.cohort }),
      ...(r.role === undefined ? {} : { role: r.role }),
      ...(r.team === undefined ? {} : { team: r.team }),
    }),
  );

/** A training row before validation: cells by column name. */
export type TrainingRecord = Partial<Record<TrainingColumn, string>>;
