import { html, type TemplateResult } from 'lit';
import type { Metrics } from '../../src/metrics/types.js';
import { dataTable } from './data-table.js';
import { palette, pct } from './format.js';
import type { ChartSeries } from './line-chart.js';

/** Each headline figure as of the end of each of the last weeks (`trends` of `?series=weekly`), rates as lines, everything in the table. */
export function trendsPanel(m: Metrics): TemplateResult | null {
  const t = m.trends;
  const weeks = t?.series[0]?.points.map((p) => p.week) ?? [];
  if (!t || weeks.length === 0) return null;
  const lines: ChartSeries[] = t.series
    .filter((s) => s.kind === 'rate')
    .map((s, i) => ({ label: s.label, values: s.points.map((p) => p.value), color: palette[i % 7] as string }));
  const cell = (kind: string, p: { value: number | null; suppressed: boolean }) =>
    kind === 'rate' ? pct(p.value, p.suppressed) : p.suppressed ? 'suppressed' : (p.value?.toFixed(1) ?? '–');
  return html`<section class="panel" aria-labelledby="trends-title">
    <h2 id="trends-title">Trends, week by week</h2>
    <p class="explain">Each figure as of the end (Sunday) of each week from ${t.from} to ${t.to}.</p>
    <figure>
      <uptake-chart data-chart="trends" label="Adoption, sustained usage and the behaviour check, week by week" x-label="week" .x=${weeks.map((_, i) => i + 1)} .series=${lines}></uptake-chart>
      ${dataTable(
        'Trends by week (week ending)',
        ['Figure', ...weeks],
        t.series.map((s) => [s.label, ...s.points.map((p) => cell(s.kind, p))]),
      )}
    </figure>
  </section>`;
}
