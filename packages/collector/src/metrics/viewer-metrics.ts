import type { UptakeConfig } from '../config/config-schema.js';
import type { Store } from '../storage/store.js';
import { cellKeyNoise } from './cell-key.js';
import { cellKeySecret } from './cell-key-secret.js';
import { cellName } from './cell-name.js';
import { countMetrics, reportedPrompts } from './count-metrics.js';
import { addDays, figuresAsOf } from './figures-as-of.js';
import { countItems, reportedSurveys } from './item-counts.js';
import { growthDays, knownAround } from './known-around.js';
import { emptyCounts } from './metric-counts.js';
import { narrowingFilters } from './narrowing-filters.js';
import { promptUplift } from './prompt-uplift.js';
import { publishItems } from './publish-items.js';
import { publishMetrics } from './publish-metrics.js';
import { surveyCounts } from './survey-counts.js';
import type { Metrics, MetricsQuery } from './types.js';
import { viewerRelease } from './viewer-release.js';

/**
 * The figures a viewer (or an editor) may see (SPEC "Viewers cannot difference"): as of the end of
 * the last complete week, every count with cell-key noise, breakdowns with secondary suppression,
 * hidden groups not listed, everything hidden when a filter narrows the population below
 * `minGroupSize`, and a small prompt arm saying when it is expected to be known instead of its size.
 * See docs/privacy.md for the method and what it costs in accuracy.
 */
export async function viewerMetrics(store: Store, config: UptakeConfig, q: MetricsQuery, today: string): Promise<Metrics> {
  const noise = cellKeyNoise(await cellKeySecret(config, store));
  const min = config.minGroupSize;
  const day = figuresAsOf(q.asOf, today);
  if (day === null) {
    const counts = emptyCounts(reportedPrompts(config, q).map((p) => p.id));
    const release = viewerRelease(min, noise, true);
    const items = { clicks: new Map(), surveys: surveyCounts(reportedSurveys(config, q), { values: [], people: [] }) };
    const metrics = publishItems(publishMetrics(counts, q, release, config), counts.prompts, items, config, q, release);
    return { ...metrics, prompts: metrics.prompts.map((p) => ({ ...p, knownAround: null })), figuresAsOf: null };
  }
  const fq: MetricsQuery = { ...q, asOf: day };
  return countMetrics(store, config, fq, async (counts, session) => {
    const narrowed = await narrowingFilters(session, fq, counts, config);
    const release = viewerRelease(min, noise, narrowed);
    const items = await countItems(
      session,
      config,
      fq,
      counts.prompts.map((p) => p.id),
    );
    const metrics = publishItems(publishMetrics(counts, q, release, config), counts.prompts, items, config, q, release);
    const restrict = fq.program !== undefined || fq.cohort !== undefined;
    const base = { tool: fq.tool, program: fq.program, cohort: fq.cohort };
    const earlier = addDays(day, -growthDays);
    const earlierSql = session.sqlFor({ ...fq, asOf: earlier });
    const prompts = [];
    for (const [i, p] of metrics.prompts.entries()) {
      const now = counts.prompts[i];
      const prompt = reportedPrompts(config, fq).find((c) => c.id === p.id);
      // Before the year 1 there is no growth to read (and PostgreSQL has no year 0).
      if (!p.suppressed || narrowed || !now || !prompt || earlier < '0001-01-01') {
        prompts.push({ ...p, knownAround: null });
        continue;
      }
      const before = await promptUplift(session.query, earlierSql, prompt, restrict);
      // The hidden arms' sizes as they would be released: the estimate is made from noisy counts.
      const arms = (['treated', 'control'] as const)
        .filter((arm) => now[arm].people < min)
        .map((arm) => {
          const released = (n: number) => release.count(cellName('exposed', base, p.id, arm), n);
          return { now: released(now[arm].people), before: released(before[arm].people) };
        });
      prompts.push({ ...p, knownAround: knownAround(arms, min, day) });
    }
    return { ...metrics, prompts, figuresAsOf: day };
  });
}
