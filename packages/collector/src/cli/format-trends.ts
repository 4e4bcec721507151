import type { Metrics } from '../metrics/types.js';
import type { SeriesPoint } from '../trends/types.js';

/** A week's value: a rate as a percentage, a mean with one decimal, "supp." when hidden. */
function cell(p: SeriesPoint, kind: 'rate' | 'mean'): string {
  if (p.suppressed) return 'supp.';
  if (p.value === null) return '–';
  return kind === 'rate' ? `${Math.round(p.value * 100)}%` : p.value.toFixed(1);
}

/**
 * `uptake report`'s trends: a title and the rows of a table (`table` lays them out), one per figure,
 * one column per week (its Sunday, `MM-DD`), oldest first; nothing without weeks.
 */
export function trendRows(m: Metrics): { title: string; rows: string[][] } | null {
  const t = m.trends;
  const first = t?.series[0];
  if (!t || !first || first.points.length === 0) return null;
  return {
    title: `Trends (as of each week's end, ${t.from} to ${t.to})`,
    rows: [
      ['figure', ...first.points.map((p) => p.week.slice(5))],
      ...t.series.map((s) => [s.label, ...s.points.map((p) => cell(p, s.kind))]),
    ],
  };
}
