import { html, type TemplateResult } from 'lit';
import type { Metrics, Window } from '../../src/metrics/types.js';
import { dataTable } from './data-table.js';
import { hiddenNote, int, palette, pct } from './format.js';
import type { ChartSeries } from './line-chart.js';

const horizons = [30, 60, 90];
const windowCells = (w: { d30: Window; d60: Window; d90: Window }) =>
  [w.d30, w.d60, w.d90].map((x) => (x.suppressed ? 'suppressed' : `${pct(x.rate)} of ${int(x.eligible)}`));

/** Sustained usage at 30, 60 and 90 days after training, one line per program and one per role. */
export function sustainedPanel(m: Metrics): TemplateResult {
  const programs: ChartSeries[] = [
    {
      label: 'All trained',
      values: [m.sustained.d30, m.sustained.d60, m.sustained.d90].map((w) => w.rate),
      color: palette[6] as string,
      dash: [6, 4],
    },
    ...m.programs.map((p, i) => ({
      label: p.program,
      values: [p.sustained.d30, p.sustained.d60, p.sustained.d90].map((w) => w.rate),
      color: palette[i % 6] as string,
    })),
  ];
  const roles = m.segments.role.filter((r) => !r.suppressed);
  const roleSeries: ChartSeries[] = roles.map((r, i) => ({
    label: r.key ?? '(no role)',
    values: [r.sustainedD30, r.sustainedD60, r.sustainedD90],
    color: palette[i % 6] as string,
  }));
  const hidden = [hiddenNote(m.hiddenGroups?.programs, 'program', 'programs'), hiddenNote(m.hiddenGroups?.role, 'role', 'roles')].filter(
    (note) => note !== null,
  );
  return html`<section class="panel" aria-labelledby="sustained-title">
    <h2 id="sustained-title">Sustained usage 30, 60 and 90 days after training</h2>
    <p class="explain">Share of trained people with an AI usage event in the 14 days up to each mark.</p>
    <div class="pair">
      <figure>
        <figcaption>By program</figcaption>
        <uptake-chart data-chart="sustained-program" label="Sustained usage at 30, 60 and 90 days, by program" x-label="days after training" .x=${horizons} .ticks=${horizons} .series=${programs}></uptake-chart>
        ${dataTable(
          'Sustained usage by program',
          ['Program', 'People', '30 days', '60 days', '90 days'],
          [
            ['All trained', int(m.adoption.trained, m.adoption.suppressed), ...windowCells(m.sustained)],
            ...m.programs.map((p) => [p.program, int(p.size, p.suppressed), ...windowCells(p.sustained)]),
          ],
        )}
      </figure>
      <figure>
        <figcaption>By role</figcaption>
        <uptake-chart data-chart="sustained-role" label="Sustained usage at 30, 60 and 90 days, by role" x-label="days after training" .x=${horizons} .ticks=${horizons} .series=${roleSeries}></uptake-chart>
        ${dataTable(
          'Sustained usage by role',
          ['Role', 'People', '30 days', '60 days', '90 days'],
          m.segments.role.map((r) =>
            r.suppressed
              ? [r.key ?? '(no role)', 'suppressed', 'suppressed', 'suppressed', 'suppressed']
              : [
                  r.key ?? '(no role)',
                  int(r.users),
                  pct(r.sustainedD30, r.sustainedD30 === null),
                  pct(r.sustainedD60, r.sustainedD60 === null),
                  pct(r.sustainedD90, r.sustainedD90 === null),
                ],
          ),
        )}
      </figure>
    </div>
    ${hidden.length ? html`<p class="explain" data-figure="hidden-groups">${hidden.join(' ')}</p>` : null}
  </section>`;
}
