import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/benjamini-hochberg.js';
import { clusterUplift } from '../../src/stats/cluster-analysis.js';
import { mixingRho, sequenceHalfWidth } from '../../src/stats/confidence-sequence.js';
import { cuped, momentSums } from '../../src/stats/cuped.js';
import { normalCdf, normalQuantile } from '../../src/stats/normal.js';
import { alwaysValidExposures, daysToReach, fixedHorizonExposures } from '../../src/stats/power.js';
import { alwaysValidDifference } from '../../src/stats/proportions.js';

// Each figure below was worked out step by step from the published formula (the steps are in the
// comments), then reproduced to 4 decimals by the code.
const to4 = (value: number, expected: number) => expect(value).toBeCloseTo(expected, 4);

describe('the normal distribution', () => {
  it('quantiles and probabilities agree with the tables', () => {
    to4(normalQuantile(0.975), 1.96);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621234, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 8);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424309, 7);
    expect(normalCdf(1)).toBeCloseTo(0.841344746, 6);
    expect(normalCdf(-1.5)).toBeCloseTo(0.066807201, 6);
    expect(() => normalQuantile(1)).toThrow(/0 < p < 1/);
  });
});

describe('the always-valid interval of an uplift (Waudby-Smith et al.’s asymptotic confidence sequence)', () => {
  it('120 of 400 treated and 20 of 100 held out converted, α = 0.05, tightest at 500 people', () => {
    // Agresti–Caffo: p̃₁ = 121/402 = 0.300995, p̃₀ = 21/102 = 0.205882, Δ̃ = 0.095113;
    // V = p̃₁(1 − p̃₁)/402 + p̃₀(1 − p̃₀)/102 = 0.00052338 + 0.00160288 = 0.0021263 (the unit count n = 500).
    // ρ² = (−2 ln 0.05 + ln(−2 ln 0.05 + 1)) / 500 = (5.991465 + 1.944691) / 500 = 0.0158723.
    // nρ² = 7.936155; half-width = √(nV · 2(nρ² + 1)/(n²ρ²) · ln(√(nρ² + 1)/0.05))
    //   = √(1.063133 · 0.004504022 · 4.090785) = 0.1399579; interval 0.095113 ± 0.139958.
    to4(mixingRho({ alpha: 0.05, tuning: 500 }) ** 2, 0.0158723);
    const result = alwaysValidDifference({ people: 400, converted: 120 }, { people: 100, converted: 20 }, { alpha: 0.05, tuning: 500 });
    to4(result.interval[0], -0.0448452);
    to4(result.interval[1], 0.2350706);
    // p = √(nρ² + 1) · exp(−Δ̃²n²ρ² / (2nV(nρ² + 1))) = 0.4519454: not detected, as the interval says.
    to4(result.pValue, 0.4519454);
  });

  it('200 of 400 against 20 of 100: the interval clears zero and the p-value is below α', () => {
    // p̃₁ = 201/402 = 0.5, p̃₀ = 0.205882, Δ̃ = 0.294118; V = 0.00222478; half-width 0.1431635.
    const result = alwaysValidDifference({ people: 400, converted: 200 }, { people: 100, converted: 20 }, { alpha: 0.05, tuning: 500 });
    to4(result.interval[0], 0.1509542);
    to4(result.interval[1], 0.4372811);
    expect(result.pValue).toBeLessThan(1e-6);
  });

  it('is wider than the fixed-horizon interval at every size, and tightest near its tuning', () => {
    const variance = 0.25;
    for (const n of [20, 100, 500, 2000, 10_000]) {
      const fixed = 1.959963985 * Math.sqrt(variance / n);
      expect(sequenceHalfWidth(variance / n, n, { alpha: 0.05, tuning: 500 })).toBeGreaterThan(fixed);
    }
    const ratio = (tuning: number) =>
      sequenceHalfWidth(variance / 500, 500, { alpha: 0.05, tuning }) / (1.959963985 * Math.sqrt(variance / 500));
    expect(ratio(500)).toBeLessThan(ratio(50));
    expect(ratio(500)).toBeLessThan(ratio(5000));
  });
});

