import type { UptakeConfig } from '../config/config-schema.js';
import { cellName, type Population } from './cell-name.js';
import { type ItemCounts, reportedSurveys } from './item-counts.js';
import type { PromptCounts } from './metric-counts.js';
import { publishSurvey } from './publish-surveys.js';
import type { Release } from './release.js';
import type { Metrics, MetricsQuery, PromptFunnel } from './types.js';

/**
 * A prompt's funnel as released: hidden with its treated arm; shown and goal are the same cells as
 * the uplift's treated arm and its conversions (the same figures), clicked a part of the shown.
 */
function publishFunnel(release: Release, p: PromptCounts, clicked: number, base: Population): PromptFunnel {
  if (release.hide([p.treated.people])[0]) return { id: p.id, shown: null, clicked: null, goal: null, suppressed: true };
  const n = p.treated.people;
  const shown = release.count(cellName('exposed', base, p.id, 'treated'), n);
  return {
    id: p.id,
    shown,
    clicked: release.part(cellName('clicked', base, p.id, 'treated'), clicked, n, shown),
    goal: release.part(cellName('converted', base, p.id, 'treated'), p.treated.converted, n, shown),
    suppressed: false,
  };
}

/**
 * Adds the results per item to a published answer (docs/analysts.md "Results per item"): the
 * `funnels` of the `prompts` entries and the `surveys`, released as the rest of the answer was.
 */
export function publishItems(
  metrics: Metrics,
  prompts: readonly PromptCounts[],
  items: ItemCounts,
  config: UptakeConfig,
  q: MetricsQuery,
  release: Release,
): Metrics {
  const base: Population = { tool: q.tool, program: q.program, cohort: q.cohort };
  const surveys = reportedSurveys(config, q);
  return {
    ...metrics,
    funnels: prompts.map((p) => publishFunnel(release, p, items.clicks.get(p.id) ?? 0, base)),
    surveys: items.surveys.flatMap((c) => {
      const survey = surveys.find((s) => s.id === c.id);
      return survey ? [publishSurvey(release, survey, c, base)] : [];
    }),
  };
}
