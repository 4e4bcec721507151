import { describe, expect, it } from 'vitest';
import { clusterDesign } from '../../src/stats/intraclass.js';
import { type PlanCounts, powerPlan } from '../../src/stats/power-plan.js';

const to4 = (value: number, expected: number) => expect(value).toBeCloseTo(expected, 4);

const counts = (over: Partial<PlanCounts> = {}): PlanCounts => ({
  baseline: { people: 1000, converted: 200 },
  teams: null,
  reached: 800,
  reachDays: 28,
  exposed: 0,
  exposedRecently: 0,
  recentDays: 14,
  ...over,
});
const byPerson = { minimumEffect: 0.05, holdout: 0.1, sample: 1, byTeam: false, tuning: 1000 };

describe('the intraclass correlation of conversion, by one-way ANOVA', () => {
  it('four teams of 20 with 10, 0, 8 and 2 converted', () => {
    // N = 80, k = 4, p = 20/80 = 0.25; team rates 0.5, 0, 0.4, 0.1.
    // MSB = 20·(0.0625 + 0.0625 + 0.0225 + 0.0225)/3 = 1.1333333;
    // MSW = (10·0.5 + 0·1 + 8·0.6 + 2·0.9)/(80 − 4) = 11.6/76 = 0.1526316; n₀ = (80 − 1600/80)/3 = 20;
    // ρ = (1.1333333 − 0.1526316)/(1.1333333 + 19·0.1526316) = 0.9807018/4.0333333 = 0.2431492;
    // design effect 1 + (20 − 1)·0.2431492 = 5.6198347.
    const design = clusterDesign([
      { people: 20, converted: 10 },
      { people: 20, converted: 0 },
      { people: 20, converted: 8 },
      { people: 20, converted: 2 },
    ]);
    expect(design?.clusters).toBe(4);
    expect(design?.meanSize).toBe(20);
    to4(design?.icc ?? Number.NaN, 0.2431492);
    to4(design?.designEffect ?? Number.NaN, 5.6198347);
  });

  it('is 0 when teams differ less than chance would make them, and unknown with one team', () => {
    // Rates 0.3, 0.5, 0.25, 0.2, 0.111, 0.364 over 60 people: MSB 0.1931313 < MSW 0.2154508.
    const design = clusterDesign([
      { people: 10, converted: 3 },
      { people: 12, converted: 6 },
      { people: 8, converted: 2 },
      { people: 10, converted: 2 },
      { people: 9, converted: 1 },
      { people: 11, converted: 4 },
    ]);
    expect(design?.icc).toBe(0);
    expect(design?.designEffect).toBe(1);
    expect(clusterDesign([{ people: 30, converted: 3 }])).toBeNull();
  });
});

