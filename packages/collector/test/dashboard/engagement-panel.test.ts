// @vitest-environment happy-dom
import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { engagementPanel } from '../../dashboard/src/engagement-panel.js';
import type { Metrics } from '../../src/metrics/types.js';

const window = { eligible: 120, active: 90, rate: 0.75, suppressed: false };
const base: Metrics = {
  asOf: '2026-11-25',
  minGroupSize: 10,
  filters: { tool: null, program: null, cohort: null },
  activity: { dau: 40, wau: 60, mau: 80, stickiness: 0.5, suppressed: false },
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
const hidden = { people: null, hours: null, hoursPerPerson: null, suppressed: true };

function shown(m: Metrics): HTMLElement {
  const host = document.createElement('div');
  const panel = engagementPanel(m);
  if (panel) render(panel, host);
  return host;
}
const figure = (host: HTMLElement, name: string) => host.querySelector(`[data-figure="${name}"]`)?.textContent?.trim();

describe('the engaged use and time saved panel', () => {
  it('shows the engaged share, the intensity bands and hours by each method with how it is measured', () => {
    const host = shown({
      ...base,
      engaged: {
        activity: { active: 80, engaged: 60, share: 0.75, suppressed: false },
        adoption: { trained: 300, engaged: 120, rate: 0.4, suppressed: false },
        sustained: {
          d30: { eligible: 120, engaged: 60, rate: 0.5, suppressed: false },
          d60: { eligible: null, engaged: null, rate: null, suppressed: true },
          d90: { eligible: null, engaged: null, rate: null, suppressed: true },
        },
      },
      intensity: { moderateFrom: 4, heavyFrom: 12, active: 80, light: 40, moderate: 30, heavy: null, suppressed: false },
      timeSaved: {
        perTask: { method: 'per-task', people: 50, hours: 75.5, hoursPerPerson: 1.5, suppressed: false },
        selfReported: { method: 'self-reported', ...hidden },
        programs: [],
        role: [
          {
            key: 'analyst',
            perTask: { method: 'per-task', people: 50, hours: 75.5, hoursPerPerson: 1.5, suppressed: false },
            selfReported: { method: 'self-reported', ...hidden },
          },
        ],
        team: [],
      },
    });
    expect(figure(host, 'engaged')).toBe('75%');
    expect(figure(host, 'intensity')).toBe('40 (50%) · 30 (38%) · suppressed');
    expect(figure(host, 'time-saved-per-task')).toBe('75.5 h');
    expect(figure(host, 'time-saved-self-reported')).toBe('suppressed');
    expect(host.textContent).toContain('per task: minutesSaved of logged tasks, at most 480 a task');
    expect(host.textContent).toContain('self-reported: minutes a week × 4');
    expect(host.querySelector('tbody tr')?.textContent).toContain('role analyst');
  });

  it('is left out for an answer without the figures', () => {
    expect(engagementPanel(base)).toBeNull();
  });
});
