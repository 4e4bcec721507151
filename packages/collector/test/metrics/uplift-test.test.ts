import { describe, expect, it } from 'vitest';
import type { PromptMetrics } from '../../src/metrics/types.js';
import { teamUpliftTest, upliftFields, upliftTest } from '../../src/metrics/uplift-test.js';
import { withFalseDiscoveryControl } from '../../src/metrics/uplift-verdict.js';

// Worked by hand from the published formulas (Deng et al. 2013 for CUPED, Agresti and Caffo 2000,
// Waudby-Smith et al. 2024 for the sequence, Benjamini and Hochberg 1995); each step is below.
const to4 = (value: number, expected: number) => expect(value).toBeCloseTo(expected, 4);

describe("a prompt's test", () => {
  // 160 of 400 shown converted, 20 of 100 held out. 100 shown people and 30 held-out people had one
  // goal event in the 14 days before exposure (x = 1/14 a day), the others none; of them 70 and 12 converted.
  const arms = {
    treated: { people: 400, converted: 160 },
    control: { people: 100, converted: 20 },
    covariate: { treated: { events: 100, squares: 100, converted: 70 }, control: { events: 30, squares: 30, converted: 12 } },
  };

  it('with CUPED: θ, the variance removed, the adjusted uplift and its always-valid interval', () => {
    // Let k be the goal events before (0 or 1), x = k/14. Pooled over 500, in k: var(k) = (130 − 130²/500)/499
    // = 0.1927856, cov(k, y) = (82 − 130·180/500)/499 = 0.0705411, θₖ = 0.3659044; in x, θ = 14θₖ = 5.1226617.
    // Per arm (var y, var k, cov): shown 0.2406015, 0.1879699, 0.0751880; held out 0.1616162, 0.2121212, 0.0606061.
    // Variance of the uplift: 0.2406015/400 + 0.1616162/100 = 0.0022177; adjusted
    // Σ (var y − 2θₖ cov + θₖ² var k)/n = 0.0019835: a reduction of 0.1055892.
    // Adjusted uplift 0.4 − 0.2 − θₖ(0.25 − 0.30) = 0.2182952.
    // The interval is centred on the Agresti–Caffo estimate 161/402 − 21/102 = 0.1946152, adjusted the
    // same way: 0.2129104, with variance 0.0022002 · (1 − 0.1055892) = 0.0019678. Tightest at 1,000 people:
    // ρ² = 7.9361546/1000; half-width √(500·V · 2(500ρ² + 1)/(500²ρ²) · ln(√(500ρ² + 1)/0.05)) = 0.1367882.
    const test = upliftTest(arms);
    expect(test.cuped?.covariateDays).toBe(14);
    to4(test.cuped?.theta as number, 5.1226617);
    to4(test.cuped?.varianceReduction as number, 0.1055892);
    to4(test.cuped?.uplift as number, 0.2182952);
    to4(test.cuped?.alwaysValid.low as number, 0.0761222);
    to4(test.cuped?.alwaysValid.high as number, 0.3496985);
    // p = √(500ρ² + 1) · exp(−0.2129104² · 500²ρ² / (2 · 500V(500ρ² + 1))) = 0.0002253: detected.
    to4(test.pValue, 0.0002253);
    expect(test.detected).toBe(true);
  });

  it('without a covariate: the unadjusted interval decides', () => {
    // Agresti–Caffo 0.1946152, variance 0.0022002, half-width 0.1446372 at the same ρ.
    const test = upliftTest({ ...arms, covariate: null });
    expect(test.cuped).toBeNull();
    to4(test.alwaysValid.low, 0.049978);
    to4(test.alwaysValid.high, 0.3392524);
    expect(test.detected).toBe(true);
    expect(upliftTest({ ...arms, covariate: null }).alwaysValid).toEqual(upliftTest(arms).alwaysValid);
  });

  it('the same uplift on 10 times fewer people is not detected', () => {
    const few = upliftTest({ treated: { people: 40, converted: 16 }, control: { people: 10, converted: 2 }, covariate: null });
    expect(few.alwaysValid.low).toBeLessThan(0);
    expect(few.detected).toBe(false);
    expect(few.pValue).toBeGreaterThan(0.05);
  });
});

