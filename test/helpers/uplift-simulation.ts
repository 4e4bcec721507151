import { seededRandom } from '../../packages/collector/src/demo/seeded-random.js';
import { newcombeInterval } from '../../packages/collector/src/metrics/newcombe.js';
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
}

export interface Outcome {
  /** Share of experiments in which the always-valid interval excluded zero at some look. */
  readonly alwaysValidDeclared: number;
  /** Share in which the fixed-horizon Newcombe interval, looked at the same way, excluded zero. */
  readonly fixedDeclared: number;
  /** Share in which the always-valid interval held the true uplift at every look. */
  readonly alwaysValidCovered: number;
}

/** Runs `experiments` seeded experiments with a look after every simulated day. */
export function simulatePeeking(setting: Setting): Outcome {
  const random = seededRandom(setting.seed);
  const truth = setting.convTreated - setting.convControl;
  const options = { alpha: 0.05, tuning: setting.tuning };
  let alwaysValid = 0;
  let fixed = 0;
  let covered = 0;
  for (let e = 0; e < setting.experiments; e++) {
    const treated = { people: 0, converted: 0 };
    const control = { people: 0, converted: 0 };
    let declared = false;
    let fixedDeclared = false;
    let holds = true;
    for (let day = 0; day < setting.days; day++) {
      for (let i = 0; i < setting.perDay; i++) {
        const arm = random() < setting.holdout ? control : treated;
        const rate = arm === control ? setting.convControl : setting.convTreated;
        arm.people += 1;
        if (random() < rate) arm.converted += 1;
      }
      if (treated.people < setting.minArm || control.people < setting.minArm) continue;
      const [low, high] = alwaysValidDifference(treated, control, options).interval;
      if (low > 0 || high < 0) declared = true;
      if (truth < low || truth > high) holds = false;
      const [fixedLow, fixedHigh] = newcombeInterval(treated.converted, treated.people, control.converted, control.people);
      if (fixedLow > 0 || fixedHigh < 0) fixedDeclared = true;
    }
    if (declared) alwaysValid += 1;
    if (fixedDeclared) fixed += 1;
    if (holds) covered += 1;
  }
  const n = setting.experiments;
  return { alwaysValidDeclared: alwaysValid / n, fixedDeclared: fixed / n, alwaysValidCovered: covered / n };
}

/** Two standard errors of a simulated share around its nominal value p over n experiments. */
export const twoStandardErrors = (p: number, n: number) => 2 * Math.sqrt((p * (1 - p)) / n);