describe('CUPED', () => {
  it('six treated and six held-out people with their pre-exposure goal counts', () => {
    // (converted, goal events in the 14 days before) per person.
    const treated = momentSums([
      [1, 2],
      [0, 0],
      [1, 3],
      [1, 1],
      [0, 1],
      [1, 2],
    ]);
    const control = momentSums([
      [0, 0],
      [1, 2],
      [0, 1],
      [0, 0],
      [1, 3],
      [0, 1],
    ]);
    // Pooled over 12 people: var(X) = 1.1515152, cov(X, Y) = 0.4545455 → θ = cov/var = 0.3947368.
    // Unadjusted: 4/6 − 2/6 = 0.3333333, variance 0.2666667/6 + 0.2666667/6 = 0.0888889.
    // Adjusted: 0.3333333 − θ(1.5 − 1.1666667) = 0.2017544; variance per arm (var Y − 2θ cov + θ² var X)/6,
    // summed 0.0301400; reduction 1 − 0.0301400/0.0888889 = 0.6609245.
    const result = cuped(treated, control);
    to4(result.theta, 0.3947368);
    to4(result.unadjusted.estimate, 0.3333333);
    to4(result.unadjusted.variance, 0.0888889);
    to4(result.adjusted.estimate, 0.2017544);
    to4(result.adjusted.variance, 0.03014);
    to4(result.varianceReduction, 0.6609245);
  });

  it('with a covariate that says nothing, nothing changes', () => {
    const treated = momentSums([
      [1, 1],
      [0, 1],
      [1, 1],
    ]);
    const control = momentSums([
      [0, 1],
      [1, 1],
      [0, 1],
    ]);
    const result = cuped(treated, control);
    expect(result.theta).toBe(0);
    expect(result.adjusted).toEqual(result.unadjusted);
    expect(() => cuped(momentSums([[1, 1]]), control)).toThrow(/at least 2/);
  });
});

describe('power before launch', () => {
  const plan = { baseline: 0.2, minimumEffect: 0.05, holdout: 0.1, alpha: 0.05, power: 0.8 };

  it('a 5-point effect on a 20% goal with a 10% holdout', () => {
    // s² = 0.25·0.75/0.9 + 0.2·0.8/0.1 = 0.2083333 + 1.6 = 1.8083333; z = 1.959964 + 0.841621 = 2.801585;
    // N = z²·s²/δ² = 7.848880 · 1.8083333 / 0.0025 = 5677.36 → 5,678 exposures.
    expect(fixedHorizonExposures(plan)).toBe(5678);
    // Always valid, tightest at 5,678: the smallest N with half-width(N) + 0.841621·√(s²/N) ≤ 0.05,
    // found by stepping N one by one from 2: 11,007.
    expect(alwaysValidExposures(plan, 5678)).toBe(11_007);
    expect(daysToReach(11_007, 3000, 400)).toBe(21);
    expect(daysToReach(11_007, 12_000, 400)).toBe(0);
    expect(daysToReach(11_007, 0, 0)).toBeNull();
  });

  it('refuses a plan it cannot compute, naming each problem', () => {
    expect(() => fixedHorizonExposures({ ...plan, holdout: 0, minimumEffect: 0 })).toThrow(
      /minimumEffect must be a non-zero share of one; holdout must be between 0 and 1/,
    );
  });
});

describe('Benjamini–Hochberg across live prompts', () => {
  it('four prompts’ p-values', () => {
    // Sorted 0.01, 0.03, 0.04, 0.20; m·p/rank = 0.04, 0.06, 0.0533, 0.20; running minimum from the top:
    // 0.20, 0.0533, 0.0533, 0.04.
    const { adjusted, discovery } = benjaminiHochberg([0.01, 0.04, 0.03, 0.2]);
    to4(adjusted[0]!, 0.04);
    to4(adjusted[1]!, 0.0533333);
    to4(adjusted[2]!, 0.0533333);
    to4(adjusted[3]!, 0.2);
    expect(discovery).toEqual([true, false, false, false]);
    expect(benjaminiHochberg([])).toEqual({ adjusted: [], discovery: [] });
  });
});

describe('a prompt randomized by team', () => {
  it('three treated and three held-out teams', () => {
    // Treated (people, converted): (10, 3), (12, 6), (8, 2): p = 11/30 = 0.3666667;
    // Σ(y − p·n)² = 0.4444 + 1.7778 + 0.8711 = 3.0933; variance = 3/2 · 3.0933 / 900 = 0.0051556.
    // Control (10, 2), (9, 1), (11, 4): p = 7/30 = 0.2333333; variance 0.0069296.
    // Uplift 0.1333333, variance 0.0120852; 95% Wald interval 0.1333333 ± 1.959964·0.1099327.
    // If independent: 0.3666667·0.6333333/30 + 0.2333333·0.7666667/30 = 0.0137037; design effect 0.8818919.
    const result = clusterUplift(
      [
        { people: 10, converted: 3 },
        { people: 12, converted: 6 },
        { people: 8, converted: 2 },
      ],
      [
        { people: 10, converted: 2 },
        { people: 9, converted: 1 },
        { people: 11, converted: 4 },
      ],
      { alpha: 0.05, tuning: 100 },
    );
    to4(result.uplift, 0.1333333);
    to4(result.treated.variance + result.control.variance, 0.0120852);
    to4(result.ci[0], -0.0821307);
    to4(result.ci[1], 0.3487973);
    to4(result.designEffect, 0.8818919);
    to4(result.effectivePeople, 68.0355501);
    // Six teams are six units of the sequence: half-width 0.4889399 at tuning 100.
    to4(result.alwaysValid.interval[0], -0.3556066);
    to4(result.alwaysValid.interval[1], 0.6222733);
  });
});
