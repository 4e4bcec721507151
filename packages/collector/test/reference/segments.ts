import type { SegmentMetrics } from '../../src/metrics/types.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { rate } from './groups.js';
import { latestTrait, type TrainedPerson } from './people.js';
import { sustainedAt } from './population.js';

/**
 * Trained people grouped by the latest value of a trait (`key: null` without one), in key order,
 * null last; per group its size and sustained usage at 30, 60 and 90 days, each null while fewer
 * than `min` of the group are eligible for it.
 */
export function segmentsBy(
  trait: 'role' | 'team',
  events: readonly StoredEvent[],
  trained: readonly TrainedPerson[],
  days: Map<string, Set<number>>,
  asOf: number,
  min: number,
): SegmentMetrics[] {
  const values = latestTrait(events, trait);
  const keyOf = (p: TrainedPerson) => values.get(p.user) ?? null;
  const keys = [...new Set(trained.map(keyOf))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key) => {
    const members = trained.filter((p) => keyOf(p) === key);
    if (members.length < min) return { key, users: null, sustainedD30: null, sustainedD60: null, sustainedD90: null, suppressed: true };
    const at = (n: number) => {
      const { eligible, active } = sustainedAt(n, members, days, asOf);
      return eligible < min ? null : rate(active, eligible);
    };
    return { key, users: members.length, sustainedD30: at(30), sustainedD60: at(60), sustainedD90: at(90), suppressed: false };
  });
}
