import type { UptakeConfig } from '../config/config-schema.js';
import { activity } from '../metrics/activity.js';
import { behaviorCheck } from '../metrics/behavior-check.js';
import { countEngagementFigures } from '../metrics/engagement.js';
import { cellKeyNoise } from '../metrics/cell-key.js';
import { cellKeySecret } from '../metrics/cell-key-secret.js';
import type { CountSession } from '../metrics/count-metrics.js';
import { addDays, figuresAsOf } from '../metrics/figures-as-of.js';
import { countItems, reportedSurveys } from '../metrics/item-counts.js';
import { emptyCounts, type MetricCounts } from '../metrics/metric-counts.js';
import { metricSql } from '../metrics/metric-sql.js';
import { narrowingFilters } from '../metrics/narrowing-filters.js';
import { todayUtc } from '../metrics/parse-metrics-query.js';
import { publishItems } from '../metrics/publish-items.js';
import { publishMetrics } from '../metrics/publish-metrics.js';
import { exactRelease, type Release } from '../metrics/release.js';
import { trainedPopulation } from '../metrics/trained-population.js';
import type { Metrics, MetricsQuery } from '../metrics/types.js';
import { viewerRelease } from '../metrics/viewer-release.js';
import type { Store } from '../storage/store.js';
import { type SeriesQuery, seriesWeeks } from './series-weeks.js';
import { surveyMeanFigures, trendFigures } from './trend-figures.js';
import type { Trends } from './types.js';

export interface TrendsOptions {
  /** Exact figures (analysts, admins; the default) or a viewer's (`false`), as `computeMetrics`. */
  exact?: boolean;
  /** Today (UTC): which weeks are complete. Default: the clock's. */
  today?: string;
}

/** The counts the trend's figures are read from, as of one day; the rest of the answer's counts are empty. */
async function weekCounts(session: CountSession, config: UptakeConfig, q: MetricsQuery): Promise<MetricCounts> {
  const sql = session.sqlFor(q);
  const restrict = q.program !== undefined || q.cohort !== undefined;
  return {
    ...emptyCounts([]),
    activity: await activity(session.query, sql, restrict),
    population: await trainedPopulation(session.query, sql),
    behaviorCheck: await behaviorCheck(session.query, sql),
    engagement: await countEngagementFigures(session, config, q),
  };
}

/**
 * The weekly trends of `GET /v1/metrics?series=weekly` (docs/analysts.md "Trends"): for each
 * complete week from the week of `series.from` (default: the last 12) to the last complete week
 * on or before `q.asOf`, the trend figures as the snapshot would give them as of that week's end,
 * through the same release: for a viewer, each week's counts with the cell-key noise of the same
 * cells, primary suppression, and every figure of a week hidden when the filters narrow that week
 * below `minGroupSize`. A series tells a viewer nothing that the snapshots of its weeks do not.
 */
export async function computeTrends(
  store: Store,
  config: UptakeConfig,
  q: MetricsQuery,
  series: SeriesQuery,
  options: TrendsOptions = {},
): Promise<Trends> {
  const weeks = seriesWeeks(figuresAsOf(q.asOf, options.today ?? todayUtc()), series);
  const figures = [...trendFigures, ...surveyMeanFigures(reportedSurveys(config, q))];
  const last = weeks.at(-1);
  const first = weeks[0];
  if (last === undefined || first === undefined)
    return { interval: 'week', from: null, to: null, series: figures.map(({ id, label, kind }) => ({ id, label, kind, points: [] })) };
  const exact = options.exact ?? true;
  const noise = exact ? undefined : cellKeyNoise(await cellKeySecret(config, store));
  const source = (await store.rollupMatches(config.usageEvents)) ? 'rollup' : 'events';
  const sqlFor = (query: MetricsQuery) => metricSql(query, config.usageEvents, store.dialect, source);
  const answers = await store.readSession(async (query) => {
    // One table of usage days up to the last week's end, where the rollup is not read in place:
    // every earlier week reads only days up to its own end.
    const { usageTable } = sqlFor({ ...q, asOf: last });
    if (usageTable) await query(usageTable.sql, usageTable.params);
    const session: CountSession = { query, sqlFor, source };
    const published: Metrics[] = [];
    for (const week of weeks) {
      const wq: MetricsQuery = { ...q, asOf: week };
      const counts = await weekCounts(session, config, wq);
      const release: Release = noise
        ? viewerRelease(config.minGroupSize, noise, await narrowingFilters(session, wq, counts, config))
        : exactRelease(config.minGroupSize);
      const items = await countItems(session, config, wq, []);
      published.push(publishItems(publishMetrics(counts, wq, release, config), [], items, config, wq, release));
    }
    return published;
  });
  return {
    interval: 'week',
    from: addDays(first, -6),
    to: last,
    series: figures.map(({ id, label, kind, read }) => ({
      id,
      label,
      kind,
      points: answers.map((m, i) => ({ week: weeks[i] as string, ...read(m) })),
    })),
  };
}
