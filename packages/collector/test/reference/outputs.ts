import type { Metrics, VitalMetrics } from '../../src/metrics/types.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { dayOf } from './days.js';
import { rate } from './groups.js';

/** What a "last 28 days" figure reads: events of asOf−27…asOf, of `tool` when given, of `people` when filtered. */
export function last28Days(
  events: readonly StoredEvent[],
  asOf: number,
  tool: string | undefined,
  people: ReadonlySet<string> | undefined,
): StoredEvent[] {
  return events.filter(
    (e) =>
      dayOf(e.ts) >= asOf - 27 &&
      (tool === undefined || e.tool === tool) &&
      (people === undefined || (e.userId !== null && people.has(e.userId))),
  );
}

/** A person behind an event: the user id, else the browser's anonymous id. */
const personOf = (e: StoredEvent) => e.userId ?? e.anonymousId;

const countPeople = (events: readonly StoredEvent[]) => new Set(events.map(personOf).filter((p) => p !== null)).size;

/**
 * Output acceptance over the last 28 days: counts of shown, accepted, edited and rejected outputs;
 * acceptance = (accepted + edited) ÷ shown; suppressed when fewer than `min` people produced them.
 */
export function outputs(recent: readonly StoredEvent[], min: number): Metrics['outputs'] {
  const of = (name: string) => recent.filter((e) => e.name === name);
  const all = ['ai.output_shown', 'ai.output_accepted', 'ai.output_edited', 'ai.output_rejected'].flatMap(of);
  if (countPeople(all) < min) return { shown: null, accepted: null, edited: null, rejected: null, acceptanceRate: null, suppressed: true };
  const [shown, accepted, edited, rejected] = [
    of('ai.output_shown').length,
    of('ai.output_accepted').length,
    of('ai.output_edited').length,
    of('ai.output_rejected').length,
  ] as const;
  return { shown, accepted, edited, rejected, acceptanceRate: rate(accepted + edited, shown), suppressed: false };
}

const vitalNames = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'];

/** The 75th percentile by linear interpolation between the closest ranks. */
export function p75(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * 0.75;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  return lo + 1 < sorted.length ? below + (h - lo) * ((sorted[lo + 1] as number) - below) : below;
}

/**
 * Web-vitals per tool and metric over the last 28 days from `perf.vital` events whose value is a
 * number; suppressed when fewer than `min` people's pages reported it. Sorted by tool, then in the
 * order LCP, INP, CLS, FCP, TTFB.
 */
export function vitals(recent: readonly StoredEvent[], min: number): VitalMetrics[] {
  const samples = recent.filter(
    (e) => e.name === 'perf.vital' && vitalNames.includes(String(e.props['metric'])) && typeof e.props['value'] === 'number',
  );
  const keys = [...new Set(samples.map((e) => `${e.tool}\u0000${String(e.props['metric'])}`))];
  return keys
    .map((key): VitalMetrics => {
      const [tool, metric] = key.split('\u0000') as [string, string];
      const group = samples.filter((e) => e.tool === tool && e.props['metric'] === metric);
      if (countPeople(group) < min)
        return { tool, metric, samples: null, p75: null, good: null, needsImprovement: null, poor: null, suppressed: true };
      const rated = (r: string) => group.filter((e) => e.props['rating'] === r).length;
      return {
        tool,
        metric,
        samples: group.length,
        p75: p75(group.map((e) => e.props['value'] as number)),
        good: rated('good'),
        needsImprovement: rated('needs-improvement'),
        poor: rated('poor'),
        suppressed: false,
      };
    })
    .sort((a, b) => a.tool.localeCompare(b.tool) || vitalNames.indexOf(a.metric) - vitalNames.indexOf(b.metric));
}
