import type { UptakeConfig } from '../config/config-schema.js';
import type { DigestTarget } from '../config/digest-schema.js';
import { computeMetrics } from '../metrics/compute-metrics.js';
import type { Metrics, Rate, SegmentMetrics } from '../metrics/types.js';
import type { Store } from '../storage/store.js';

/** One line of a digest: this week's value, last week's, and the organisation's beside a team's. */
export interface DigestFigure {
  label: string;
  /** A count, or a rate in 0…1; null when suppressed. */
  value: number | null;
  previous: number | null;
  /** The last 4 weeks' values, oldest first (the last is `value`); null where suppressed. */
  trend: (number | null)[];
  /** For a team's digest: the organisation's value of the same figure. */
  organisation?: number | null;
  kind: 'count' | 'rate';
}

export interface Digest {
  name: string;
  scope: 'organisation' | { team: string };
  /** The ISO week the figures are for (Monday to Sunday), as the dashboard's viewers see it. */
  week: { from: string; to: string };
  title: string;
  figures: DigestFigure[];
}

/** Why a digest is not built: a team too small to publish, or no complete week yet. */
export class DigestWithheld extends Error {}

const day = (text: string, plus: number) => new Date(Date.parse(`${text}T00:00:00Z`) + plus * 864e5).toISOString().slice(0, 10);

/** How many weeks a digest's trend shows. */
export const trendWeeks = 4;

function organisationFigures(weeks: readonly Metrics[]): DigestFigure[] {
  const line = (label: string, kind: 'count' | 'rate', read: (m: Metrics) => number | null | Rate) => {
    const trend = weeks.map((m) => read(m) ?? null);
    return { label, kind, value: trend.at(-1) ?? null, previous: trend.at(-2) ?? null, trend };
  };
  return [
    line('Active this week', 'count', (m) => m.activity.wau),
    line('Adoption (trained and active in 28 days)', 'rate', (m) => m.adoption.rate),
    line('Still using 90 days after training', 'rate', (m) => m.sustained.d90.rate),
    line('Applied their training (behaviour check)', 'rate', (m) => m.behaviorCheck.rate),
    line('AI outputs kept (accepted or edited)', 'rate', (m) => m.outputs.acceptanceRate),
  ];
}

/**
 * A weekly digest, from the figures a viewer sees (docs/privacy.md: a digest is a series, read
 * week after week, so it gets the viewers' protection: figures of the last complete week, noise
 * that cannot be differenced, small groups hidden). A team's digest is never built when the team is
 * not published to viewers: fewer than `minGroupSize` people, or hidden to protect another group.
 */
export async function buildDigest(store: Store, config: UptakeConfig, target: DigestTarget, today: string): Promise<Digest> {
  const options = { exact: false, today };
  const now = await computeMetrics(store, config, { asOf: today }, options);
  if (!now.figuresAsOf) throw new DigestWithheld(`${target.name}: no complete week yet`);
  const end = now.figuresAsOf;
  // The weeks before, oldest first: each the snapshot a viewer reads as of that week's end.
  const weeks: Metrics[] = [];
  for (let k = trendWeeks - 1; k >= 1; k--) weeks.push(await computeMetrics(store, config, { asOf: day(end, -7 * k) }, options));
  weeks.push(now);
  const week = { from: day(end, -6), to: end };
  const base = { name: target.name, scope: target.scope, week };
  if (target.scope === 'organisation') return { ...base, title: `AI adoption, week of ${week.from}`, figures: organisationFigures(weeks) };
  const { team } = target.scope;
  const row = (m: Metrics) => m.segments.team.find((s) => s.key === team && !s.suppressed);
  if (!row(now))
    throw new DigestWithheld(
      `${target.name}: team "${team}" is not published (fewer than ${config.minGroupSize} trained people, or hidden to protect a smaller group): no digest`,
    );
  const line = (label: string, kind: 'count' | 'rate', read: (s: SegmentMetrics) => number | null, organisation?: Rate) => {
    const trend = weeks.map((m) => {
      const r = row(m);
      return r ? read(r) : null;
    });
    return {
      label,
      kind,
      value: trend.at(-1) ?? null,
      previous: trend.at(-2) ?? null,
      trend,
      ...(organisation === undefined ? {} : { organisation }),
    };
  };
  return {
    ...base,
    title: `AI adoption in ${team}, week of ${week.from}`,
    figures: [
      line('Trained people in the team', 'count', (s) => s.users),
      line('Still using 90 days after training', 'rate', (s) => s.sustainedD90, now.sustained.d90.rate),
      line('Still using 30 days after training', 'rate', (s) => s.sustainedD30, now.sustained.d30.rate),
    ],
  };
}
