import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cellKeyNoise, noiseBound } from '../../src/metrics/cell-key.js';

describe('cell-key noise', () => {
  it('is bounded by ±2 under 100 people, then by 1% of the size', () => {
    expect([0, 1, 10, 99, 100, 199, 200, 1_905, 10_000].map(noiseBound)).toEqual([2, 2, 2, 2, 1, 1, 2, 19, 100]);
  });

  it('gives the same cell with the same contents the same noise, under the same key only', () => {
    const key = randomBytes(32);
    const noise = cellKeyNoise(key);
    const again = cellKeyNoise(Buffer.from(key));
    const draws = Array.from({ length: 200 }, (_, i) => noise('["active",null]', [i, 1_905], 1_905));
    expect(Array.from({ length: 200 }, (_, i) => again('["active",null]', [i, 1_905], 1_905))).toEqual(draws);
    const other = cellKeyNoise(randomBytes(32));
    const otherDraws = Array.from({ length: 200 }, (_, i) => other('["active",null]', [i, 1_905], 1_905));
    // Two keys agree on about one draw in 39: far from all of them.
    expect(otherDraws.filter((d, i) => d === draws[i]).length).toBeLessThan(30);
  });

  it('draws every value of −bound…+bound about equally often, whatever changes in the cell', () => {
    const noise = cellKeyNoise(randomBytes(32));
    const seen = new Map<number, number>();
    for (let a = 0; a < 39_000; a++) {
      const d = noise('["active",null,null,null,null,null,"d30"]', [a, 1_905], 1_905);
      seen.set(d, (seen.get(d) ?? 0) + 1);
    }
    expect([...seen.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: 39 }, (_, i) => i - 19));
    // 1,000 expected each; a fair draw stays within ±15% (about 5 standard deviations).
    for (const count of seen.values()) expect(Math.abs(count - 1_000)).toBeLessThan(150);
  });

  it('depends on the cell name and on its contents, not on anything else', () => {
    const noise = cellKeyNoise(randomBytes(32));
    const names = Array.from({ length: 300 }, (_, i) => noise(`["eligible","team-${i}"]`, [500], 500));
    const contents = Array.from({ length: 300 }, (_, i) => noise('["eligible","team"]', [500 + i], 500));
    expect(new Set(names).size).toBe(11);
    expect(new Set(contents).size).toBe(11);
  });
});
