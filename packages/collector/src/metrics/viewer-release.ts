import type { CellNoise } from './cell-key.js';
import type { Release } from './release.js';
import { secondarySuppression } from './secondary-suppression.js';

/**
 * Figures a viewer cannot difference (SPEC "Viewers cannot difference"): every count takes cell-key
 * noise, a part stays within its released whole (so rates stay within 0…1), breakdowns hide their
 * small parts and enough others (secondary suppression), and hidden groups are not listed. When a
 * filter narrowed the population below `minGroupSize` (`narrowed`), everything is hidden.
 */
export function viewerRelease(minGroupSize: number, noise: CellNoise, narrowed: boolean): Release {
  return {
    minGroupSize,
    narrowed,
    listsHidden: false,
    hide: (sizes, alreadyHidden) => (narrowed ? sizes.map(() => true) : secondarySuppression(sizes, minGroupSize, alreadyHidden)),
    count: (cell, n) => Math.max(0, n + noise(cell, [n], n)),
    part: (cell, n, whole, publishedWhole) => Math.min(publishedWhole, Math.max(0, n + noise(cell, [n, whole], whole))),
    magnitude: (cell, total, people) => (people > 0 ? Math.max(0, total + (noise(cell, [people, total], people) * total) / people) : total),
  };
}
