import { describe, expect, it } from 'vitest';
import { backoff, backoffBaseMs, backoffMaxMs } from '../../src/delivery/backoff.js';

describe('backoff', () => {
  it('doubles with each failure, between half and all of the step (jitter)', () => {
    expect(backoff(1, () => 1)).toBe(backoffBaseMs);
    expect(backoff(1, () => 0)).toBe(backoffBaseMs / 2);
    expect(backoff(2, () => 1)).toBe(2 * backoffBaseMs);
    expect(backoff(4, () => 1)).toBe(8 * backoffBaseMs);
  });

  it('never waits longer than the cap', () => {
    expect(backoff(40, () => 1)).toBe(backoffMaxMs);
  });

  it('spreads browsers that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoff(3)));
    expect(delays.size).toBeGreaterThan(40);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(2 * backoffBaseMs);
  });
});
