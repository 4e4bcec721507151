import { describe, expect, it } from 'vitest';
import { secondarySuppression } from '../../src/metrics/secondary-suppression.js';

describe('secondary suppression', () => {
  it('hides nothing more when nothing is small', () => {
    expect(secondarySuppression([12, 40, 10], 10)).toEqual([false, false, false]);
  });

  it('hides the next smallest part when one small part could be recovered as the total minus the others', () => {
    // 3 people under the threshold: with 12 hidden beside them, the remainder is about 15 people.
    expect(secondarySuppression([40, 3, 12, 25], 10)).toEqual([false, true, true, false]);
  });

  it('hides until the hidden hold minGroupSize together, the smallest first, ties by order', () => {
    expect(secondarySuppression([1, 2, 3, 3, 50], 10)).toEqual([true, true, true, true, true]);
    expect(secondarySuppression([4, 30, 4, 30], 10)).toEqual([true, true, true, false]);
  });

  it('needs nothing more when the small parts together hold minGroupSize', () => {
    expect(secondarySuppression([6, 5, 80], 10)).toEqual([true, true, false]);
  });

  it('counts parts hidden already (a hidden group’s cells) in what the hidden hold', () => {
    expect(secondarySuppression([12, 3, 40], 10, [true, false, false])).toEqual([true, true, false]);
    expect(secondarySuppression([2, 3, 40, 20], 10, [true, false, false, false])).toEqual([true, true, false, true]);
  });

  it('lets empty parts call for nothing: they hide no one', () => {
    expect(secondarySuppression([0, 40, 12], 10)).toEqual([true, false, false]);
  });
});
