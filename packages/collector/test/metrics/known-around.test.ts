import { describe, expect, it } from 'vitest';
import { knownAround } from '../../src/metrics/known-around.js';

describe('knownAround: when a small prompt arm is expected to reach minGroupSize', () => {
  const sunday = '2026-11-22';

  it('extends the last four weeks’ growth and rounds up to the end of that week', () => {
    // 6 of 10, 4 more in 28 days: 4 more take 28 days, to 2026-12-20 (a Sunday).
    expect(knownAround([{ now: 6, before: 2 }], 10, sunday)).toBe('2026-12-20');
    // 1 more in 28 days, 1 missing: 28 days as well.
    expect(knownAround([{ now: 9, before: 8 }], 10, sunday)).toBe('2026-12-20');
    // 9 more in 28 days, 1 missing: in 4 days, a Thursday, so the Sunday after.
    expect(knownAround([{ now: 9, before: 0 }], 10, sunday)).toBe('2026-11-29');
    // Released sizes may already reach the threshold (noise): a week on at the soonest.
    expect(knownAround([{ now: 11, before: 5 }], 10, sunday)).toBe('2026-11-29');
  });

  it('is the later of two small arms', () => {
    expect(
      knownAround(
        [
          { now: 8, before: 4 },
          { now: 6, before: 2 },
        ],
        10,
        sunday,
      ),
    ).toBe('2026-12-20');
  });

  it('is null when an arm does not grow, or would take more than a year', () => {
    expect(knownAround([{ now: 3, before: 3 }], 10, sunday)).toBeNull();
    expect(knownAround([{ now: 1, before: 0 }], 20, sunday)).toBeNull();
  });
});
