import { alwaysValidCupedDifference } from '../stats/adjusted-difference.js';
import { type Cluster, clusterUplift } from '../stats/cluster-analysis.js';
import type { SequenceOptions } from '../stats/confidence-sequence.js';
import type { MomentSums } from '../stats/cuped.js';
import { alwaysValidDifference } from '../stats/proportions.js';
import type { ArmCounts, CovariateSums } from './metric-counts.js';

/** CUPED's covariate is each person's goal-event rate over this many days before their exposure. */
export const covariateDays = 14;

/**
 * Every prompt's always-valid interval: 95% over all looks together, tightest when the two arms
 * together hold 1,000 people (docs/analysts.md says why this size and what another would change).
 */
export const upliftSequence: SequenceOptions = { alpha: 0.05, tuning: 1000 };

/** A low–high interval as the JSON carries it. */
export interface Interval {
  low: number;
  high: number;
}

/** CUPED's figures for one prompt (docs/analysts.md "Uplift you can watch"). */
export interface CupedFigures {
  /**
   * conv(shown) − conv(held out) − θ(covariate mean shown − held out): `uplift` adjusted. (Its
   * interval is centred on the Agresti–Caffo estimate, like the unadjusted one; the two differ only
   * while the arms are small.)
   */
  uplift: number;
  alwaysValid: Interval;
  /** How much conversion moves per goal event a day before exposure. */
  theta: number;
  /** Share of the uplift's variance the covariate removed (0.2: the interval is √0.8 ≈ 0.89 as wide). */
  varianceReduction: number;
  covariateDays: number;
}

/** A prompt randomized by team, analysed with the teams as units (`clusterUplift`). */
export interface ClusterFigures {
  teams: { treated: number; control: number };
  /** The uplift's variance with teams as units ÷ its variance as if people were independent. */
  designEffect: number;
  /** People ÷ design effect: what the test is worth in people drawn one by one. */
  effectivePeople: number;
}

/**
 * Why a prompt whose arms are both shown has no test: randomized by team, an arm has fewer than 2
 * teams to compare (for a viewer, fewer than 2 teams its release shows). Counting its people one
 * by one instead would overstate the evidence, so there is no verdict at all.
 */
export type NoVerdict = 'too-few-teams';

/** What one prompt's test says. */
export interface UpliftTest {
  /** The always-valid interval of the unadjusted uplift (centred on the Agresti–Caffo estimate). */
  alwaysValid: Interval;
  /** CUPED's adjusted uplift, when the covariate may be used (exact figures, 2 or more people an arm). */
  cuped: CupedFigures | null;
  /** The always-valid p-value of the interval `detected` reads: CUPED's when there is one. */
  pValue: number;
  /** That interval excludes zero. */
  detected: boolean;
  /** By team: the cluster-level analysis the interval and the verdict come from; null otherwise. */
  cluster?: ClusterFigures | null;
}

/** One prompt's arms, and their covariate sums when CUPED may use them. */
export interface UpliftArms {
  treated: ArmCounts;
  control: ArmCounts;
  covariate: { treated: CovariateSums; control: CovariateSums } | null;
}

/** A prompt randomized by team: each team's exposed people and converted, per arm (exact, or as released). */
export interface TeamArms {
  treated: readonly Cluster[];
  control: readonly Cluster[];
}

/** An arm's moments with Y = converted (0 or 1) and X = goal events a day over `covariateDays`. */
function moments(arm: ArmCounts, c: CovariateSums): MomentSums {
  const d = covariateDays;
  return { n: arm.people, y: arm.converted, yy: arm.converted, x: c.events / d, xx: c.squares / (d * d), xy: c.converted / d };
}

const interval = ([low, high]: readonly [number, number]): Interval => ({ low, high });

/**
 * The test of the uplift of a prompt randomized by person: its always-valid interval, and with a
 * covariate CUPED's adjusted uplift and interval; "detected" is read from the adjusted interval
 * when there is one. A prompt randomized by team takes `teamUpliftTest`, never this one.
 */
