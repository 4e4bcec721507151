import { describe, expect, it } from 'vitest';
import { type Cluster, clusterUplift } from '../../src/stats/cluster-analysis.js';
import { clusterDesign } from '../../src/stats/intraclass.js';

// Teams whose float sums depend on their order: a store scanning on several threads (DuckDB's read
// sessions) returns the rows of a GROUP BY team in a varying order.
const teams: Cluster[] = [
  { people: 18, converted: 14 },
  { people: 21, converted: 8 },
  { people: 5, converted: 0 },
  { people: 29, converted: 7 },
];
const others: Cluster[] = [
  { people: 20, converted: 3 },
  { people: 31, converted: 10 },
  { people: 31, converted: 27 },
  { people: 30, converted: 26 },
];

function orders<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('the cluster statistics of teams', () => {
  it('give the same figures to the last digit whatever order the teams came in', () => {
    // The sum the design's variance takes, summed naively, differs between orders.
    const naive = orders(teams).map((ts) => ts.reduce((s, t) => s + t.people * (t.converted / t.people - 0.35) ** 2, 0));
    expect(new Set(naive).size).toBeGreaterThan(1);
    expect(new Set(orders(teams).map((ts) => JSON.stringify(clusterDesign(ts)))).size).toBe(1);
    const options = { alpha: 0.05, tuning: 100 };
    const uplifts = orders(teams).flatMap((ts) => orders(others).map((os) => JSON.stringify(clusterUplift(ts, os, options))));
    expect(new Set(uplifts).size).toBe(1);
  });
});
