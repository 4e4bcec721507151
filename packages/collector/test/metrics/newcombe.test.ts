import { describe, expect, it } from 'vitest';
import { newcombeInterval, wilsonInterval } from '../../src/metrics/newcombe.js';

describe('Newcombe hybrid score interval', () => {
  it('reproduces the worked example of Newcombe 1998: 56/70 vs 48/80 gives 0.0524 to 0.3339', () => {
    const [lo, hi] = newcombeInterval(56, 70, 48, 80);
    expect(lo).toBeCloseTo(0.0524, 4);
    expect(hi).toBeCloseTo(0.3339, 4);
  });

  it('stays within [−1, 1] at the boundary: 10/10 vs 0/20, worked by hand', () => {
    // Wilson, z = 1.96: 10/10 → lower (20 + z² − z·z)/(2·(10 + z²)) = 20/27.683 = 0.7225;
    // 0/20 → upper (z² + z·z)/(2·(20 + z²)) = 7.683/47.683 = 0.1611.
    // L = 1 − √((1 − 0.7225)² + 0.1611²) = 1 − 0.3209 = 0.6791; U = 1 + √(0 + 0) = 1.
    const [lo, hi] = newcombeInterval(10, 10, 0, 20);
    expect(lo).toBeCloseTo(0.6791, 4);
    expect(hi).toBe(1);
  });

  it('Wilson interval of 0/n starts at 0 and of n/n ends at 1', () => {
    expect(wilsonInterval(0, 20)[0]).toBe(0);
    expect(wilsonInterval(20, 20)[1]).toBe(1);
    expect(wilsonInterval(0, 20)[1]).toBeCloseTo(0.1611, 4);
  });
});