export function upliftTest(arms: UpliftArms, options: SequenceOptions = upliftSequence): UpliftTest {
  const plain = alwaysValidDifference(arms.treated, arms.control, options);
  const adjusted = arms.covariate
    ? alwaysValidCupedDifference(moments(arms.treated, arms.covariate.treated), moments(arms.control, arms.covariate.control), options)
    : null;
  const decisive = adjusted?.alwaysValid ?? plain;
  const [low, high] = decisive.interval;
  return {
    alwaysValid: interval(plain.interval),
    cuped: adjusted && {
      uplift: adjusted.cuped.adjusted.estimate,
      alwaysValid: interval(adjusted.alwaysValid.interval),
      theta: adjusted.cuped.theta,
      varianceReduction: adjusted.cuped.varianceReduction,
      covariateDays,
    },
    pValue: decisive.pValue,
    detected: low > 0 || high < 0,
  };
}

/**
 * The test of a prompt randomized by team: teams are the units (Donner and Klar's cluster-robust
 * variance, docs/analysts.md "Prompts randomized by team"), so its always-valid interval counts
 * teams, not people, and is wider by about √(design effect). CUPED is left out: its covariate is
 * per person, and people of one team are not independent. With fewer than 2 teams an arm there is
 * no variance between teams to read, and no verdict: the person-level test would overstate the
 * evidence, whoever reads it.
 */
export function teamUpliftTest({ treated, control }: TeamArms, options: SequenceOptions = upliftSequence): UpliftTest | NoVerdict {
  if (treated.length < 2 || control.length < 2) return 'too-few-teams';
  const result = clusterUplift(treated, control, options);
  const [low, high] = result.alwaysValid.interval;
  return {
    alwaysValid: interval(result.alwaysValid.interval),
    cuped: null,
    pValue: result.alwaysValid.pValue,
    detected: low > 0 || high < 0,
    cluster: {
      teams: { treated: result.treated.clusters, control: result.control.clusters },
      designEffect: result.designEffect,
      effectivePeople: result.effectivePeople,
    },
  };
}

/** A prompt's test as `/v1/metrics` carries it (docs/analysts.md "Uplift you can watch"); null where an arm is suppressed. */
export interface UpliftFields {
  /** The always-valid 95% interval of the uplift. */
  alwaysValid: Interval | null;
  /** CUPED's adjusted uplift; null for viewers and editors (it reads each person's history) or under 2 people an arm. */
  cuped: CupedFigures | null;
  /** The always-valid p-value of the interval `detected` reads (CUPED's when there is one). */
  pValue: number | null;
  /** The always-valid interval (CUPED's when there is one) excludes zero: the prompt has an effect. */
  detected: boolean | null;
  /** `pValue` after Benjamini–Hochberg across the prompts of the answer with both arms shown. */
  adjustedPValue: number | null;
  /** Still detected at a 5% false discovery rate across those prompts. */
  detectedAfterFdr: boolean | null;
  /** Randomized by team: teams per arm, design effect and effective people of the cluster-level test (a viewer's from the teams released). */
  cluster: ClusterFigures | null;
  /** Both arms shown but no test, and why (`NoVerdict`); null otherwise. */
  noVerdict: NoVerdict | null;
}

/**
 * The fields of a test, of none (an arm suppressed), or of a prompt with no verdict; the
 * Benjamini–Hochberg ones are filled across prompts (`withFalseDiscoveryControl`).
 */
export function upliftFields(result: UpliftTest | NoVerdict | null): UpliftFields {
  const test = typeof result === 'string' ? null : result;
  return {
    alwaysValid: test?.alwaysValid ?? null,
    cuped: test?.cuped ?? null,
    pValue: test?.pValue ?? null,
    detected: test?.detected ?? null,
    adjustedPValue: null,
    detectedAfterFdr: null,
    cluster: test?.cluster ?? null,
    noVerdict: typeof result === 'string' ? result : null,
  };
}
