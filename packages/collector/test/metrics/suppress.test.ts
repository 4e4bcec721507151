import { describe, expect, it } from 'vitest';
import { num, ratio, windowOf } from '../../src/metrics/suppress.js';

describe('suppression helpers', () => {
  it('a rate over nothing is null, never NaN or 0', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 4)).toBe(0.75);
  });

  it('a window of fewer than minGroupSize eligible shows nothing, its size included; minGroupSize itself shows', () => {
    expect(windowOf(4, 4, 5)).toEqual({ eligible: null, active: null, rate: null, suppressed: true });
    expect(windowOf(5, 2, 5)).toEqual({ eligible: 5, active: 2, rate: 0.4, suppressed: false });
  });

  it('reads counts as the stores return them: numbers, numeric strings (PostgreSQL), and nothing as 0', () => {
    expect(num(7)).toBe(7);
    expect(num('12')).toBe(12);
    expect(num(null)).toBe(0);
    expect(num(undefined)).toBe(0);
  });
});
