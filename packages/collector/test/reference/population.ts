import type { Metrics } from '../../src/metrics/types.js';
import { windowFigures, rate } from './groups.js';
import { activeBetween, type TrainedPerson } from './people.js';

/** The horizons of sustained usage, in days after training. */
export const horizons = [30, 60, 90] as const;

/**
 * `activity`: people active on asOf, in asOf−6…asOf and in asOf−27…asOf; stickiness is the mean of
 * the 28 daily counts over MAU. `people` is everyone, or the filtered trained people.
 */
export function activity(days: Map<string, Set<number>>, asOf: number, people?: readonly string[]): Metrics['activity'] {
  const who = people ?? [...days.keys()];
  const activeIn = (from: number) => who.filter((u) => activeBetween(days, u, from, asOf)).length;
  let userDays = 0;
  for (let d = asOf - 27; d <= asOf; d++) userDays += who.filter((u) => days.get(u)?.has(d)).length;
  const mau = activeIn(asOf - 27);
  return { dau: activeIn(asOf), wau: activeIn(asOf - 6), mau, stickiness: mau === 0 ? null : userDays / 28 / mau, suppressed: false };
}

/** `adoption`: trained people active in asOf−27…asOf over people trained on or before asOf. */
export function adoption(
  trained: readonly TrainedPerson[],
  days: Map<string, Set<number>>,
  asOf: number,
  min: number,
): Metrics['adoption'] {
  if (trained.length < min) return { trained: null, active: null, rate: null, suppressed: true };
  const active = trained.filter((p) => activeBetween(days, p.user, asOf - 27, asOf)).length;
  return { trained: trained.length, active, rate: rate(active, trained.length), suppressed: false };
}

/**
 * Sustained usage at N days: eligible when trainedAt + N ≤ asOf, active with a usage event in
 * trainedAt+N−13 … trainedAt+N (the 14 days ending on day N).
 */
export function sustainedAt(n: number, trained: readonly TrainedPerson[], days: Map<string, Set<number>>, asOf: number) {
  const eligible = trained.filter((p) => p.trainedAt + n <= asOf);
  const active = eligible.filter((p) => activeBetween(days, p.user, p.trainedAt + n - 13, p.trainedAt + n));
  return { eligible: eligible.length, active: active.length };
}

export function sustained(
  trained: readonly TrainedPerson[],
  days: Map<string, Set<number>>,
  asOf: number,
  min: number,
): Metrics['sustained'] {
  const at = (n: number) => {
    const { eligible, active } = sustainedAt(n, trained, days, asOf);
    return windowFigures(eligible, active, min);
  };
  return { d30: at(30), d60: at(60), d90: at(90) };
}
