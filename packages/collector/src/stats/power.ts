import { type SequenceOptions, sequenceHalfWidth } from './confidence-sequence.js';
import { normalQuantile } from './normal.js';

/** What a prompt's test is planned on. */
export interface PowerPlan {
  /** The goal's conversion without the prompt (the control arm's expected rate), 0…1. */
  readonly baseline: number;
  /** The smallest uplift worth detecting, in absolute points (0.05 = five points). */
  readonly minimumEffect: number;
  /** Share of exposures held out, 0…1 (the audience's `holdout`). */
  readonly holdout: number;
  /** Two-sided error rate (0.05). */
  readonly alpha: number;
  /** Chance of detecting the minimum effect when it is there (0.8). */
  readonly power: number;
}

/**
 * Variance of one exposure's contribution to conv(treated) − conv(control) when a share `holdout`
 * of N exposures is the control: Var = s²/N with s² = p₁(1 − p₁)/(1 − h) + p₀(1 − p₀)/h.
 */
function unitVariance({ baseline, minimumEffect, holdout }: PowerPlan): number {
  const p1 = Math.min(1, Math.max(0, baseline + minimumEffect));
  return (p1 * (1 - p1)) / (1 - holdout) + (baseline * (1 - baseline)) / holdout;
}

function checkPlan(plan: PowerPlan): void {
  const problems = [
    !(plan.baseline >= 0 && plan.baseline < 1) && 'baseline must be in [0, 1)',
    !(plan.minimumEffect !== 0 && Math.abs(plan.minimumEffect) < 1) && 'minimumEffect must be a non-zero share of one',
    !(plan.holdout > 0 && plan.holdout < 1) && 'holdout must be between 0 and 1',
    !(plan.alpha > 0 && plan.alpha < 1) && 'alpha must be between 0 and 1',
    !(plan.power > 0 && plan.power < 1) && 'power must be between 0 and 1',
  ].filter(Boolean);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
}

/**
 * Exposures (both arms) a fixed-horizon test needs, looked at once:
 * N = (z₁₋α/₂ + z_power)² · s² / δ² (normal approximation, each arm's own variance).
 */
export function fixedHorizonExposures(plan: PowerPlan): number {
  checkPlan(plan);
  const z = normalQuantile(1 - plan.alpha / 2) + normalQuantile(plan.power);
  return Math.ceil((z * z * unitVariance(plan)) / plan.minimumEffect ** 2);
}

/**
 * Exposures the always-valid interval needs: the smallest N at which an estimate drawn around the
 * minimum effect clears the sequence's half-width with probability `power`, i.e.
 * halfWidth(N) + z_power · s/√N ≤ |δ|. It ignores the chance of clearing earlier, so it errs long.
 */
export function alwaysValidExposures(plan: PowerPlan, tuning: number): number {
  checkPlan(plan);
  const s2 = unitVariance(plan);
  const options: SequenceOptions = { alpha: plan.alpha, tuning };
  const zPower = normalQuantile(plan.power);
  const enough = (n: number) => sequenceHalfWidth(s2 / n, n, options) + zPower * Math.sqrt(s2 / n) <= Math.abs(plan.minimumEffect);
  let high = Math.max(2, fixedHorizonExposures(plan));
  while (!enough(high)) high *= 2;
  let low = Math.floor(high / 2);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (enough(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** Whole days to reach `needed` exposures at a recent rate, or null when nobody is reached. */
export function daysToReach(needed: number, reached: number, exposuresPerDay: number): number | null {
  if (reached >= needed) return 0;
  if (!(exposuresPerDay > 0)) return null;
  return Math.ceil((needed - reached) / exposuresPerDay);
}
