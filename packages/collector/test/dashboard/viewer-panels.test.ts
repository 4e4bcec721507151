// @vitest-environment happy-dom
import { render, type TemplateResult } from 'lit';
import { describe, expect, it } from 'vitest';
import { headlinePanel } from '../../dashboard/src/headline-panel.js';
import { retentionPanel } from '../../dashboard/src/retention-panel.js';
import { sustainedPanel } from '../../dashboard/src/sustained-panel.js';
import { upliftFields } from '../../src/metrics/uplift-test.js';
import { upliftPanel } from '../../dashboard/src/uplift-panel.js';
import type { Metrics } from '../../src/metrics/types.js';

const window = { eligible: 120, active: 90, rate: 0.75, suppressed: false };
const hidden = { eligible: null, active: null, rate: null, suppressed: true };
const noUplift = {
  control: null,
  convControl: null,
  uplift: null,
  ci95: null,
  suppressed: true,
  ...upliftFields(null),
};

/** An answer as a viewer gets it: figures of the last complete week, two cohorts and two roles hidden, a small prompt arm. */
const viewer: Metrics = {
  asOf: '2026-11-25',
  figuresAsOf: '2026-11-22',
  minGroupSize: 10,
  filters: { tool: null, program: null, cohort: null },
  activity: { dau: 3, wau: 758, mau: 1953, stickiness: 0.09, suppressed: false },
  adoption: { trained: 3569, active: 1952, rate: 0.55, suppressed: false },
  sustained: { d30: window, d60: window, d90: window },
  behaviorCheck: { respondents: null, applied: null, rate: null, failing: null, suppressed: true },
  gap: { trained: 3569, applied: null, count: null, share: null, suppressed: true },
  outputs: { shown: null, accepted: null, edited: null, rejected: null, acceptanceRate: null, suppressed: true },
  cohorts: [{ cohort: 'spring', size: 120, suppressed: false, retention: [{ week: 0, ...window }], fit: null }],
  segments: {
    role: [{ key: 'professional', users: 300, sustainedD30: 0.7, sustainedD60: 0.5, sustainedD90: 0.4, suppressed: false }],
    team: [],
  },
  prompts: [
    { ...noUplift, id: 'critique-tip', treated: 40, convTreated: 0.3, knownAround: '2026-12-20' },
    { ...noUplift, id: 'stalled', treated: null, convTreated: null, knownAround: null },
  ],
  programs: [
    { program: 'workshop', size: 120, suppressed: false, sustained: { d30: window, d60: window, d90: hidden }, retention: [], fit: null },
  ],
  vitals: [],
  hiddenGroups: { cohorts: 2, programs: 0, role: 2, team: 3 },
};

function text(template: TemplateResult): string {
  const host = document.createElement('div');
  render(template, host);
  return (host.textContent ?? '').replace(/\s+/g, ' ');
}

describe('the panels show what a viewer gets', () => {
  it('says which week the figures are for, and that DAU is that Sunday’s', () => {
    const headline = text(headlinePanel(viewer));
    expect(headline).toContain('Figures as of the week ending 2026-11-22 (a Sunday)');
    expect(headline).toContain('people, as of 2026-11-22');
    expect(headline).toContain('Sunday’s DAU 3 · WAU 758');
  });

  it('says how many groups are hidden, never which', () => {
    expect(text(retentionPanel(viewer))).toContain('2 cohorts not shown: too few people, or hidden with a smaller one');
    const sustained = text(sustainedPanel(viewer));
    expect(sustained).toContain('2 roles not shown');
    expect(sustained).not.toContain('programs not shown');
  });

  it('says when a small prompt arm is expected to be known, never how many it holds', () => {
    const uplift = text(upliftPanel(viewer));
    expect(uplift).toContain('expected to be known around 2026-12-20');
    expect(uplift).toContain('not expected within a year at the current pace');
  });

  it('shows an analyst’s answer as before: the day asked for, no notes', () => {
    const { figuresAsOf: _f, hiddenGroups: _h, ...exact } = viewer;
    const analyst: Metrics = { ...exact, prompts: exact.prompts.map(({ knownAround: _k, ...p }) => p) };
    const headline = text(headlinePanel(analyst));
    expect(headline).not.toContain('week ending');
    expect(headline).toContain('people, as of 2026-11-25');
    expect(headline).toContain('DAU 3 · WAU');
    expect(text(retentionPanel(analyst))).not.toContain('not shown');
    expect(text(upliftPanel(analyst))).not.toContain('expected to be known');
  });
});
