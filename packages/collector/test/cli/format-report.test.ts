import { describe, expect, it } from 'vitest';
import { upliftFields } from '../../src/metrics/uplift-test.js';
import { formatReport, table } from '../../src/cli/format-report.js';
import type { Metrics } from '../../src/metrics/types.js';

const suppressedWindow = { eligible: null, active: null, rate: null, suppressed: true };

const metrics: Metrics = {
  asOf: '2026-11-22',
  minGroupSize: 10,
  filters: { tool: 'assistant', program: null, cohort: null },
  activity: { dau: 1, wau: 1, mau: 1, stickiness: 1 / 28, suppressed: false },
  adoption: { trained: 40, active: 10, rate: 0.25, suppressed: false },
  sustained: { d30: { eligible: 20, active: 5, rate: 0.25, suppressed: false }, d60: suppressedWindow, d90: suppressedWindow },
  behaviorCheck: { respondents: 20, applied: 6, rate: 0.3, failing: true, suppressed: false },
  gap: { trained: 40, applied: 6, count: 34, share: 0.85, suppressed: false },
  outputs: { shown: null, accepted: null, edited: null, rejected: null, acceptanceRate: null, suppressed: true },
  cohorts: [
    {
      cohort: '2026-W11',
      size: 40,
      suppressed: false,
      retention: [
        { week: 0, eligible: 40, active: 20, rate: 0.5, suppressed: false },
        { week: 1, ...suppressedWindow },
      ],
      fit: { status: 'ok', points: 3, initial: 0.5, plateau: 0.1, halfLifeDays: 12.34, r2: 0.9 },
    },
    { cohort: 'tiny', size: null, suppressed: true, retention: [], fit: null },
  ],
  segments: {
    role: [{ key: 'professional', users: 40, sustainedD30: 0.5, sustainedD60: null, sustainedD90: null, suppressed: false }],
    team: [],
  },
  prompts: [
    {
      id: 'critique-tip',
      treated: 30,
      control: 10,
      convTreated: 0.5,
      convControl: 0.2,
      uplift: 0.3,
      ci95: [0.01, 0.52],
      suppressed: false,
      alwaysValid: { low: -0.05, high: 0.58 },
      cuped: null,
      pValue: 0.09,
      detected: false,
      adjustedPValue: 0.09,
      detectedAfterFdr: false,
      cluster: null,
      noVerdict: null,
      plan: {
        minimumDetectableEffect: 0.05,
        alpha: 0.05,
        power: 0.8,
        holdout: 0.25,
        randomizeBy: 'person',
        baseline: { rate: 0.2, people: 400 },
        exposuresNeeded: { fixedHorizon: 2000, alwaysValid: 4000 },
        inflation: 2,
        cluster: null,
        reachPerDay: 10,
        reachSource: 'exposures',
        expectedDays: 396,
        progress: { exposures: 40, share: 0.01 },
        summary: 'To detect 5 points on a baseline of 20 points it needs 4000 exposures.',
      },
    },
  ],
  programs: [
    {
      program: 'workshop',
      size: 40,
      suppressed: false,
      sustained: { d30: { eligible: 20, active: 5, rate: 0.25, suppressed: false }, d60: suppressedWindow, d90: suppressedWindow },
      retention: [],
      fit: { status: 'ok', points: 3, initial: 0.7, plateau: 0.04, halfLifeDays: 14.44, r2: 0.9 },
    },
    {
      program: 'tiny',
      size: null,
      suppressed: true,
      sustained: { d30: suppressedWindow, d60: suppressedWindow, d90: suppressedWindow },
      retention: [],
      fit: null,
    },
  ],
  vitals: [
    { tool: 'assistant', metric: 'LCP', samples: 120, p75: 2488.4, good: 90, needsImprovement: 20, poor: 10, suppressed: false },
    { tool: 'assistant', metric: 'CLS', samples: 120, p75: 0.0721, good: 100, needsImprovement: 15, poor: 5, suppressed: false },
    { tool: 'other', metric: 'INP', samples: null, p75: null, good: null, needsImprovement: null, poor: null, suppressed: true },
  ],
};

