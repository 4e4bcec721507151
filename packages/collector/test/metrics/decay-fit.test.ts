import { describe, expect, it } from 'vitest';
import { decayCurve, fitDecay, type RetentionPoint } from '../../src/metrics/decay-fit.js';

/** Points exactly on a curve: weeks 1…weeks, `n` eligible each, active = round(n·R(7k)). */
function exact(a: number, p: number, tau: number, n = 1_000_000, weeks = 20): RetentionPoint[] {
  const r = decayCurve(a, p, tau);
  return Array.from({ length: weeks }, (_, i) => ({ t: 7 * (i + 1), n, y: Math.round(n * r(7 * (i + 1))) }));
}

const within2 = (actual: number | null, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected) / expected).toBeLessThan(0.02);
};

describe('decay fit by binomial maximum likelihood', () => {
  it.each([
    { a: 0.87, p: 0.11, tau: 20 },
    { a: 0.6, p: 0.35, tau: 45 },
    { a: 0.95, p: 0.05, tau: 8 },
    { a: 0.7, p: 0.5, tau: 120 },
  ])('recovers a=$a, p=$p, τ=$tau within 2%', ({ a, p, tau }) => {
    const fit = fitDecay(exact(a, p, tau));
    expect(fit.status).toBe('ok');
    within2(fit.initial, a);
    within2(fit.plateau, p);
    within2(fit.halfLifeDays, tau * Math.LN2);
    expect(fit.r2).toBeGreaterThan(0.999);
  });

  it('needs three points', () => {
    expect(fitDecay(exact(0.8, 0.2, 10, 100, 2))).toEqual({
      status: 'insufficient-data',
      points: 2,
      initial: null,
      plateau: null,
      halfLifeDays: null,
      r2: null,
    });
    expect(fitDecay([])).toMatchObject({ status: 'insufficient-data', points: 0 });
  });

  it('everyone active: flat at 1, no half-life, no NaN', () => {
    const fit = fitDecay([1, 2, 3, 4].map((k) => ({ t: 7 * k, n: 50, y: 50 })));
    expect(fit).toEqual({ status: 'flat', points: 4, initial: 1, plateau: 1, halfLifeDays: null, r2: null });
  });

  it('no one active: flat at 0, no half-life, no NaN', () => {
    const fit = fitDecay([1, 2, 3].map((k) => ({ t: 7 * k, n: 50, y: 0 })));
    expect(fit).toEqual({ status: 'flat', points: 3, initial: 0, plateau: 0, halfLifeDays: null, r2: null });
  });

  it('a constant rate is flat: initial ≈ plateau, no half-life', () => {
    const fit = fitDecay([1, 2, 3, 4, 5].map((k) => ({ t: 7 * k, n: 1000, y: 400 })));
    expect(fit.status).toBe('flat');
    expect(fit.halfLifeDays).toBeNull();
    expect(fit.initial).toBeCloseTo(0.4, 2);
    expect(fit.plateau).toBeCloseTo(0.4, 2);
  });

  it('rising usage keeps the constraints: plateau ≤ initial ≤ 1, finite numbers', () => {
    const fit = fitDecay([1, 2, 3, 4].map((k) => ({ t: 7 * k, n: 100, y: 10 * k })));
    for (const value of [fit.initial, fit.plateau, fit.r2]) expect(Number.isFinite(value)).toBe(true);
    expect(fit.plateau as number).toBeLessThanOrEqual(fit.initial as number);
    expect(fit.initial as number).toBeLessThanOrEqual(1);
  });

  it('no one active in the first two weeks: still the maximum likelihood, not a flat line at the mean', () => {
    // One person of seven active in week 3, no one in the nine other weeks (66 person-weeks in all).
    const points = [7, 7, 7, 7, 7, 7, 6, 6, 6, 6].map((n, i) => ({ t: 7 * (i + 1), n, y: i === 2 ? 1 : 0 }));
    const logLikelihood = (r: (t: number) => number) =>
      points.reduce((s, pt) => s + pt.y * Math.log(r(pt.t)) + (pt.n - pt.y) * Math.log(1 - r(pt.t)), 0);
    // The flat line at 1/66: ln(1/66) + 65·ln(65/66) = −5.18. A curve that decays to 0 after week 3 explains
    // the nine empty weeks better: the maximum is about −4.81 (initial 0.061, plateau 0, half-life 14 days).
    const flat = logLikelihood(() => 1 / 66);
    expect(flat).toBeCloseTo(-5.182, 3);
    const fit = fitDecay(points);
    expect(fit.status).toBe('ok');
    expect(
      logLikelihood(decayCurve(fit.initial as number, fit.plateau as number, (fit.halfLifeDays as number) / Math.LN2)),
    ).toBeGreaterThan(flat + 0.35);
    expect(fit.plateau as number).toBeLessThan(0.001);
  });

  it('ignores weeks with no one eligible', () => {
    const fit = fitDecay([...exact(0.8, 0.2, 15, 100_000, 3), { t: 28, n: 0, y: 0 }]);
    expect(fit.points).toBe(3);
  });
});
