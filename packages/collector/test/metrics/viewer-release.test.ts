import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellKeyNoise } from '../../src/metrics/cell-key.js';
import { publishWindow } from '../../src/metrics/publish-window.js';
import { viewerRelease } from '../../src/metrics/viewer-release.js';

describe('a viewer’s release', () => {
  it('keeps the rate of a window of 100 people or more within 2 points of the exact one, by construction', () => {
    const release = viewerRelease(10, cellKeyNoise(randomBytes(32)), false);
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 200_000 }).chain((eligible) => fc.tuple(fc.constant(eligible), fc.integer({ min: 0, max: eligible }))),
        fc.string(),
        ([eligible, active], team) => {
          const w = publishWindow(release, { eligible, active }, false, { segment: { trait: 'team', key: team } }, 'd30');
          expect(w.rate).not.toBeNull();
          expect(Math.abs((w.rate as number) - active / eligible)).toBeLessThanOrEqual(0.02 + 1e-12);
          expect(w.active).toBeLessThanOrEqual(w.eligible as number);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('keeps every count within its noise bound and never negative; parts within their released whole', () => {
    const release = viewerRelease(10, cellKeyNoise(randomBytes(32)), false);
    for (let n = 0; n < 3_000; n++) {
      const c = release.count('["people"]', n);
      expect(c).toBeGreaterThanOrEqual(Math.max(0, n - (n >= 100 ? Math.floor(n / 100) : 2)));
      expect(c).toBeLessThanOrEqual(n + (n >= 100 ? Math.floor(n / 100) : 2));
      expect(release.part('["active"]', n, 3_000, 2_990)).toBeLessThanOrEqual(2_990);
    }
  });

  it('hides a breakdown’s small parts and enough others; a narrowed answer hides everything', () => {
    const noise = cellKeyNoise(randomBytes(32));
    expect(viewerRelease(10, noise, false).hide([40, 3, 12, 25])).toEqual([false, true, true, false]);
    expect(viewerRelease(10, noise, true).hide([40, 3, 12, 25])).toEqual([true, true, true, true]);
  });
});
