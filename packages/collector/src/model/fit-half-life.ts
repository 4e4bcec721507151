import type { HalfLifeModel } from './half-life.js';

/** One observation: features at a reference day, a lag Δ in days, and whether the person used it then. */
export interface Observation {
  readonly x: readonly number[];
  readonly days: number;
  readonly used: boolean;
}

export interface FitOptions {
  /** L2 penalty on θ (not the bias), per observation. */
  readonly l2?: number;
  /** At most this many Newton passes over the data (it stops when the loss no longer falls). */
  readonly iterations?: number;
}

/**
 * −log-likelihood of one observation and its first and second derivatives with respect to
 * s = θ·x. With u = Δ·ln 2 / 2^s and p = e^(−u): loss = y·u − (1 − y)·ln(1 − p). Written through
 * g(u) = u/(eᵘ − 1) = u·p/(1 − p), so nothing blows up when p is near 1 (g → 1) or u is large.
 * The loss is convex in s, hence in θ: Newton's method converges from anywhere.
 */
export function observationLoss(s: number, days: number, used: boolean): { loss: number; slope: number; curvature: number } {
  const u = (days * Math.LN2) / 2 ** s;
  const ln2Squared = Math.LN2 * Math.LN2;
  if (used) return { loss: u, slope: -Math.LN2 * u, curvature: ln2Squared * u };
  const em1 = Math.expm1(u);
  const g = u < 1e-8 ? 1 - u / 2 : u / em1;
  // g'(u) = (eᵘ − 1 − u·eᵘ)/(eᵘ − 1)², by its series near 0 and its tail for large u.
  const gPrime = u < 1e-4 ? -0.5 + u / 6 : u > 50 ? (1 - u) * Math.exp(-u) : (em1 - u * (em1 + 1)) / (em1 * em1);
  const oneMinusP = -Math.expm1(-u);
  return { loss: -Math.log(Math.max(oneMinusP, 1e-300)), slope: Math.LN2 * g, curvature: -ln2Squared * u * gPrime };
}

function featureScale(observations: readonly Observation[], width: number) {
  return Array.from({ length: width }, (_, i) => {
    const values = observations.map((o) => o.x[i]!);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
    return { mean, sd: Math.sqrt(variance) || 1 };
  });
}

/** Solves A·x = b (A symmetric positive definite, small) by Gaussian elimination with pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = col + 1; r < n; r++) {
      const factor = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!;
    for (let c = r + 1; c < n; c++) sum -= m[r]![c]! * x[c]!;
    x[r] = sum / m[r]![r]!;
  }
  return x;
}

/**
 * Fits θ by maximum likelihood of the yes/no outcomes with a small L2 penalty on the features'
 * weights (Settles and Meeder fit squared errors of observed recall rates; with one yes/no per
 * observation the likelihood is the natural loss). Features are standardized first; Newton's
 * method with step halving from θ = 0 and the bias at the median lag, so the same data always
 * gives the same model, in a few passes over it.
 */
export function fitHalfLife(
  features: readonly string[],
  observations: readonly Observation[],
  options: FitOptions = {},
): HalfLifeModel & { loss: number } {
  if (observations.length === 0) throw new RangeError('fitHalfLife needs observations');
  const width = features.length + 1;
  const scale = featureScale(observations, features.length);
  const rows = observations.map((o) => ({ z: [1, ...o.x.map((v, i) => (v - scale[i]!.mean) / scale[i]!.sd)], days: o.days, used: o.used }));
  const n = rows.length;
  const l2 = options.l2 ?? 1e-4;
  const penalty = (theta: readonly number[]) => theta.reduce((sum, t, i) => sum + (i > 0 ? l2 * t * t : 0), 0);
  const exponent = (theta: readonly number[], z: readonly number[]) => z.reduce((sum, zi, i) => sum + theta[i]! * zi, 0);
  const meanLoss = (theta: readonly number[]) =>
    rows.reduce((sum, r) => sum + observationLoss(exponent(theta, r.z), r.days, r.used).loss, 0) / n + penalty(theta);
  const lags = observations.map((o) => o.days).sort((a, b) => a - b);
  let theta = new Array<number>(width).fill(0);
  theta[0] = Math.log2(Math.max(1, lags[Math.floor(lags.length / 2)]!));
  let loss = meanLoss(theta);
  for (let pass = 0; pass < (options.iterations ?? 50); pass++) {
    const gradient = new Array<number>(width).fill(0);
    const hessian = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    for (const row of rows) {
      const { slope, curvature } = observationLoss(exponent(theta, row.z), row.days, row.used);
      for (let i = 0; i < width; i++) {
        gradient[i] += (slope * row.z[i]!) / n;
        for (let j = 0; j <= i; j++) hessian[i]![j] += (curvature * row.z[i]! * row.z[j]!) / n;
      }
    }
    for (let i = 0; i < width; i++) {
      for (let j = 0; j < i; j++) hessian[j]![i] = hessian[i]![j]!;
      if (i > 0) {
        gradient[i] += 2 * l2 * theta[i]!;
        hessian[i]![i] += 2 * l2;
      }
      hessian[i]![i] += 1e-12;
    }
    const step = solve(hessian, gradient);
    let size = 1;
    let next = theta.map((t, i) => t - step[i]!);
    let nextLoss = meanLoss(next);
    while (nextLoss > loss && size > 1e-6) {
      size /= 2;
      next = theta.map((t, i) => t - size * step[i]!);
      nextLoss = meanLoss(next);
    }
    const improvement = loss - nextLoss;
    if (nextLoss <= loss) {
      theta = next;
      loss = nextLoss;
    }
    if (!(improvement > 1e-12)) break;
  }
  return { features, theta, scale, loss };
}

/** θ in the features' own units: θᵢ / sdᵢ, and the bias without the means' shift. */
export function unscaledTheta(model: HalfLifeModel): number[] {
  const perFeature = model.scale.map(({ sd }, i) => model.theta[i + 1]! / sd);
  const bias = model.theta[0]! - model.scale.reduce((sum, { mean }, i) => sum + perFeature[i]! * mean, 0);
  return [bias, ...perFeature];
}
