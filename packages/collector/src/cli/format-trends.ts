import type { Metrics } from '../metrics/types.js';
import type { SeriesPoint } from '../trends/types.js';
import { table } from './format-report.js';

/** A week's value: a rate as a percentage, a mean with one decimal, "supp." when hidden. */
function cell(p: SeriesPoint, kind: 'rate' | 'mean'): string {
  if (p.suppressed) return 'supp.';
  if (p.value === null) return '–';
  return kind === 'rate' ? `${Math.round(p.value * 100)}%` : p.value.toFixed(1);
}

/** `uptake report`'s trends: one row per figure, one column per week (its Sunday, `MM-DD`), oldest first. */
export function formatTrends(m: Metrics): string[] {
  const t = m.trends;
  const first = t?.series[0];
  if (!t || !first || first.points.length === 0) return [];
  return [
    '',
    `Trends (as of each week's end, ${t.from} to ${t.to})`,
    table([
      ['figure', ...first.points.map((p) => p.week.slice(5))],
      ...t.series.map((s) => [s.label, ...s.points.map((p) => cell(p, s.kind))]),
    ]),
  ];
}