describe('formatReport', () => {
  it('says what each figure is, with suppressed ones named as such, never as zero', () => {
    const text = formatReport(metrics, { events: 1, users: 1, byName: [] });
    expect(text).toContain('Uptake report as of 2026-11-22 · tool assistant · all programs · groups under 10 people suppressed');
    expect(text).toContain('Stored: 1 event from 1 person');
    expect(text).toContain('10 of 40 trained people used AI in the last 28 days (25%)');
    expect(text).toContain('30 days: 25% of 20 · 60 days: suppressed (<10) · 90 days: suppressed (<10)');
    expect(text).toContain('6 of 20 respondents described applying their training (30%) — FAILING');
    expect(text).toContain('34 of 40 trained people (85%) have not shown applying it');
    expect(text).toContain('AI outputs     suppressed (fewer than 10 people)');
    expect(text).toMatch(/2026-W11\s+40\s+50%\s+supp\.\s+12\.3 d\s+10%/);
    expect(text).toMatch(/tiny\s+supp\./);
    expect(text).toMatch(/workshop\s+40\s+25%\s+supp\.\s+supp\.\s+14\.4 d\s+4\.0%/);
    expect(text).toMatch(/assistant\s+LCP\s+2488 ms\s+120/);
    expect(text).toMatch(/assistant\s+CLS\s+0\.072\s+120/);
    expect(text).toMatch(/other\s+INP\s+supp\./);
    expect(text).toMatch(/critique-tip\s+30\s+10\s+50%\s+20%\s+\+30\.0 pts\s+\+1\.0 pts … \+52\.0 pts/);
    expect(text).toContain(
      'Power plan (docs/analysts.md "Power before launch")\ncritique-tip: To detect 5 points on a baseline of 20 points it needs 4000 exposures.',
    );
  });

  it('prints engaged use, intensity and time saved with the method beside each time-saved figure', () => {
    const hiddenFigure = { people: null, hours: null, hoursPerPerson: null, suppressed: true };
    const text = formatReport(
      {
        ...metrics,
        engaged: {
          activity: { active: 50, engaged: 30, share: 0.6, suppressed: false },
          adoption: { trained: 40, engaged: 8, rate: 0.2, suppressed: false },
          sustained: {
            d30: { eligible: 20, engaged: 4, rate: 0.2, suppressed: false },
            d60: { ...hiddenFigure, eligible: null, engaged: null, rate: null },
            d90: { eligible: null, engaged: null, rate: null, suppressed: true },
          },
        },
        intensity: { moderateFrom: 4, heavyFrom: 12, active: 50, light: 25, moderate: 15, heavy: null, suppressed: false },
        timeSaved: {
          perTask: { method: 'per-task', people: 12, hours: 30.5, hoursPerPerson: 2.5, suppressed: false },
          selfReported: { method: 'self-reported', ...hiddenFigure },
          programs: [],
          role: [
            {
              key: 'analyst',
              perTask: { method: 'per-task', people: 12, hours: 30.5, hoursPerPerson: 2.5, suppressed: false },
              selfReported: { method: 'self-reported', ...hiddenFigure },
            },
          ],
          team: [],
        },
      },
      { events: 1, users: 1, byName: [] },
    );
    expect(text).toContain(
      'Engaged        30 of 50 active people accepted or edited an output or used an engaged feature in the last 28 days (60%)',
    );
    expect(text).toContain('trained: 8 of 40 (20%) · sustained engaged 30/60/90 days: 20% / supp. / supp.');
    expect(text).toContain('Intensity      light (1–3 days in 28) 25 (50%) · moderate (4–11) 15 (30%) · heavy (12+) supp.');
    expect(text).toContain(
      'Time saved     30.5 h by 12 people (2.5 h each) — per task: minutesSaved of task.completed, at most 480 a task',
    );
    expect(text).toContain('suppressed (fewer than 10 people) — self-reported: minutes a week × 4');
    expect(text).toMatch(/Time saved by role \(hours in the last 28 days\)\n.*\n\s+analyst\s+30\.5 h\s+12\s+supp\./);
    expect(text).not.toContain('Time saved by team');
  });

  it("gives each prompt's verdict from its always-valid interval, not from the fixed one that clears zero", () => {
    const text = formatReport(metrics, { events: 1, users: 1, byName: [] });
    expect(text).toContain(
      'critique-tip: not detected yet · uplift +30.0 pts · always-valid −5.0 pts … +58.0 pts · p across 1 prompt 0.090',
    );
    const adjusted = {
      ...metrics,
      prompts: [
        {
          ...metrics.prompts[0]!,
          cuped: { uplift: 0.28, alwaysValid: { low: 0.02, high: 0.54 }, theta: 3, varianceReduction: 0.12, covariateDays: 14 },
          pValue: 0.01,
          detected: true,
          adjustedPValue: 0.01,
          detectedAfterFdr: true,
        },
        { ...metrics.prompts[0]!, id: 'young', suppressed: true, ...upliftFields(null) },
        { ...metrics.prompts[0]!, id: 'by-team', ...upliftFields('too-few-teams') },
        {
          ...metrics.prompts[0]!,
          id: 'sure',
          cuped: { uplift: 0.3, alwaysValid: { low: 0.2, high: 0.4 }, theta: 0.1, varianceReduction: 0.003, covariateDays: 14 },
          pValue: 0.0001,
          detected: true,
          adjustedPValue: 0.0002,
          detectedAfterFdr: true,
        },
      ],
    };
    const lines = formatReport(adjusted, { events: 1, users: 1, byName: [] }).split('\n');
    expect(lines).toContain(
      '  critique-tip: detected: more people reach the goal · uplift +30.0 pts, adjusted +28.0 pts (CUPED on 14 days before: variance −12%) · always-valid +2.0 pts … +54.0 pts · p across 2 prompts 0.010',
    );
    expect(lines).toContain('  young: too few people in an arm yet');
    // Randomized by team with too few teams: no verdict, and no interval (the person-level one would overstate).
    expect(lines).toContain('  by-team: no verdict: randomized by team, and an arm has fewer than 2 teams to compare · uplift +30.0 pts');
    // Two prompts in the family now; a tiny reduction keeps a decimal, a tiny p says so.
    expect(lines).toContain(
      '  sure: detected: more people reach the goal · uplift +30.0 pts, adjusted +30.0 pts (CUPED on 14 days before: variance −0.3%) · always-valid +20.0 pts … +40.0 pts · p across 2 prompts < 0.001',
    );
  });

  it('table aligns the first column left and the others right', () => {
    expect(
      table(
        [
          ['a', '1'],
          ['bbb', '22'],
        ],
        '',
      ),
    ).toBe('a     1\nbbb  22');
  });
});
