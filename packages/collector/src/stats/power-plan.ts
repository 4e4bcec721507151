import type { Cluster } from './cluster-analysis.js';
import { type ClusterDesign, clusterDesign } from './intraclass.js';
import { alwaysValidExposures, daysToReach, fixedHorizonExposures } from './power.js';

/** The error rate and power every plan uses: a 95% interval that finds the minimum effect 8 times in 10. */
export const planAlpha = 0.05;
export const planPower = 0.8;
/** The minimum detectable effect when neither the item's `plan` nor the request gives one: five points. */
export const defaultMinimumEffect = 0.05;

/** What the store says about a prompt, before and since its launch (see `planCounts`). */
export interface PlanCounts {
  /** Comparable people (who met the trigger, not shown the prompt) over the baseline weeks, and how many reached the goal. */
  baseline: { people: number; converted: number };
  /** The same, team by team, when the prompt is randomized by team; null otherwise. */
  teams: Cluster[] | null;
  /** People who met the trigger in the last `reachDays`. */
  reached: number;
  reachDays: number;
  /** People exposed so far (shown or held out), and of them those exposed in the last `recentDays`. */
  exposed: number;
  exposedRecently: number;
  recentDays: number;
}

export interface PlanSettings {
  minimumEffect: number;
  holdout: number;
  /** Audience `sample`: only this share of those who meet the trigger is exposed. */
  sample: number;
  byTeam: boolean;
  /** The always-valid interval's tuning (units at which it is tightest): the one the uplift test uses. */
  tuning: number;
}

/** `plan` of a prompt in `/v1/metrics`, the studio and `uptake report`: what the test needs, and how far it is. */
export interface PowerPlanReport {
  minimumDetectableEffect: number;
  alpha: number;
  power: number;
  holdout: number;
  randomizeBy: 'person' | 'team';
  /** The goal's conversion among comparable people in history; null when there were too few of them. */
  baseline: { rate: number; people: number } | null;
  /** Exposures (both arms) needed: looked at once (fixed horizon), and looking every day (always valid, what "detected" uses). */
  exposuresNeeded: { fixedHorizon: number; alwaysValid: number } | null;
  /** alwaysValid ÷ fixedHorizon: the price of being allowed to look every day. */
  inflation: number | null;
  /** By team: how alike teammates were, the design effect and the teams needed. */
  cluster: (Omit<ClusterDesign, 'people'> & { teamsNeeded: number | null }) | null;
  /** Exposures a day: observed since launch, or the trigger's reach before it. */
  reachPerDay: number;
  reachSource: 'exposures' | 'trigger';
  /** Days from now to reach `exposuresNeeded.alwaysValid`; null when unknown or never at this reach. */
  expectedDays: number | null;
  /** Since launch: exposures so far and their share of the always-valid need; null while withheld from the reader. */
  progress: { exposures: number | null; share: number | null };
  /** The plan in one or two sentences a product owner can act on. */
  summary: string;
}

const rounded = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const points = (share: number) => `${rounded(share * 100, 1)} points`;

/**
 * The power plan of a prompt: from the holdout, the baseline, the minimum effect (absolute, in
 * shares of one) and the reach, the exposures a two-proportion test needs at α 0.05 and power 0.8
 * (`fixedHorizonExposures`), the always-valid sequence's need at the uplift test's tuning
 * (`alwaysValidExposures`), multiplied by the design effect when whole teams are randomized, and
 * the days to reach it. Needs at least `minGroupSize` comparable people for a baseline.
 */
