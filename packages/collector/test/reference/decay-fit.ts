import type { DecayFit, RetentionCell } from '../../src/metrics/types.js';

/** A week of retention: t = 7k days after training, n eligible, y active. */
export interface Point {
  t: number;
  n: number;
  y: number;
}

/** The points a fit reads: weeks k ≥ 1 that are shown (at least `minGroupSize` eligible). */
export const fitPoints = (retention: readonly RetentionCell[]): Point[] =>
  retention.filter((c) => c.week >= 1 && !c.suppressed).map((c) => ({ t: 7 * c.week, n: c.eligible as number, y: c.active as number }));

/** R(t) = p + (a − p)·e^(−t/τ). */
export const curve = (a: number, p: number, tau: number) => (t: number) => p + (a - p) * Math.exp(-t / tau);

/** Σ y·ln R + (n − y)·ln(1 − R), with 0·ln 0 = 0; −∞ where the curve rules out what was seen. */
export function logLikelihood(points: readonly Point[], a: number, p: number, tau: number): number {
  const r = curve(a, p, tau);
  let ll = 0;
  for (const { t, n, y } of points) {
    const rt = r(t);
    if (y > 0) ll += y * Math.log(rt);
    if (n > y) ll += (n - y) * Math.log(1 - rt);
  }
  return ll;
}

/** Golden-section search for the maximum of a unimodal function on [lo, hi]. */
function maximise(f: (x: number) => number, lo: number, hi: number, iterations = 40): { x: number; value: number } {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < iterations; i++) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  const ends = [lo, hi, c, d].map((x) => ({ x, value: f(x) }));
  return ends.reduce((best, e) => (e.value > best.value ? e : best));
}

/**
 * The maximum likelihood fit. For a fixed τ the curve is linear in (a, p) and the binomial
 * log-likelihood concave in R, so the best (a, p) over 0 ≤ p ≤ a ≤ 1 is found by nested golden
 * sections; τ is searched on a geometric grid from a quarter day to 10⁵ days, then refined.
 */
export function maximumLikelihood(points: readonly Point[]): { a: number; p: number; tau: number; ll: number } {
  const clamped = (x: number) => Math.min(1 - 1e-12, Math.max(1e-12, x));
  const ll = (a: number, p: number, tau: number) => logLikelihood(points, clamped(a), clamped(p), tau);
  const atTau = (tau: number) => {
    const bestP = (a: number) => maximise((p) => ll(a, p, tau), 0, a);
    const a = maximise((x) => bestP(x).value, 0, 1).x;
    const inner = bestP(a);
    return { a, p: inner.x, tau, ll: inner.value };
  };
  const grid: number[] = [];
  for (let tau = 0.25; tau <= 1e5; tau *= 1.35) grid.push(tau);
  const fits = grid.map(atTau);
  const i = fits.reduce((b, f, j) => (f.ll > (fits[b] as typeof f).ll ? j : b), 0);
  const lo = Math.log(grid[Math.max(0, i - 1)] as number);
  const hi = Math.log(grid[Math.min(grid.length - 1, i + 1)] as number);
  const refined = atTau(Math.exp(maximise((x) => atTau(Math.exp(x)).ll, lo, hi, 24).x));
  return refined.ll >= (fits[i] as typeof refined).ll ? refined : (fits[i] as typeof refined);
}

/** r² of a curve, each week weighted by its eligible people; null when every week has the same rate. */
export function weightedR2(points: readonly Point[], r: (t: number) => number): number | null {
  const total = points.reduce((s, pt) => s + pt.n, 0);
  const mean = points.reduce((s, pt) => s + pt.y, 0) / total;
  const residual = points.reduce((s, pt) => s + pt.n * (pt.y / pt.n - r(pt.t)) ** 2, 0);
  const variance = points.reduce((s, pt) => s + pt.n * (pt.y / pt.n - mean) ** 2, 0);
  return variance > 0 ? 1 - residual / variance : null;
}

/**
 * The decay fit of docs/analysts.md: over weeks k ≥ 1 with at least `minGroupSize` eligible,
 * `insufficient-data` under 3 points, `flat` when a ≈ p (no half-life).
 */
export function decayFit(retention: readonly RetentionCell[]): DecayFit {
  const points = fitPoints(retention);
  if (points.length < 3)
    return { status: 'insufficient-data', points: points.length, initial: null, plateau: null, halfLifeDays: null, r2: null };
  const { a, p, tau } = maximumLikelihood(points);
  const flat = a - p < 1e-3;
  return {
    status: flat ? 'flat' : 'ok',
    points: points.length,
    initial: a,
    plateau: p,
    halfLifeDays: flat ? null : tau * Math.LN2,
    r2: weightedR2(points, curve(a, p, tau)),
  };
}
