import type { PromptConfig } from '@uptake/sdk/protocol';
import { defaultMinimumEffect, type PlanCounts, type PlanSettings, type PowerPlanReport, powerPlan } from '../stats/power-plan.js';
import { cellName, type Population } from './cell-name.js';
import type { Release } from './release.js';
import { upliftSequence } from './uplift-test.js';

/** What a prompt's plan is computed on: the minimum effect (the request's, else its `plan`'s, else five points) and its audience. */
export function planSettings(prompt: PromptConfig, minimumEffect?: number): PlanSettings {
  const { holdout, sample, randomizeBy } = prompt.audience;
  return {
    minimumEffect: minimumEffect ?? prompt.plan?.minimumDetectableEffect ?? defaultMinimumEffect,
    holdout,
    sample,
    byTeam: randomizeBy === 'team',
    tuning: upliftSequence.tuning,
  };
}

/**
 * A prompt's power plan as `release` lets its reader see it: every count behind it (the baseline's
 * people and converted, the reach, the exposures) is released like any other count, so a viewer
 * or an editor plans on noisy figures and a baseline of fewer than `minGroupSize` people is not
 * given. The teams' counts are not shown: they enter only the ICC, one figure over all teams.
 *
 * While an arm of the prompt is under `minGroupSize` (`armsHidden`), a protected reader learns
 * nothing of how many it holds (SPEC "Viewers cannot difference": say when it will be known, not
 * how many): the plan is made as before launch (no exposures, the trigger's reach), and its
 * progress is withheld. Exact readers see the exposures as they are.
 */
export function publishPlan(
  release: Release,
  id: string,
  { counts, settings }: { counts: PlanCounts; settings: PlanSettings },
  base: Population,
  armsHidden: boolean,
): PowerPlanReport {
  const cell = (part: string) => cellName('plan', base, id, part);
  const people = release.count(cell('baseline'), counts.baseline.people);
  const withheld = armsHidden && !release.listsHidden;
  const released: PlanCounts = {
    ...counts,
    baseline: { people, converted: release.part(cell('converted'), counts.baseline.converted, counts.baseline.people, people) },
    reached: release.count(cell('reached'), counts.reached),
    exposed: withheld ? 0 : release.count(cell('exposed'), counts.exposed),
    exposedRecently: withheld ? 0 : release.count(cell('exposed-recently'), counts.exposedRecently),
  };
  const plan = powerPlan(released, settings, release.minGroupSize);
  return withheld ? { ...plan, progress: { exposures: null, share: null } } : plan;
}
