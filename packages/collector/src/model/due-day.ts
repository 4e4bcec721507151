import { type Adaptive, adaptiveDefaults } from '@uptake/sdk/protocol';
import { daysUntilDue, type HalfLifeModel, predictHalfLife } from './half-life.js';
import { featuresAt, type PersonTimeline } from './observations.js';

/**
 * The day (days since 1970-01-01, UTC) an `adaptive` item falls due for a person: counted from their
 * last usage day (else their training day), the first day their predicted chance of still using AI,
 * p = 2^(−Δ/h), is under `targetRecall`, within `minDays` and `maxDays` of it. Without a fitted model
 * yet, `minDays` after it. Undefined when neither use nor training is known.
 */
export function dueDayOf(person: PersonTimeline, adaptive: Adaptive, model: HalfLifeModel | undefined): number | undefined {
  const from = person.usageDays.at(-1) ?? person.trainedDay;
  if (from === null || from === undefined) return undefined;
  const minDays = adaptive.minDays ?? adaptiveDefaults.minDays;
  const maxDays = adaptive.maxDays ?? adaptiveDefaults.maxDays;
  if (!model) return from + Math.ceil(minDays);
  const halfLife = predictHalfLife(model, featuresAt(person, from));
  return from + daysUntilDue(halfLife, adaptive.targetRecall ?? adaptiveDefaults.targetRecall, Math.ceil(minDays), Math.floor(maxDays));
}
