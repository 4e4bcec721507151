import { describe, expect, it } from 'vitest';
import { figuresAsOf } from '../../src/metrics/figures-as-of.js';

describe('figuresAsOf: the end of the last complete ISO week on or before asOf', () => {
  it('is the Sunday on or before asOf, for every day of the week after it', () => {
    // 2026-11-22 is a Sunday.
    const days = ['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28'];
    expect(days.map((d) => figuresAsOf(d, '2027-01-01'))).toEqual(Array(7).fill('2026-11-22'));
    expect(figuresAsOf('2026-11-29', '2027-01-01')).toBe('2026-11-29');
  });

  it('never is today: a week whose Sunday is today is not complete', () => {
    expect(figuresAsOf('2026-11-22', '2026-11-22')).toBe('2026-11-15');
    expect(figuresAsOf('2026-11-22', '2026-11-23')).toBe('2026-11-22');
    expect(figuresAsOf('2026-11-25', '2026-11-25')).toBe('2026-11-22');
  });

  it('is null before the first Sunday of the year 1, and the year 1 works', () => {
    expect(figuresAsOf('0001-01-06', '2026-01-01')).toBeNull();
    expect(figuresAsOf('0001-01-07', '2026-01-01')).toBe('0001-01-07');
  });
});