export function powerPlan(counts: PlanCounts, settings: PlanSettings, minGroupSize: number): PowerPlanReport {
  const { minimumEffect, holdout, byTeam } = settings;
  const base = counts.baseline;
  const known = base.people >= minGroupSize && base.people > 0;
  const rate = known ? base.converted / base.people : null;
  const design = byTeam && counts.teams ? clusterDesign(counts.teams) : null;
  const plannable = rate !== null && rate < 1 && holdout > 0 && rate + minimumEffect <= 1;
  const plan = { baseline: rate ?? 0, minimumEffect, holdout, alpha: planAlpha, power: planPower };
  const fixed = plannable ? fixedHorizonExposures(plan) : null;
  const valid = fixed === null ? null : alwaysValidExposures(plan, settings.tuning);
  // Teams are the units: the same precision costs designEffect times the people (Donner and Klar 2000, §5.2).
  const inflate = (n: number) => Math.ceil(n * (design?.designEffect ?? 1));
  const needed = fixed === null || valid === null ? null : { fixedHorizon: inflate(fixed), alwaysValid: inflate(valid) };
  const recent = counts.exposedRecently / counts.recentDays;
  // The pace of exposures is read once there are minGroupSize of them: fewer say little of a pace,
  // and a reader of noisy counts could otherwise see a prompt never shown as launched.
  const reachSource = counts.exposed >= Math.max(1, minGroupSize) ? 'exposures' : 'trigger';
  const reachPerDay = reachSource === 'exposures' ? recent : (counts.reached * settings.sample) / counts.reachDays;
  const expectedDays = needed ? daysToReach(needed.alwaysValid, counts.exposed, reachPerDay) : null;
  const report: PowerPlanReport = {
    minimumDetectableEffect: minimumEffect,
    alpha: planAlpha,
    power: planPower,
    holdout,
    randomizeBy: byTeam ? 'team' : 'person',
    baseline: rate === null ? null : { rate, people: base.people },
    exposuresNeeded: needed,
    inflation: fixed && valid ? valid / fixed : null,
    cluster: byTeam
      ? design && {
          clusters: design.clusters,
          meanSize: design.meanSize,
          icc: design.icc,
          designEffect: design.designEffect,
          teamsNeeded: needed ? Math.ceil(needed.alwaysValid / design.meanSize) : null,
        }
      : null,
    reachPerDay,
    reachSource,
    expectedDays,
    progress: { exposures: counts.exposed, share: needed ? Math.min(1, counts.exposed / needed.alwaysValid) : null },
    summary: '',
  };
  return { ...report, summary: summaryOf(report, minGroupSize) };
}

function summaryOf(r: PowerPlanReport, minGroupSize: number): string {
  if (r.holdout <= 0) return 'No holdout: nothing to compare with, so no uplift can be measured. Set audience.holdout (0.1 is usual).';
  if (!r.baseline) return `Fewer than ${minGroupSize} comparable people in history: no baseline to plan on yet.`;
  if (!r.exposuresNeeded)
    return `A ${points(r.minimumDetectableEffect)} effect on a baseline of ${points(r.baseline.rate)} would pass 100%: choose a smaller minimum effect.`;
  const need = r.exposuresNeeded.alwaysValid;
  const c = r.cluster;
  const tooFewTeams =
    c && c.teamsNeeded !== null && c.teamsNeeded > c.clusters
      ? ` Only ${c.clusters} teams met the trigger lately: unless more join, accept a larger minimum effect or randomize by person.`
      : '';
  const team = c
    ? ` Randomized by team: teammates resemble each other (ICC ${rounded(c.icc, 3)}), so it needs ${rounded(c.designEffect, 2)}× the people, about ${c.teamsNeeded} teams.${tooFewTeams}`
    : r.randomizeBy === 'team'
      ? ' Randomized by team, but fewer than 2 teams in history: the loss of power is not known yet, so this counts as if by person.'
      : '';
  const when =
    r.expectedDays === null
      ? 'nobody met the trigger lately, so no date can be given'
      : r.expectedDays === 0
        ? 'it has them'
        : `about ${r.expectedDays} more days at ${rounded(r.reachPerDay, 1)} a day`;
  const progress = r.progress.exposures ? ` ${r.progress.exposures} so far (${Math.round((r.progress.share ?? 0) * 100)}%).` : '';
  return `To detect ${points(r.minimumDetectableEffect)} on a baseline of ${points(r.baseline.rate)} it needs ${need} exposures (both arms; ${r.exposuresNeeded.fixedHorizon} if looked at only once): ${when}.${progress}${team}`;
}
