import { cellName, type Population } from './cell-name.js';
import type { EngagementCounts } from './engagement.js';
import type { Release } from './release.js';
import { ratio } from './suppress.js';
import type { EngagedMetrics, EngagedWindow, IntensityMetrics } from './types.js';

const horizons = ['d30', 'd60', 'd90'] as const;

/**
 * Engaged use and intensity as `release` lets its reader see them. Each whole is released under the
 * same cell name as the figure it sits next to (MAU, the trained, a window's eligible), so a viewer
 * reads one number for both; the engaged are a part of it. `activityHidden`: whether activity itself
 * is suppressed (a filtered population under `minGroupSize`, or a viewer's narrowed filter).
 */
export function publishEngagement(
  counts: EngagementCounts,
  release: Release,
  base: Population,
  activityHidden: boolean,
  thresholds: { moderateFrom: number; heavyFrom: number },
): { engaged: EngagedMetrics; intensity: IntensityMetrics } {
  const name = (measure: string) => cellName(measure, base);
  const a = counts.activity;
  const mau = activityHidden ? null : release.count(name('mau'), a.active);
  const activity: EngagedMetrics['activity'] =
    mau === null
      ? { active: null, engaged: null, share: null, suppressed: true }
      : (() => {
          const engaged = release.part(name('engaged-28d'), a.engaged, a.active, mau);
          return { active: mau, engaged, share: ratio(engaged, mau), suppressed: false };
        })();

  const p = counts.adoption;
  let adoption: EngagedMetrics['adoption'] = { trained: null, engaged: null, rate: null, suppressed: true };
  if (!release.hide([p.trained])[0]) {
    const trained = release.count(cellName('people', base), p.trained);
    const engaged = release.part(name('engaged-trained-28d'), p.engaged, p.trained, trained);
    adoption = { trained, engaged, rate: ratio(engaged, trained), suppressed: false };
  }
  const window = (h: (typeof horizons)[number]): EngagedWindow => {
    const w = counts.sustained[h];
    if (release.hide([w.eligible])[0]) return { eligible: null, engaged: null, rate: null, suppressed: true };
    const eligible = release.count(cellName('eligible', base, h), w.eligible);
    const engaged = release.part(cellName('engaged', base, h), w.engaged, w.eligible, eligible);
    return { eligible, engaged, rate: ratio(engaged, eligible), suppressed: false };
  };

  const { light, moderate, heavy } = counts.intensity;
  let intensity: IntensityMetrics = { ...thresholds, active: null, light: null, moderate: null, heavy: null, suppressed: true };
  if (mau !== null && !release.hide([a.active])[0]) {
    // For a viewer the three bands are a breakdown of the active: a small band is hidden, and another with it.
    const hidden = release.listsHidden ? [false, false, false] : release.hide([light, moderate, heavy]);
    const band = (i: number, measure: string, n: number) => (hidden[i] ? null : release.part(name(measure), n, a.active, mau));
    intensity = {
      ...thresholds,
      active: mau,
      light: band(0, 'intensity-light', light),
      moderate: band(1, 'intensity-moderate', moderate),
      heavy: band(2, 'intensity-heavy', heavy),
      suppressed: false,
    };
  }
  return { engaged: { activity, adoption, sustained: { d30: window('d30'), d60: window('d60'), d90: window('d90') } }, intensity };
}
