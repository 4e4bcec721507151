import { type AlwaysValid, alwaysValid, type SequenceOptions } from './confidence-sequence.js';
import { type CupedResult, cuped, type MomentSums } from './cuped.js';
import { adjustedDifference } from './proportions.js';

/** A difference of conversion rates adjusted by CUPED, with the CUPED figures it came from. */
export interface CupedDifference {
  /** The Agresti–Caffo difference less θ times the arms' difference in the covariate's mean. */
  readonly estimate: number;
  /** The Agresti–Caffo variance times (1 − the variance reduction CUPED achieved). */
  readonly variance: number;
  readonly cuped: CupedResult;
  /** The always-valid interval of `estimate`, clipped to [−1, 1]. */
  readonly alwaysValid: AlwaysValid;
}

/**
 * The always-valid interval of a difference of conversion rates with CUPED (Deng et al. 2013):
 * the outcome Y is 0 or 1 (converted), the covariate X anything measured before exposure. It keeps
 * the Agresti–Caffo guard of `alwaysValidDifference` (one success and one failure added to each
 * arm, so a small arm that converted no one does not look certain) and applies CUPED to it: the
 * estimate moves by −θ(X̄t − X̄c) and the variance shrinks by the share CUPED removed from the
 * plain difference's. Null when an arm has fewer than 2 people (CUPED needs a variance in each).
 */
export function alwaysValidCupedDifference(treated: MomentSums, control: MomentSums, options: SequenceOptions): CupedDifference | null {
  if (treated.n < 2 || control.n < 2) return null;
  const result = cuped(treated, control);
  const plain = adjustedDifference({ people: treated.n, converted: treated.y }, { people: control.n, converted: control.y });
  const estimate = plain.estimate - result.theta * (treated.x / treated.n - control.x / control.n);
  const variance = plain.variance * (1 - result.varianceReduction);
  const { interval, pValue } = alwaysValid(estimate, variance, treated.n + control.n, options);
  return {
    estimate,
    variance,
    cuped: result,
    alwaysValid: { interval: [Math.max(-1, interval[0]), Math.min(1, interval[1])], pValue },
  };
}
