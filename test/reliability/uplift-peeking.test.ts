import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../packages/collector/src/demo/seeded-random.js';
import { cuped } from '../../packages/collector/src/stats/cuped.js';
import { figure, scale } from '../helpers/reliability-scale.js';
import { type Setting, simulatePeeking, twoStandardErrors } from '../helpers/uplift-simulation.js';

// Issue 17: a product owner looks at a prompt's uplift every day for 60 days. Short here (1,000
// experiments a setting, a few seeds), 10,000 and more seeds with `npm run reliability`.
const experiments = scale(1000, 10_000);
const seeds = scale([1, 2, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
const base: Omit<Setting, 'seed'> = {
  experiments,
  days: 60,
  perDay: 40,
  holdout: 0.2,
  convTreated: 0.2,
  convControl: 0.2,
  tuning: 1000,
  minArm: 10,
};
/** At most 5% false detections, plus two standard errors of the simulation itself. */
const falseDetectionBound = 0.05 + twoStandardErrors(0.05, experiments);
const coverageBound = 0.95 - twoStandardErrors(0.05, experiments);

describe(`peeking at a prompt's uplift every day for 60 days (${experiments.toLocaleString('en-US')} experiments a setting)`, () => {
  it.each(seeds)(
    'with no effect (A/A, seed %i) the always-valid interval declares one in at most 5% + 2 SE; the fixed one, peeked at, far more',
    (seed) => {
      const outcome = simulatePeeking({ ...base, seed });
      figure(`A/A seed ${seed}: always-valid declared`, outcome.alwaysValidDeclared);
      figure(`A/A seed ${seed}: fixed-horizon declared when peeked at daily`, outcome.fixedDeclared);
      expect(outcome.alwaysValidDeclared).toBeLessThanOrEqual(falseDetectionBound);
      expect(outcome.fixedDeclared).toBeGreaterThan(falseDetectionBound);
    },
  );

  it.each([
    { what: 'a 10% holdout and a rare goal (5%)', holdout: 0.1, convTreated: 0.05, convControl: 0.05, perDay: 100 },
    { what: 'a 50% holdout and a common goal (50%)', holdout: 0.5, convTreated: 0.5, convControl: 0.5, perDay: 20 },
    { what: 'few people a day (5, 30% held out)', holdout: 0.3, convTreated: 0.2, convControl: 0.2, perDay: 5 },
  ])('with no effect, $what: at most 5% + 2 SE', (setting) => {
    const outcome = simulatePeeking({ ...base, ...setting, seed: 11 });
    figure(`A/A ${setting.what}: always-valid declared`, outcome.alwaysValidDeclared);
    expect(outcome.alwaysValidDeclared).toBeLessThanOrEqual(falseDetectionBound);
  });

  it.each(seeds)(
    'with a true 10-point uplift (seed %i) the interval holds it at every look in at least 95% − 2 SE, and detects it',
    (seed) => {
      const outcome = simulatePeeking({ ...base, seed: 100 + seed, convTreated: 0.3 });
      figure(`true uplift seed ${seed}: covered at every look`, outcome.alwaysValidCovered);
      figure(`true uplift seed ${seed}: detected`, outcome.alwaysValidDeclared);
      expect(outcome.alwaysValidCovered).toBeGreaterThanOrEqual(coverageBound);
      expect(outcome.alwaysValidDeclared).toBeGreaterThan(0.8);
    },
  );
});

describe(`peeking at CUPED's always-valid interval, which decides "detected" when a covariate exists`, () => {
  // 30% of people reached the goal in the 14 days before exposure; they convert with 0.5, the others with 0.1.
  const withCovariate = { ...base, convTreated: 0.1, convControl: 0.1, covariate: { prevalence: 0.3, convWith: 0.5 } };

  it.each(seeds)('with no effect (seed %i): at most 5% + 2 SE, like the unadjusted interval', (seed) => {
    const outcome = simulatePeeking({ ...withCovariate, seed: 200 + seed });
    figure(`A/A with a covariate seed ${seed}: CUPED always-valid declared`, outcome.cupedDeclared);
    figure(`A/A with a covariate seed ${seed}: unadjusted always-valid declared`, outcome.alwaysValidDeclared);
    expect(outcome.cupedDeclared).toBeLessThanOrEqual(falseDetectionBound);
  });

  it.each(seeds)('with a true 5-point uplift (seed %i): it holds it at every look in 95% − 2 SE, and detects it more often', (seed) => {
    const outcome = simulatePeeking({ ...withCovariate, seed: 300 + seed, convTreated: 0.15 });
    figure(`5-point uplift with a covariate seed ${seed}: CUPED covered at every look`, outcome.cupedCovered);
    figure(
      `5-point uplift with a covariate seed ${seed}: detected, CUPED vs unadjusted`,
      `${outcome.cupedDeclared} vs ${outcome.alwaysValidDeclared}`,
    );
    expect(outcome.cupedCovered).toBeGreaterThanOrEqual(coverageBound);
    expect(outcome.cupedDeclared).toBeGreaterThan(outcome.alwaysValidDeclared);
  });
});

describe('CUPED on correlated data', () => {
  // Before exposure a person reached the goal in the 14 days before (X = 1) with probability q = 0.3;
  // after, a held-out person (20%) converts with 0.5 if X = 1 and 0.1 if not, a treated one with
  // 0.05 more. Theory (Deng et al. 2013): with θ = σ_XY / σ²_X, each arm's variance σ²_Y falls to
  // σ²_Y − 2θσ_XY + θ²σ²_X, i.e. by the share ρ² = σ²_XY / (σ²_X σ²_Y) of that arm.
  // Here σ²_X = 0.21 and σ_XY = 0.21 · 0.4 = 0.084 in both arms, so θ = 0.4; control: p̄ = 0.22,
  // σ²_Y = 0.1716 → 0.1380; treated: p̄ = 0.27, σ²_Y = 0.1971 → 0.1635. With 1,600 treated and 400
  // held out, the variance of the uplift goes from 0.1971/1600 + 0.1716/400 = 5.5219e-4 to
  // 0.1635/1600 + 0.1380/400 = 4.4719e-4: the interval narrows to √(4.4719/5.5219) = 0.8999 of its width.
  const predicted = Math.sqrt((0.1635 / 1600 + 0.138 / 400) / (0.1971 / 1600 + 0.1716 / 400));
  const sums = () => ({ n: 0, y: 0, x: 0, yy: 0, xx: 0, xy: 0 });

  it.each(seeds)('narrows the interval by the amount theory predicts (seed %i), and stays unbiased', (seed) => {
    const random = seededRandom(500 + seed);
    const runs = scale(300, 2000);
    let ratio = 0;
    let estimate = 0;
    for (let run = 0; run < runs; run++) {
      const treated = sums();
      const control = sums();
      for (let person = 0; person < 2000; person++) {
        const arm = random() < 0.2 ? control : treated;
        const x = random() < 0.3 ? 1 : 0;
        const y = random() < (x ? 0.5 : 0.1) + (arm === treated ? 0.05 : 0) ? 1 : 0;
        arm.n += 1;
        arm.y += y;
        arm.x += x;
        arm.yy += y * y;
        arm.xx += x * x;
        arm.xy += x * y;
      }
      const result = cuped(treated, control);
      ratio += Math.sqrt(result.adjusted.variance / result.unadjusted.variance) / runs;
      estimate += result.adjusted.estimate / runs;
    }
    figure(`CUPED seed ${seed}: interval width ratio (theory ${predicted.toFixed(4)})`, ratio.toFixed(4));
    figure(`CUPED seed ${seed}: mean adjusted uplift (truth 0.05)`, estimate.toFixed(4));
    expect(ratio).toBeGreaterThan(predicted - 0.01);
    expect(ratio).toBeLessThan(predicted + 0.01);
    expect(Math.abs(estimate - 0.05)).toBeLessThan(0.005);
  });
});
