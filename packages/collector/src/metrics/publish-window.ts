import { cellName, type Population } from './cell-name.js';
import type { WindowCounts } from './metric-counts.js';
import type { Release } from './release.js';
import { ratio } from './suppress.js';
import type { Window } from './types.js';

/** A window as nobody may see it. */
export const hiddenWindow: Window = { eligible: null, active: null, rate: null, suppressed: true };

/**
 * A window of eligible and active people as released: the eligible are a population's count, the
 * active a part of it, the rate computed from the two released counts.
 */
export function publishWindow(
  release: Release,
  counts: WindowCounts,
  hidden: boolean,
  population: Population,
  ...detail: (string | number)[]
): Window {
  if (hidden) return { ...hiddenWindow };
  const eligible = release.count(cellName('eligible', population, ...detail), counts.eligible);
  const active = release.part(cellName('active', population, ...detail), counts.active, counts.eligible, eligible);
  return { eligible, active, rate: ratio(active, eligible), suppressed: false };
}
