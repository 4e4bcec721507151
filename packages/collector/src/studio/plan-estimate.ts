import type { PromptConfig } from '@uptake/sdk/protocol';
import type { UptakeConfig } from '../config/config-schema.js';
import { cellKeyNoise } from '../metrics/cell-key.js';
import { cellKeySecret } from '../metrics/cell-key-secret.js';
import { planCounts } from '../metrics/plan-counts.js';
import { publishPlan, planSettings } from '../metrics/publish-plan.js';
import { viewerRelease } from '../metrics/viewer-release.js';
import type { PowerPlanReport } from '../stats/power-plan.js';
import type { Store } from '../storage/store.js';
import { parseItem } from './parse-item.js';
import { StudioError } from './studio-error.js';

/** `POST /v1/admin/prompts/{id}/plan`: a prompt's power plan, for the prompt as the editor holds it. */
export interface PlanEstimate extends PowerPlanReport {
  id: string;
  /** The UTC instant the plan is for. */
  asOf: string;
}

/**
 * The power plan of a prompt (a draft, saved or not) as an editor may read it: the counts from the
 * store are released as a viewer's are (cell-key noise, nothing under `minGroupSize`), so asking
 * for a plan teaches no more about a person than the reach estimate does. `minimumEffect` (the
 * request's `mde`) wins over the prompt's `plan.minimumDetectableEffect`. Its progress is
 * withheld: an editor reads a launched prompt's progress in `/v1/metrics`.
 */
export async function estimatePlan(
  store: Store,
  config: UptakeConfig,
  id: string,
  body: unknown,
  minimumEffect: number | undefined,
  now: Date = new Date(),
): Promise<PlanEstimate> {
  const parsed = parseItem('prompt', id, body, { toolIds: config.tools.map((t) => t.id) });
  if (!parsed.ok)
    throw new StudioError('invalid', parsed.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), parsed.issues);
  const prompt = parsed.item as PromptConfig;
  if (!prompt.goal) throw new StudioError('invalid', 'goal: a plan needs a goal, the event that means the prompt worked', []);
  const counts = await planCounts(store.query, store.dialect, { prompt, tools: prompt.tools, now, usageEvents: config.usageEvents });
  const release = viewerRelease(config.minGroupSize, cellKeyNoise(await cellKeySecret(config, store)), false);
  // A draft's plan is about what it will take; its progress so far is read in /v1/metrics, where the arms decide.
  const plan = publishPlan(release, id, { counts, settings: planSettings(prompt, minimumEffect) }, {}, true);
  return { id, asOf: now.toISOString(), ...plan };
}
