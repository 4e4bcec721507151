/**
 * CUPED (Deng, Xu, Kohavi and Walker, "Improving the sensitivity of online controlled experiments by
 * utilizing pre-experiment data", WSDM 2013): each person's outcome Y is adjusted by a covariate X
 * measured before their exposure, Y − θ(X − X̄), with θ = cov(X, Y) / var(X) over both arms. The
 * estimate stays unbiased (X cannot be moved by the prompt) and its variance shrinks by the share
 * ρ² = corr(X, Y)² of Y's variance that X explains.
 *
 * Computed from sums, so a store can hand them over per arm without rows.
 */

/** Per arm: people, and the sums of Y, X, Y², X² and XY over them. */
export interface MomentSums {
  readonly n: number;
  readonly y: number;
  readonly x: number;
  readonly yy: number;
  readonly xx: number;
  readonly xy: number;
}

export interface Estimate {
  /** mean(Y | treated) − mean(Y | control), adjusted or not. */
  readonly estimate: number;
  /** Variance of that estimate. */
  readonly variance: number;
}

export interface CupedResult {
  readonly unadjusted: Estimate;
  readonly adjusted: Estimate;
  readonly theta: number;
  /** 1 − adjusted variance ÷ unadjusted variance: the share of the variance CUPED removed. */
  readonly varianceReduction: number;
}

const add = (a: MomentSums, b: MomentSums): MomentSums => ({
  n: a.n + b.n,
  y: a.y + b.y,
  x: a.x + b.x,
  yy: a.yy + b.yy,
  xx: a.xx + b.xx,
  xy: a.xy + b.xy,
});

/** Sample (n − 1) variances and covariance of one group. */
function moments(s: MomentSums) {
  const k = s.n - 1;
  return {
    varY: (s.yy - (s.y * s.y) / s.n) / k,
    varX: (s.xx - (s.x * s.x) / s.n) / k,
    covXY: (s.xy - (s.x * s.y) / s.n) / k,
  };
}

/** The unadjusted and CUPED-adjusted difference of means of two arms (each of at least 2 people). */
export function cuped(treated: MomentSums, control: MomentSums): CupedResult {
  if (treated.n < 2 || control.n < 2) throw new RangeError('cuped needs at least 2 people in each arm');
  const pooled = moments(add(treated, control));
  const theta = pooled.varX > 0 ? pooled.covXY / pooled.varX : 0;
  const arm = (s: MomentSums) => {
    const m = moments(s);
    return {
      mean: s.y / s.n,
      meanX: s.x / s.n,
      variance: m.varY / s.n,
      adjustedVariance: (m.varY - 2 * theta * m.covXY + theta * theta * m.varX) / s.n,
    };
  };
  const t = arm(treated);
  const c = arm(control);
  const unadjusted = { estimate: t.mean - c.mean, variance: t.variance + c.variance };
  // The pooled mean of X cancels in the difference: −θ(X̄t − X̄) + θ(X̄c − X̄) = −θ(X̄t − X̄c).
  const adjusted = {
    estimate: unadjusted.estimate - theta * (t.meanX - c.meanX),
    variance: t.adjustedVariance + c.adjustedVariance,
  };
  const varianceReduction = unadjusted.variance > 0 ? 1 - adjusted.variance / unadjusted.variance : 0;
  return { unadjusted, adjusted, theta, varianceReduction };
}

/** Sums of a list of (y, x) pairs: for tests and for stores that hand over rows. */
export function momentSums(rows: readonly (readonly [y: number, x: number])[]): MomentSums {
  let y = 0;
  let x = 0;
  let yy = 0;
  let xx = 0;
  let xy = 0;
  for (const [yi, xi] of rows) {
    y += yi;
    x += xi;
    yy += yi * yi;
    xx += xi * xi;
    xy += xi * yi;
  }
  return { n: rows.length, y, x, yy, xx, xy };
}
