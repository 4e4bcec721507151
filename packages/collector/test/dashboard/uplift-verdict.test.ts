// @vitest-environment happy-dom
import { render, type TemplateResult } from 'lit';
import { describe, expect, it } from 'vitest';
import { headline, promptResults } from '../../dashboard/src/studio-results.js';
import { upliftPanel } from '../../dashboard/src/uplift-panel.js';
import type { Metrics, PromptMetrics } from '../../src/metrics/types.js';
import { upliftFields } from '../../src/metrics/uplift-test.js';

const prompt = (id: string, test: Partial<PromptMetrics>): PromptMetrics => ({
  id,
  treated: 400,
  control: 100,
  convTreated: 0.3,
  convControl: 0.2,
  uplift: 0.1,
  // The fixed-horizon interval clears zero for every prompt here: the dashboard must not read it.
  ci95: [0.01, 0.19],
  suppressed: false,
  ...upliftFields(null),
  ...test,
});
const detectedTest = {
  alwaysValid: { low: 0.02, high: 0.18 },
  pValue: 0.001,
  detected: true,
  adjustedPValue: 0.003,
  detectedAfterFdr: true,
};
const prompts = [
  prompt('works', detectedTest),
  prompt('watching', {
    alwaysValid: { low: -0.03, high: 0.23 },
    pValue: 0.3,
    detected: false,
    adjustedPValue: 0.3,
    detectedAfterFdr: false,
  }),
  prompt('fluke', { ...detectedTest, adjustedPValue: 0.07, detectedAfterFdr: false }),
  prompt('hurts', {
    uplift: -0.1,
    alwaysValid: { low: -0.19, high: -0.01 },
    pValue: 0.01,
    detected: true,
    adjustedPValue: 0.02,
    detectedAfterFdr: true,
  }),
  prompt('adjusted', {
    alwaysValid: { low: -0.01, high: 0.21 },
    cuped: { uplift: 0.12, alwaysValid: { low: 0.03, high: 0.21 }, theta: 2.5, varianceReduction: 0.3, covariateDays: 14 },
    pValue: 0.004,
    detected: true,
    adjustedPValue: 0.01,
    detectedAfterFdr: true,
  }),
  // Randomized by team with one team in an arm: the person-level interval would clear zero, and is not given.
  prompt('by-team', upliftFields('too-few-teams')),
];
const metrics = {
  asOf: '2026-11-30',
  minGroupSize: 10,
  filters: { tool: null, program: null, cohort: null },
  prompts,
} as unknown as Metrics;

function rendered(template: TemplateResult): HTMLElement {
  const host = document.createElement('div');
  render(template, host);
  return host;
}

describe('the verdict on each prompt', () => {
  const host = rendered(upliftPanel(metrics));
  const line = (id: string) => [...host.querySelectorAll('.uplift li')].find((li) => li.textContent?.includes(id)) as HTMLElement;
  const words = (id: string) => line(id).querySelector('.verdict')?.textContent;

  it('says "detected" only when the always-valid interval clears zero, whatever the fixed-horizon one says', () => {
    expect(words('works')).toBe('detected: more people reach the goal');
    expect(words('watching')).toBe('not detected yet');
    expect(words('hurts')).toBe('detected: fewer people reach the goal');
    expect(line('watching').querySelector('.verdict')?.getAttribute('data-detected')).toBe('false');
  });

  it('says when a detection does not survive the check across all prompts (Benjamini–Hochberg)', () => {
    expect(words('fluke')).toBe('detected (more people reach the goal), but not after the check across all prompts');
  });

  it("draws CUPED's interval when there is one, and gives both uplifts in the table", () => {
    expect(line('adjusted').querySelector('.forest')?.getAttribute('aria-label')).toBe(
      'uplift +12.0 pts adjusted, always-valid interval +3.0 pts to +21.0 pts',
    );
    const row = [...host.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes('adjusted')) as HTMLElement;
    const cells = [...row.children].map((c) => c.textContent?.trim());
    expect(cells).toEqual([
      'adjusted',
      '400',
      '100',
      '30%',
      '20%',
      '+10.0 pts',
      '+12.0 pts (variance −30%)',
      '+3.0 pts … +21.0 pts',
      'detected: more people reach the goal',
      '0.010',
    ]);
    // The fixed-horizon interval is for analysts (JSON and exports), not shown here.
    expect(host.textContent).not.toContain('+1.0 pts');
    expect(host.textContent).not.toContain('+19.0 pts');
  });

  it('says a prompt randomized by team with too few teams has no verdict, draws no interval and gives its counts', () => {
    expect(words('by-team')).toBe('no verdict: randomized by team, and an arm has fewer than 2 teams to compare');
    expect(line('by-team').querySelector('.verdict')?.getAttribute('data-detected')).toBe('none');
    expect(line('by-team').querySelector('.forest')).toBeNull();
    expect(line('by-team').querySelector('.no-verdict-note')?.textContent).toBe('no interval: too few teams to compare');
    expect(line('by-team').textContent).not.toContain('suppressed');
    const row = [...host.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes('by-team')) as HTMLElement;
    expect([...row.children].map((c) => c.textContent?.trim())).toEqual([
      'by-team',
      '400',
      '100',
      '30%',
      '20%',
      '+10.0 pts',
      '–',
      'none',
      'no verdict: randomized by team, and an arm has fewer than 2 teams to compare',
      '–',
    ]);
    expect(headline('prompt', 'by-team', metrics)).toBe(
      'uplift +10.0 pts, no verdict: randomized by team, and an arm has fewer than 2 teams to compare',
    );
    // Its studio screen says the same, not "too few people in an arm yet".
    const screen = rendered(promptResults(prompts.at(-1), { id: 'by-team', shown: 400, clicked: 120, goal: 150, suppressed: false }));
    expect(screen.querySelector('p')?.textContent).toBe(
      'Uplift +10.0 pts against the holdout: no verdict: randomized by team, and an arm has fewer than 2 teams to compare.',
    );
    // A viewer is told why their test may have fewer teams than an analyst's.
    const viewer = rendered(upliftPanel({ ...metrics, hiddenGroups: { cohorts: 0, programs: 0, role: 0, team: 1 } }));
    expect(viewer.querySelector('.no-verdict-note')?.textContent).toContain(
      "a viewer's test counts only the teams large enough to show (at least 10 people): ask an analyst for the exact test",
    );
  });

  it("puts the verdict in the studio list's headline", () => {
    expect(headline('prompt', 'watching', metrics)).toBe('uplift +10.0 pts, not detected yet');
    expect(headline('prompt', 'works', metrics)).toBe('uplift +10.0 pts, detected: more people reach the goal');
  });
});
