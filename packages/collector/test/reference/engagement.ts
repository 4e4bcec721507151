import type { EngagedMetrics, EngagedWindow, IntensityMetrics } from '../../src/metrics/types.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { dayOf } from './days.js';
import { rate } from './groups.js';
import { activeBetween, identified, type TrainedPerson } from './people.js';

/**
 * Each person's engaged days: the UTC days they accepted or edited an AI output or sent one of
 * `engagedEvents` (of `tool`, when given).
 */
export function engagedDays(events: readonly StoredEvent[], engagedEvents: readonly string[], tool?: string): Map<string, Set<number>> {
  const days = new Map<string, Set<number>>();
  for (const e of identified(events)) {
    const engaged = e.name === 'ai.output_accepted' || e.name === 'ai.output_edited' || engagedEvents.includes(e.name);
    if (!engaged || (tool !== undefined && e.tool !== tool)) continue;
    days.set(e.userId as string, (days.get(e.userId as string) ?? new Set()).add(dayOf(e.ts)));
  }
  return days;
}

/**
 * `engaged` and `intensity` from docs/analysts.md "Engaged use and intensity": the active of the last
 * 28 days (everyone's, or the filtered trained people's) and the engaged among them; the trained and
 * the engaged among them; sustained windows with an engaged day; the active by usage days in the 28.
 */
export function engagement(
  days: Map<string, Set<number>>,
  engaged: Map<string, Set<number>>,
  trained: readonly TrainedPerson[],
  people: readonly string[] | undefined,
  asOf: number,
  min: number,
  thresholds: { moderateFrom: number; heavyFrom: number },
): { engaged: EngagedMetrics; intensity: IntensityMetrics } {
  const activityHidden = people !== undefined && people.length < min;
  const who = (people ?? [...days.keys()]).filter((u) => activeBetween(days, u, asOf - 27, asOf));
  const engagedIn = (u: string, from: number, to: number) => activeBetween(engaged, u, from, to);
  const engagedNow = who.filter((u) => engagedIn(u, asOf - 27, asOf)).length;
  const activity = activityHidden
    ? { active: null, engaged: null, share: null, suppressed: true }
    : { active: who.length, engaged: engagedNow, share: rate(engagedNow, who.length), suppressed: false };
  const trainedEngaged = trained.filter((p) => engagedIn(p.user, asOf - 27, asOf)).length;
  const adoption =
    trained.length < min
      ? { trained: null, engaged: null, rate: null, suppressed: true }
      : { trained: trained.length, engaged: trainedEngaged, rate: rate(trainedEngaged, trained.length), suppressed: false };
  const window = (n: number): EngagedWindow => {
    const eligible = trained.filter((p) => p.trainedAt + n <= asOf);
    const hits = eligible.filter((p) => engagedIn(p.user, p.trainedAt + n - 13, p.trainedAt + n)).length;
    return eligible.length < min
      ? { eligible: null, engaged: null, rate: null, suppressed: true }
      : { eligible: eligible.length, engaged: hits, rate: rate(hits, eligible.length), suppressed: false };
  };
  const usageDays = (u: string) => [...(days.get(u) ?? [])].filter((d) => d >= asOf - 27 && d <= asOf).length;
  const band = (from: number, below: number) => who.filter((u) => usageDays(u) >= from && usageDays(u) < below).length;
  const intensity: IntensityMetrics =
    activityHidden || who.length < min
      ? { ...thresholds, active: null, light: null, moderate: null, heavy: null, suppressed: true }
      : {
          ...thresholds,
          active: who.length,
          light: band(1, thresholds.moderateFrom),
          moderate: band(thresholds.moderateFrom, thresholds.heavyFrom),
          heavy: band(thresholds.heavyFrom, 29),
          suppressed: false,
        };
  return { engaged: { activity, adoption, sustained: { d30: window(30), d60: window(60), d90: window(90) } }, intensity };
}
