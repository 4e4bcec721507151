import { nelderMead } from './nelder-mead.js';
import type { DecayFit } from './types.js';

/** A week of a cohort: t days after training, n eligible, y active. */
export interface RetentionPoint {
  t: number;
  n: number;
  y: number;
}

const minPoints = 3;
/** Below this gap between initial and plateau the curve is flat: it has no half-life. */
const flatGap = 1e-3;
const maxTau = 3650;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));
const clampOpen = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));

/** R(t) = p + (a − p)·e^(−t/τ). */
export const decayCurve = (a: number, p: number, tau: number) => (t: number) => p + (a - p) * Math.exp(-t / tau);

/**
 * Fits R(t) = p + (a − p)·e^(−t/τ) to retention points by binomial maximum likelihood
 * (maximise Σ y·ln R + (n − y)·ln(1 − R)) with 0 ≤ p ≤ a ≤ 1 and τ > 0. The constraints hold by
 * construction: a = σ(α), p = a·σ(β), τ = e^γ, searched by Nelder–Mead from several starts.
 * Needs 3 points; a curve that does not decay reports `flat` and no half-life. Never NaN.
 */
export function fitDecay(points: RetentionPoint[]): DecayFit {
  const usable = points.filter((pt) => pt.n > 0);
  if (usable.length < minPoints)
    return { status: 'insufficient-data', points: usable.length, initial: null, plateau: null, halfLifeDays: null, r2: null };
  const totalN = usable.reduce((s, pt) => s + pt.n, 0);
  const mean = usable.reduce((s, pt) => s + pt.y, 0) / totalN;

  // Everyone or no one active in every week: the maximum likelihood is at the boundary, R ≡ 1 or 0.
  if (usable.every((pt) => pt.y === pt.n) || usable.every((pt) => pt.y === 0)) {
    const level = mean;
    return { status: 'flat', points: usable.length, initial: level, plateau: level, halfLifeDays: null, r2: null };
  }

  const negLogLikelihood = ([alpha, beta, gamma]: number[]) => {
    const a = sigmoid(alpha!);
    const p = a * sigmoid(beta!);
    const tau = Math.min(maxTau, Math.exp(gamma!));
    let ll = 0;
    for (const pt of usable) {
      const r = clampOpen(p + (a - p) * Math.exp(-pt.t / tau));
      ll += pt.y * Math.log(r) + (pt.n - pt.y) * Math.log(1 - r);
    }
    return -ll;
  };

  const rates = usable.map((pt) => pt.y / pt.n);
  // Starts from the early weeks' level, and from the highest week's: when no one was active in the
  // first weeks, a start near a = 0 is a flat valley the search never leaves, though a curve that
  // rises to a later week's level and decays explains the data better.
  const firsts = [...new Set([clampOpen(Math.max(...rates.slice(0, 2))), clampOpen(Math.max(...rates))])];
  let best = { x: [0, 0, 0], value: Number.POSITIVE_INFINITY };
  for (const first of firsts) {
    const last = clampOpen(Math.min(rates[rates.length - 1]!, first * 0.99));
    for (const tau of [3, 10, 30, 100, 400]) {
      const start = [logit(first), logit(clampOpen(last / first)), Math.log(tau)];
      let result = nelderMead(negLogLikelihood, start);
      result = nelderMead(negLogLikelihood, result.x, { step: 0.05 });
      if (result.value < best.value) best = result;
    }
  }
  const [alpha, beta, gamma] = best.x as [number, number, number];
  const a = sigmoid(alpha);
  const p = a * sigmoid(beta);
  const tau = Math.min(maxTau, Math.exp(gamma));
  const curve = decayCurve(a, p, tau);
  const residual = usable.reduce((s, pt) => s + pt.n * (pt.y / pt.n - curve(pt.t)) ** 2, 0);
  const variance = usable.reduce((s, pt) => s + pt.n * (pt.y / pt.n - mean) ** 2, 0);
  const r2 = variance > 0 ? 1 - residual / variance : null;
  const flat = a - p < flatGap;
  return {
    status: flat ? 'flat' : 'ok',
    points: usable.length,
    initial: a,
    plateau: p,
    halfLifeDays: flat ? null : tau * Math.LN2,
    r2,
  };
}
