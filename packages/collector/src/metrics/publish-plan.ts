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
 */
export function publishPlan(
  release: Release,
  id: string,
  { counts, settings }: { counts: PlanCounts; settings: PlanSettings },
  base: Population,
): PowerPlanReport {
  const cell = (part: string) => cellName('plan', base, id, part);
  const people = release.count(cell('baseline'), counts.baseline.people);
  const released: PlanCounts = {
    ...counts,
    baseline: { people, converted: release.part(cell('converted'), counts.baseline.converted, counts.baseline.people, people) },
    reached: release.count(cell('reached'), counts.reached),
    exposed: release.count(cell('exposed'), counts.exposed),
    exposedRecently: release.count(cell('exposed-recently'), counts.exposedRecently),
  };
  return powerPlan(released, settings, release.minGroupSize);
}
