import { seededRandom } from '../../packages/collector/src/demo/seeded-random.js';
import { newcombeInterval } from '../../packages/collector/src/metrics/newcombe.js';
import { alwaysValidCupedDifference } from '../../packages/collector/src/stats/adjusted-difference.js';
import type { MomentSums } from '../../packages/collector/src/stats/cuped.js';
import { alwaysValidDifference } from '../../packages/collector/src/stats/proportions.js';

/** A prompt's test as a product owner runs it: people arrive daily, and they look every day. */
export interface Setting {
  readonly seed: number;
  readonly experiments: number;
  readonly days: number;
  /** Exposures a day, each held out with probability `holdout`. */
  readonly perDay: number;
  readonly holdout: number;
  readonly convTreated: number;
  readonly convControl: number;
  /** The always-valid interval is tightest at this many people. */
  readonly tuning: number;
  /** Looks start once both arms have this many people (below, the arms are suppressed). */
  readonly minArm: number;
  /**
   * A covariate for CUPED: a share `prevalence` of people reached the goal in the 14 days before
   * (X = 1); they convert with `convWith` plus the treatment's effect, the others with the rates above.
   */
  readonly covariate?: { readonly prevalence: number; readonly convWith: number };
}

export interface Outcome {
  /** Share of experiments in which the always-valid interval excluded zero at some look. */
  readonly alwaysValidDeclared: number;
  /** Share in which the fixed-horizon Newcombe interval, looked at the same way, excluded zero. */
  readonly fixedDeclared: number;
  /** Share in which the always-valid interval held the true uplift at every look. */
  readonly alwaysValidCovered: number;
  /** With a covariate: the same two shares for CUPED's always-valid interval. */
  readonly cupedDeclared: number;
  readonly cupedCovered: number;
}

const noSums = (): MomentSums => ({ n: 0, y: 0, x: 0, yy: 0, xx: 0, xy: 0 });
const addPerson = (s: MomentSums, y: number, x: number): MomentSums => ({
  n: s.n + 1,
  y: s.y + y,
  x: s.x + x,
  yy: s.yy + y * y,
  xx: s.xx + x * x,
  xy: s.xy + x * y,
});

/** Whether an interval excludes zero, and whether it holds `truth`. */
const judge = ([low, high]: readonly [number, number], truth: number) => ({
  excludesZero: low > 0 || high < 0,
  holds: low <= truth && truth <= high,
});

/** Runs `experiments` seeded experiments with a look after every simulated day. */
export function simulatePeeking(setting: Setting): Outcome {
  const random = seededRandom(setting.seed);
  const truth = setting.convTreated - setting.convControl;
  const options = { alpha: 0.05, tuning: setting.tuning };
  const tally = { alwaysValid: 0, fixed: 0, covered: 0, cuped: 0, cupedCovered: 0 };
  for (let e = 0; e < setting.experiments; e++) {
    let treated = noSums();
    let control = noSums();
    const seen = { declared: false, fixed: false, holds: true, cuped: false, cupedHolds: true };
    for (let day = 0; day < setting.days; day++) {
      for (let i = 0; i < setting.perDay; i++) {
        const held = random() < setting.holdout;
        const x = setting.covariate && random() < setting.covariate.prevalence ? 1 : 0;
        const base = x === 1 && setting.covariate ? setting.covariate.convWith : setting.convControl;
        const y = random() < base + (held ? 0 : truth) ? 1 : 0;
        if (held) control = addPerson(control, y, x);
        else treated = addPerson(treated, y, x);
      }
      if (treated.n < setting.minArm || control.n < setting.minArm) continue;
      const arm = (s: MomentSums) => ({ people: s.n, converted: s.y });
      const plain = judge(alwaysValidDifference(arm(treated), arm(control), options).interval, truth);
      seen.declared ||= plain.excludesZero;
      seen.holds &&= plain.holds;
      const fixed = judge(newcombeInterval(treated.y, treated.n, control.y, control.n), truth);
      seen.fixed ||= fixed.excludesZero;
      const adjusted = setting.covariate ? alwaysValidCupedDifference(treated, control, options) : null;
      if (adjusted) {
        const cuped = judge(adjusted.alwaysValid.interval, truth);
        seen.cuped ||= cuped.excludesZero;
        seen.cupedHolds &&= cuped.holds;
      }
    }
    tally.alwaysValid += Number(seen.declared);
    tally.fixed += Number(seen.fixed);
    tally.covered += Number(seen.holds);
    tally.cuped += Number(seen.cuped);
    tally.cupedCovered += Number(seen.cupedHolds);
  }
  const n = setting.experiments;
  return {
    alwaysValidDeclared: tally.alwaysValid / n,
    fixedDeclared: tally.fixed / n,
    alwaysValidCovered: tally.covered / n,
    cupedDeclared: tally.cuped / n,
    cupedCovered: tally.cupedCovered / n,
  };
}

/** Two standard errors of a simulated share around its nominal value p over n experiments. */
export const twoStandardErrors = (p: number, n: number) => 2 * Math.sqrt((p * (1 - p)) / n);
