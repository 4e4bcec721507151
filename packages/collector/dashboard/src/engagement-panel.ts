import { html, type TemplateResult } from 'lit';
import type { Metrics, TimeSavedFigure, TimeSavedGroup } from '../../src/metrics/types.js';
import { dataTable } from './data-table.js';
import { int, pct, suppressed } from './format.js';

/** How each method is measured, beside its figure (docs/analysts.md "Time saved"). */
const methods = {
  'per-task': 'per task: minutesSaved of logged tasks, at most 480 a task',
  'self-reported': 'self-reported: minutes a week × 4, latest pulse answer in 90 days',
} as const;

const hours = (f: TimeSavedFigure) => (f.suppressed ? suppressed : `${(f.hours ?? 0).toLocaleString('en-US')} h`);
const rows = (title: string, list: readonly TimeSavedGroup[]) =>
  list.map((g) => [
    `${title} ${g.key ?? '(not set)'}`,
    hours(g.perTask),
    int(g.perTask.people, g.perTask.suppressed),
    hours(g.selfReported),
    int(g.selfReported.people, g.selfReported.suppressed),
  ]);

/**
 * Engaged use beside active use, the intensity of use, and hours saved by each method with how it
 * is measured. Absent figures (an older collector's answer) leave the panel out.
 */
export function engagementPanel(m: Metrics): TemplateResult | null {
  const { engaged: e, intensity: i, timeSaved: t } = m;
  if (!e || !i || !t) return null;
  const band = (n: number | null) => (n === null ? suppressed : `${int(n)} (${pct(n / Math.max(1, i.active ?? 0))})`);
  return html`<section class="panel" aria-labelledby="engagement-title">
    <h2 id="engagement-title">Engaged use and time saved (last 28 days)</h2>
    <dl class="figures">
      <div>
        <dt>Active people who engaged</dt>
        <dd data-figure="engaged">${pct(e.activity.share, e.activity.suppressed)}</dd>
        <dd class="note">${e.activity.suppressed ? 'activity suppressed' : `${int(e.activity.engaged)} of ${int(e.activity.active)} accepted or edited an output or used an engaged feature; trained: ${pct(e.adoption.rate, e.adoption.suppressed)}`}</dd>
      </div>
      <div>
        <dt>Intensity: light · moderate · heavy</dt>
        <dd data-figure="intensity">${i.suppressed ? suppressed : `${band(i.light)} · ${band(i.moderate)} · ${band(i.heavy)}`}</dd>
        <dd class="note">usage days in 28: 1–${i.moderateFrom - 1} · ${i.moderateFrom}–${i.heavyFrom - 1} · ${i.heavyFrom}+</dd>
      </div>
      ${[t.perTask, t.selfReported].map(
        (f) => html`<div>
          <dt>Hours saved, ${f.method}</dt>
          <dd data-figure=${`time-saved-${f.method}`}>${hours(f)}</dd>
          <dd class="note">${f.suppressed ? `fewer than ${m.minGroupSize} people` : `${int(f.people)} people, ${f.hoursPerPerson ?? '–'} h each`} — ${methods[f.method]}</dd>
        </div>`,
      )}
    </dl>
    ${dataTable(
      'Hours saved by program, role and team',
      ['Group', 'Per task', 'People', 'Self-reported', 'People'],
      [...rows('program', t.programs), ...rows('role', t.role), ...rows('team', t.team)],
    )}
  </section>`;
}
