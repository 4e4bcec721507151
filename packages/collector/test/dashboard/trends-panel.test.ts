// @vitest-environment happy-dom
import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { trendsPanel } from '../../dashboard/src/trends-panel.js';
import type { Metrics } from '../../src/metrics/types.js';

const point = (week: string, value: number | null) => ({ week, value, people: value === null ? null : 120, suppressed: value === null });

describe('the trends panel', () => {
  it('draws the rates as lines and lists every figure by week, suppressed weeks said so; nothing without weeks', () => {
    const trends: Metrics['trends'] = {
      interval: 'week',
      from: '2026-11-02',
      to: '2026-11-15',
      series: [
        { id: 'adoption', label: 'Adoption', kind: 'rate', points: [point('2026-11-08', null), point('2026-11-15', 0.42)] },
        {
          id: 'survey-mean:pulse:confidence',
          label: 'Mean answer',
          kind: 'mean',
          points: [point('2026-11-08', 3.25), point('2026-11-15', 3.5)],
        },
      ],
    };
    const host = document.createElement('div');
    render(trendsPanel({ trends } as Metrics), host);
    const chart = host.querySelector('uptake-chart[data-chart="trends"]') as unknown as { series: { label: string }[]; x: number[] };
    expect(chart.series.map((s) => s.label)).toEqual(['Adoption']);
    expect(chart.x).toEqual([1, 2]);
    const rows = [...host.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent?.trim()));
    expect(rows).toEqual([
      ['Adoption', 'suppressed', '42%'],
      ['Mean answer', '3.3', '3.5'],
    ]);
    expect(trendsPanel({ trends: { ...trends, series: [] } } as unknown as Metrics)).toBeNull();
    expect(trendsPanel({} as Metrics)).toBeNull();
  });
});
