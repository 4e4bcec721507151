import { decayCurve, fitDecay, type RetentionPoint } from '../metrics/decay-fit.js';
import { fitHalfLife } from './fit-half-life.js';
import { predictHalfLife, recallProbability } from './half-life.js';
import { auc, logLoss, type Prediction } from './model-quality.js';
import { featureNames, observationsOf, outcomeWeek, type PersonTimeline, usedInWeek } from './observations.js';

/** Log-loss (lower is better) and AUC (higher is better) of one way of predicting next use. */
export interface Quality {
  readonly logLoss: number;
  readonly auc: number;
}

export interface Evaluation {
  readonly model: Quality;
  /** One half-life for everyone: p = 2^(−Δ/h₀). */
  readonly population: Quality;
  /** Each training cohort's retention curve (the dashboard's decay fit), at the outcome week's age. */
  readonly cohort: Quality;
  readonly trainObservations: number;
  readonly testObservations: number;
}

const quality = (predictions: readonly Prediction[]): Quality => ({ logLoss: logLoss(predictions), auc: auc(predictions) });

/** A cohort's curve from its weekly retention before `split`: week k ≥ 1 is [trained + 7k, trained + 7k + 6]. */
function cohortCurves(people: readonly PersonTimeline[], split: number): { curves: Map<number, (t: number) => number>; overall: number } {
  const members = new Map<number, PersonTimeline[]>();
  for (const person of people) {
    if (person.trainedDay === null) continue;
    const week = Math.floor(person.trainedDay / 7);
    const group = members.get(week);
    if (group) group.push(person);
    else members.set(week, [person]);
  }
  const curves = new Map<number, (t: number) => number>();
  let active = 0;
  let eligible = 0;
  for (const [week, group] of members) {
    const points: RetentionPoint[] = [];
    for (let k = 1; ; k++) {
      const inWeek = group.filter((p) => p.trainedDay! + 7 * k + outcomeWeek - 1 < split);
      if (inWeek.length === 0) break;
      const y = inWeek.filter((p) => usedInWeek(p, p.trainedDay! + 7 * k)).length;
      points.push({ t: 7 * k, n: inWeek.length, y });
      active += y;
      eligible += inWeek.length;
    }
    const fit = fitDecay(points);
    if (fit.status === 'ok') curves.set(week, decayCurve(fit.initial!, fit.plateau!, fit.halfLifeDays! / Math.LN2));
    else if (fit.status === 'flat') curves.set(week, () => fit.initial!);
  }
  return { curves, overall: eligible > 0 ? active / eligible : 0.5 };
}

/**
 * Fits on the days before `split` (outcome weeks included) and predicts the observations whose
 * reference day is on or after it, against the two baselines.
 */
export function evaluateOnHeldOutTime(
  people: readonly PersonTimeline[],
  window: { from: number; split: number; until: number },
): Evaluation {
  const train = people.flatMap((p) => observationsOf(p, { from: window.from, until: window.split - 1 }));
  const test = people.flatMap((person) =>
    observationsOf(person, { from: window.split, until: window.until }).map((o) => ({ ...o, person })),
  );
  const model = fitHalfLife(featureNames, train);
  const population = fitHalfLife(
    [],
    train.map((o) => ({ ...o, x: [] })),
  );
  const { curves, overall } = cohortCurves(people, window.split);
  const cohortP = (person: PersonTimeline, day: number) => {
    if (person.trainedDay === null) return overall;
    const curve = curves.get(Math.floor(person.trainedDay / 7));
    return curve ? curve(day - person.trainedDay) : overall;
  };
  return {
    model: quality(test.map((o) => ({ p: recallProbability(predictHalfLife(model, o.x), o.days), used: o.used }))),
    population: quality(test.map((o) => ({ p: recallProbability(predictHalfLife(population, []), o.days), used: o.used }))),
    cohort: quality(test.map((o) => ({ p: cohortP(o.person, o.day + o.days), used: o.used }))),
    trainObservations: train.length,
    testObservations: test.length,
  };
}
