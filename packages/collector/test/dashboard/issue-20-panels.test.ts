// @vitest-environment happy-dom
import { render, type TemplateResult } from 'lit';
import { describe, expect, it } from 'vitest';
import { headlinePanel } from '../../dashboard/src/headline-panel.js';
import { retentionPanel } from '../../dashboard/src/retention-panel.js';
import { upliftFields } from '../../src/metrics/uplift-test.js';
import { upliftPanel } from '../../dashboard/src/uplift-panel.js';
import type { Metrics, PromptMetrics } from '../../src/metrics/types.js';

// Issue 20's dashboard items, as a new user met them: an uplift bar cut at ±50 points with no mark,
// "suppressed" beside DAU/WAU/MAU with no word of why, "(first 0 weeks)", and "suppressed" alone
// before a prompt's arms are large enough.
const window = { eligible: 120, active: 90, rate: 0.75, suppressed: false };
const base: Metrics = {
  asOf: '2026-11-25',
  minGroupSize: 10,
  filters: { tool: null, program: null, cohort: null },
  activity: { dau: 4, wau: 4, mau: 4, stickiness: 0.5, suppressed: false },
  adoption: { trained: 300, active: 150, rate: 0.5, suppressed: false },
  sustained: { d30: window, d60: window, d90: window },
  behaviorCheck: { respondents: null, applied: null, rate: null, failing: null, suppressed: true },
  gap: { trained: 300, applied: null, count: null, share: null, suppressed: true },
  outputs: { shown: null, accepted: null, edited: null, rejected: null, acceptanceRate: null, suppressed: true },
  cohorts: [],
  segments: { role: [], team: [] },
  prompts: [],
  programs: [],
  vitals: [],
};
const measured = (id: string, uplift: number, ci95: [number, number]): PromptMetrics => ({
  id,
  treated: 400,
  control: 40,
  convTreated: 0.7,
  convControl: 0.7 - uplift,
  uplift,
  ci95,
  suppressed: false,
  // The bar draws the always-valid interval; here it is the one given.
  alwaysValid: { low: ci95[0], high: ci95[1] },
  cuped: null,
  pValue: ci95[0] > 0 || ci95[1] < 0 ? 0.01 : 0.5,
  detected: ci95[0] > 0 || ci95[1] < 0,
  adjustedPValue: ci95[0] > 0 || ci95[1] < 0 ? 0.03 : 0.5,
  detectedAfterFdr: ci95[0] > 0 || ci95[1] < 0,
  cluster: null,
  noVerdict: null,
});
const small = {
  treated: null,
  control: null,
  convTreated: null,
  convControl: null,
  uplift: null,
  ci95: null,
  suppressed: true,
  ...upliftFields(null),
};

function rendered(template: TemplateResult): HTMLElement {
  const host = document.createElement('div');
  render(template, host);
  return host;
}
const text = (template: TemplateResult) => (rendered(template).textContent ?? '').replace(/\s+/g, ' ');

describe('the dashboard items of issue 20', () => {
  it('marks an uplift bar cut at the end of the axis, and gives its interval in words', () => {
    const m = {
      ...base,
      prompts: [measured('big', 0.62, [0.41, 0.83]), measured('both', 0.1, [-0.6, 0.7]), measured('inside', 0.1, [-0.2, 0.4])],
    };
    const host = rendered(upliftPanel(m));
    const line = (id: string) => [...host.querySelectorAll('.uplift li')].find((li) => li.textContent?.includes(id)) as HTMLElement;
    expect([...line('big').querySelectorAll('[data-clip]')].map((e) => e.getAttribute('data-clip'))).toEqual(['high']);
    expect(line('big').querySelector('.forest')?.getAttribute('aria-label')).toBe(
      'uplift +62.0 pts, always-valid interval +41.0 pts to +83.0 pts; the bar is cut at the end of the axis',
    );
    expect(line('big').textContent?.replace(/\s+/g, ' ')).toContain(
      'The bar is cut at the end of the axis (arrow): the always-valid interval runs from +41.0 pts to +83.0 pts.',
    );
    expect([...line('both').querySelectorAll('[data-clip]')].map((e) => e.getAttribute('data-clip'))).toEqual(['low', 'high']);
    expect(line('inside').querySelectorAll('[data-clip], .clip-note')).toHaveLength(0);
  });

  it('says why the share of trained people is suppressed while DAU, WAU and MAU are shown', () => {
    const m = { ...base, adoption: { trained: null, active: null, rate: null, suppressed: true } };
    const headline = text(headlinePanel(m));
    expect(headline).toContain('Trained people active in the last 28 days suppressed');
    expect(headline).toContain(
      'The share is suppressed: fewer than 10 people trained. Everyone using AI, trained or not (organisation-wide counts, reported as they are): DAU 4 · WAU 4 · MAU 4',
    );
    // With the share shown, the counts stand alone as before.
    expect(text(headlinePanel(base))).toContain('50% DAU 4 · WAU 4 · MAU 4');
  });

  it('says in words that no cohort has a full week yet, never "first 0 weeks"', () => {
    expect(text(retentionPanel(base))).toContain('(no training cohort yet)');
    const young = { ...base, cohorts: [{ cohort: '2026-W47', size: 40, suppressed: false, retention: [], fit: null }] };
    const heatmap = text(retentionPanel(young));
    expect(heatmap).toContain('(no cohort has a full week since training yet)');
    expect(heatmap).not.toMatch(/first 0 weeks/);
    const weekOne = { ...young, cohorts: [{ ...young.cohorts[0]!, retention: [{ week: 0, ...window }] }] };
    expect(text(retentionPanel(weekOne))).toContain('(first 1 week)');
  });

  it('says when a suppressed prompt is expected to be known, beside the bar and in its figure', () => {
    const viewer = { ...base, prompts: [{ ...small, id: 'young-tip', knownAround: '2026-12-20' }] };
    const line = rendered(upliftPanel(viewer)).querySelector('.uplift li') as HTMLElement;
    expect(line.querySelector('.uplift-value')?.textContent).toBe('known around 2026-12-20');
    expect(line.textContent).toContain('expected to be known around 2026-12-20');
    // An exact answer has no estimate: it says what the prompt waits for, still never the arms' sizes.
    const exact = rendered(upliftPanel({ ...base, prompts: [{ ...small, id: 'young-tip' }] })).querySelector('.uplift li') as HTMLElement;
    expect(exact.textContent).toContain(
      'suppressed: an arm has fewer people than the minimum group size; known once each arm has at least 10 people',
    );
  });
});