describe('the power plan of a prompt', () => {
  it('before launch: 20% baseline, 5 points, 10% holdout, 800 people met the trigger in 28 days', () => {
    // Fixed horizon: N = (1.959964 + 0.841621)² · (0.25·0.75/0.9 + 0.2·0.8/0.1) / 0.05² = 5677.36 → 5,678;
    // always valid at the uplift test's tuning 1,000 (ρ² = (5.991465 + 1.944691)/1000 = 0.007936155):
    // the smallest N with half-width(N) + 0.841621·√(s²/N) ≤ 0.05. At N = 12,222: nρ² = 96.9977,
    // half-width = √(1.808333 · 2·97.9977/(12222·96.9977) · ln(√97.9977/0.05)) = 0.0397617, plus
    // 0.841621·√(1.808333/12222) = 0.0102373, makes 0.0499990 ≤ 0.05 (at 12,221: 0.0500008).
    // 800/28 = 28.5714 a day; 12,222 / 28.5714 = 427.77 → 428 days.
    const plan = powerPlan(counts(), byPerson, 10);
    expect(plan.baseline).toEqual({ rate: 0.2, people: 1000 });
    expect(plan.exposuresNeeded).toEqual({ fixedHorizon: 5678, alwaysValid: 12_222 });
    to4(plan.inflation ?? 0, 2.1525185);
    to4(plan.reachPerDay, 28.5714286);
    expect(plan.reachSource).toBe('trigger');
    expect(plan.expectedDays).toBe(428);
    expect(plan.progress).toEqual({ exposures: 0, share: 0 });
    expect(plan.cluster).toBeNull();
    expect(plan.summary).toBe(
      'To detect 5 points on a baseline of 20 points it needs 12222 exposures (both arms; 5678 if looked at only once): about 428 more days at 28.6 a day.',
    );
    // A sample of a half halves the reach: twice the days.
    expect(powerPlan(counts(), { ...byPerson, sample: 0.5 }, 10).expectedDays).toBe(856);
  });

  it('after launch: the rate of exposures in the last 14 days, and the progress', () => {
    // 5,600 exposures in 14 days = 400 a day; (12,222 − 3,000)/400 = 23.06 → 24 days; 3,000/12,222 = 0.2454590.
    const plan = powerPlan(counts({ exposed: 3000, exposedRecently: 5600 }), byPerson, 10);
    expect(plan.reachSource).toBe('exposures');
    expect(plan.reachPerDay).toBe(400);
    expect(plan.expectedDays).toBe(24);
    to4(plan.progress.share ?? 0, 0.245459);
    expect(plan.summary).toMatch(/about 24 more days at 400 a day\. 3000 so far \(25%\)\.$/);
  });

  it('by team: the design effect multiplies the people needed, and says how many teams', () => {
    // Person-level 25% baseline, 5 points, holdout 0.5: s² = 0.3·0.7/0.5 + 0.25·0.75/0.5 = 0.795;
    // N = 7.848880 · 0.795 / 0.0025 = 2495.94 → 2,496; × 5.6198347 = 14,027.1 → 14,028 people;
    // teams of 20: the always-valid need ÷ 20, rounded up.
    const teams = [
      { people: 20, converted: 10 },
      { people: 20, converted: 0 },
      { people: 20, converted: 8 },
      { people: 20, converted: 2 },
    ];
    const plan = powerPlan(
      counts({ baseline: { people: 80, converted: 20 }, teams, reached: 400 }),
      { minimumEffect: 0.05, holdout: 0.5, sample: 1, byTeam: true, tuning: 1000 },
      10,
    );
    expect(plan.randomizeBy).toBe('team');
    expect(plan.exposuresNeeded?.fixedHorizon).toBe(14_028);
    const unclustered = powerPlan(counts({ baseline: { people: 80, converted: 20 }, reached: 400 }), { ...byPerson, holdout: 0.5 }, 10);
    expect(plan.exposuresNeeded?.alwaysValid).toBe(Math.ceil((unclustered.exposuresNeeded?.alwaysValid ?? 0) * 5.619834710743802));
    expect(plan.cluster?.teamsNeeded).toBe(Math.ceil((plan.exposuresNeeded?.alwaysValid ?? 0) / 20));
    to4(plan.cluster?.designEffect ?? 0, 5.6198347);
    expect(plan.summary).toContain('(ICC 0.243), so it needs 5.62× the people, about 1428 teams. Only 4 teams met the trigger lately');
  });

  it('says what is missing: a holdout, enough comparable people, room above the baseline', () => {
    expect(powerPlan(counts(), { ...byPerson, holdout: 0 }, 10).summary).toMatch(/^No holdout/);
    const few = powerPlan(counts({ baseline: { people: 9, converted: 2 } }), byPerson, 10);
    expect([few.baseline, few.exposuresNeeded, few.expectedDays]).toEqual([null, null, null]);
    expect(few.summary).toBe('Fewer than 10 comparable people in history: no baseline to plan on yet.');
    const full = powerPlan(counts({ baseline: { people: 100, converted: 98 } }), byPerson, 10);
    expect(full.exposuresNeeded).toBeNull();
    expect(full.summary).toMatch(/would pass 100%/);
    expect(powerPlan(counts({ reached: 0 }), byPerson, 10).expectedDays).toBeNull();
  });
});
