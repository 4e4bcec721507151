import { describe, expect, it } from 'vitest';
import { meanInterval, median, tQuantile95 } from '../../src/metrics/answer-statistics.js';

describe('the statistics of a survey tally', () => {
  it('gives the same mean and interval to the last digit whatever order the rows came in', () => {
    // Values whose float sum depends on its order (in doubles 0.1 + 0.2 + 0.3 is 0.6000000000000001, 0.3 + 0.2 + 0.1 is 0.6).
    const tally = [
      { value: 0.1, people: 1 },
      { value: 0.2, people: 1 },
      { value: 0.3, people: 1 },
    ];
    const orders = [tally, [...tally].reverse(), [tally[1], tally[2], tally[0]]];
    const naive = orders.map((t) => t.reduce((s, x) => s + x.value * x.people, 0));
    expect(new Set(naive).size).toBeGreaterThan(1);
    const results = orders.map((t) => JSON.stringify(meanInterval(t as typeof tally)));
    expect(new Set(results).size).toBe(1);
    expect(new Set(orders.map((t) => median(t as typeof tally))).size).toBe(1);
  });

  it('has the 97.5th percentile of Student t at known degrees of freedom', () => {
    expect(tQuantile95(1)).toBeCloseTo(12.7062, 3);
    expect(tQuantile95(10)).toBeCloseTo(2.2281, 4);
    expect(tQuantile95(5000)).toBeCloseTo(1.9604, 4);
  });
});
