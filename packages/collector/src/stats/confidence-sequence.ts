/**
 * Always-valid intervals: an asymptotic confidence sequence (Waudby-Smith, Arbour, Sinha, Kennedy
 * and Ramdas, "Time-uniform central limit theory and asymptotic confidence sequences", Annals of
 * Statistics 2024, the two-sided normal-mixture boundary of their Theorem 2.2; the method
 * GrowthBook's sequential testing uses). With probability 1 − α the interval covers the true value
 * at every look at once, so a product owner may look every day and stop when it clears zero.
 *
 * After n units whose estimator has variance V, with σ² = n·V the variance of one unit:
 *
 *   estimate ± σ · √( 2(nρ² + 1) / (n²ρ²) · ln( √(nρ² + 1) / α ) )
 *
 * ρ is a tuning constant: `mixingRho` picks the one that makes the boundary tightest at `tuning`
 * units. Wider than the fixed-horizon interval at every n; the price of looking as often as one likes.
 */

export interface SequenceOptions {
  /** Error rate over all looks together (0.05: 95%). */
  readonly alpha: number;
  /** The number of units at which the interval is made tightest. */
  readonly tuning: number;
}

export interface AlwaysValid {
  readonly interval: readonly [number, number];
  /** The smallest α at which the sequence (same ρ) would exclude zero now. */
  readonly pValue: number;
}

/** ρ² = (−2 ln α + ln(−2 ln α + 1)) / tuning: the boundary is tightest at `tuning` units. */
export function mixingRho({ alpha, tuning }: SequenceOptions): number {
  const l = -2 * Math.log(alpha);
  return Math.sqrt((l + Math.log(l + 1)) / tuning);
}

/** Half-width after n units whose estimator has variance `estimatorVariance`. */
export function sequenceHalfWidth(estimatorVariance: number, n: number, options: SequenceOptions): number {
  const rho2 = mixingRho(options) ** 2;
  const sigma2 = n * estimatorVariance;
  return Math.sqrt(sigma2 * ((2 * (n * rho2 + 1)) / (n * n * rho2)) * Math.log(Math.sqrt(n * rho2 + 1) / options.alpha));
}

/**
 * The always-valid interval of an estimate and its p-value: solving the half-width for α at the
 * design's ρ, p = √(nρ² + 1) · exp(−Δ²n²ρ² / (2σ²(nρ² + 1))), so p < α exactly when the interval
 * excludes zero.
 */
export function alwaysValid(estimate: number, estimatorVariance: number, n: number, options: SequenceOptions): AlwaysValid {
  if (!(estimatorVariance > 0) || !(n > 0)) return { interval: [-Infinity, Infinity], pValue: 1 };
  const half = sequenceHalfWidth(estimatorVariance, n, options);
  const rho2 = mixingRho(options) ** 2;
  const sigma2 = n * estimatorVariance;
  const pValue = Math.min(1, Math.sqrt(n * rho2 + 1) * Math.exp(-(estimate ** 2 * n * n * rho2) / (2 * sigma2 * (n * rho2 + 1))));
  return { interval: [estimate - half, estimate + half], pValue };
}
