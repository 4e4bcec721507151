import { z } from 'zod';
import { limits } from './limits.js';

/** An event name as the wire protocol allows it. */
export const eventNameSchema = z
  .string()
  .regex(limits.namePattern, 'expected an event name such as ai.output_rejected')
  .max(limits.nameMaxLength);

/** A prompt or survey id: lowercase words joined by dashes, as it appears in events and URLs. */
export const itemIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected 1–64 characters of a-z 0-9 _ - such as critique-tip');

export const positive = z.number({ error: 'expected a positive number' }).positive('expected a positive number');
export const positiveInt = z
  .number({ error: 'expected a positive whole number' })
  .int('expected a positive whole number')
  .positive('expected a positive whole number');
export const days = z.number({ error: 'expected a number of days ≥ 0' }).nonnegative('expected a number of days ≥ 0');
export const share = z
  .number({ error: 'expected a share from 0 to 1' })
  .min(0, 'expected a share from 0 to 1')
  .max(1, 'expected a share from 0 to 1');
