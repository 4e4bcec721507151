import type { Window } from '../../src/metrics/types.js';

/** A rate: null where the denominator is 0. */
export const rate = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

/** Eligible and active people of a window; fewer than `min` eligible: every figure null. */
export function windowFigures(eligible: number, active: number, min: number): Window {
  return eligible < min
    ? { eligible: null, active: null, rate: null, suppressed: true }
    : { eligible, active, rate: rate(active, eligible), suppressed: false };
}