describe('Benjamini–Hochberg across the prompts of an answer', () => {
  const prompt = (id: string, pValue: number | null, detected: boolean | null): PromptMetrics => ({
    id,
    treated: null,
    control: null,
    convTreated: null,
    convControl: null,
    uplift: null,
    ci95: null,
    suppressed: pValue === null,
    ...upliftFields(null),
    pValue,
    detected,
  });

  it('adjusts the shown prompts only, and keeps a detection only when it survives', () => {
    // Family of four (the suppressed one is left out): sorted 0.01, 0.03, 0.04, 0.20;
    // 4p/rank = 0.04, 0.06, 0.0533, 0.20; running minimum from the top 0.04, 0.0533, 0.0533, 0.20.
    const result = withFalseDiscoveryControl([
      prompt('a', 0.01, true),
      prompt('hidden', null, null),
      prompt('b', 0.04, true),
      prompt('c', 0.03, true),
      prompt('d', 0.2, false),
    ]);
    expect(result.map((p) => p.adjustedPValue)).toEqual([expect.closeTo(0.04, 10), null, 0.16 / 3, 0.16 / 3, 0.2]);
    expect(result.map((p) => p.detectedAfterFdr)).toEqual([true, null, false, false, false]);
    // One prompt alone is its own family: nothing changes.
    expect(withFalseDiscoveryControl([prompt('b', 0.04, true)])[0]).toMatchObject({ adjustedPValue: 0.04, detectedAfterFdr: true });
  });
});

describe("a prompt randomized by team: the test's units are teams", () => {
  // The worked example of worked-examples.test.ts ("three treated and three held-out teams"): 11 of 30
  // against 7 of 30, cluster-robust variance 0.0120852, design effect 0.8818919, effective people 68.0355501;
  // six teams are six units of the sequence, here at the uplift test's tuning of 1,000 people.
  const clusters = {
    treated: [
      { people: 10, converted: 3 },
      { people: 12, converted: 6 },
      { people: 8, converted: 2 },
    ],
    control: [
      { people: 10, converted: 2 },
      { people: 9, converted: 1 },
      { people: 11, converted: 4 },
    ],
  };
  const arms = { treated: { people: 30, converted: 11 }, control: { people: 30, converted: 7 }, covariate: null };

  it('takes its interval and verdict from the cluster analysis, leaves CUPED out, and reports the design effect', () => {
    const result = teamUpliftTest(clusters);
    if (typeof result === 'string') throw new Error(`expected a test, got ${result}`);
    const test = result;
    expect(test.cuped).toBeNull();
    expect(test.cluster?.teams).toEqual({ treated: 3, control: 3 });
    to4(test.cluster?.designEffect ?? 0, 0.8818919);
    to4(test.cluster?.effectivePeople ?? 0, 68.0355501);
    // √0.0120852 = 0.1099327: the sequence over 6 units is wider than the one over 60 people would be.
    const byPerson = upliftTest(arms);
    expect(test.alwaysValid.high - test.alwaysValid.low).toBeGreaterThan(byPerson.alwaysValid.high - byPerson.alwaysValid.low);
    expect((test.alwaysValid.low + test.alwaysValid.high) / 2).toBeCloseTo(11 / 30 - 7 / 30, 10);
    expect(test.detected).toBe(false);
  });

  it('gives no verdict with fewer than 2 teams in an arm, never the person-level test', () => {
    const one = { treated: clusters.treated, control: [{ people: 30, converted: 7 }] };
    expect(teamUpliftTest(one)).toBe('too-few-teams');
    expect(teamUpliftTest({ treated: [], control: clusters.control })).toBe('too-few-teams');
    expect(upliftFields(teamUpliftTest(one))).toEqual({
      alwaysValid: null,
      cuped: null,
      pValue: null,
      detected: null,
      adjustedPValue: null,
      detectedAfterFdr: null,
      cluster: null,
      noVerdict: 'too-few-teams',
    });
  });
});
