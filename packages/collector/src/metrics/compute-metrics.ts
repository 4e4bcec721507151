import type { UptakeConfig } from '../config/config-schema.js';
import type { Store } from '../storage/store.js';
import { countMetrics } from './count-metrics.js';
import { countItems } from './item-counts.js';
import { todayUtc } from './parse-metrics-query.js';
import { publishItems } from './publish-items.js';
import { publishMetrics } from './publish-metrics.js';
import { exactRelease } from './release.js';
import type { Metrics, MetricsQuery } from './types.js';
import { viewerMetrics } from './viewer-metrics.js';

export interface MetricsOptions {
  /**
   * Exact figures (the default: analysts and admins, who may export the rows anyway), or, when
   * false, figures a viewer cannot difference (viewers and editors; docs/privacy.md).
   */
  exact?: boolean;
  /** Today (UTC, `YYYY-MM-DD`): which weeks are complete for a viewer. Default: the clock's. */
  today?: string;
}

/**
 * Computes every metric of SPEC "Metric definitions" in the store, in one read session; only
 * aggregates leave the store. Groups under `minGroupSize` people are suppressed for every reader;
 * with `exact: false`, the figures are those a viewer may see.
 */
export async function computeMetrics(store: Store, config: UptakeConfig, q: MetricsQuery, options: MetricsOptions = {}): Promise<Metrics> {
  if (options.exact === false) return viewerMetrics(store, config, q, options.today ?? todayUtc());
  const release = exactRelease(config.minGroupSize);
  return countMetrics(store, config, q, async (counts, session) => {
    const items = await countItems(
      session,
      config,
      q,
      counts.prompts.map((p) => p.id),
    );
    return publishItems(publishMetrics(counts, q, release, config), counts.prompts, items, config, q, release);
  });
}
