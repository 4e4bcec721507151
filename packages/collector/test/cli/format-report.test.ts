import { describe, expect, it } from 'vitest';
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
