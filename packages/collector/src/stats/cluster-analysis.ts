import { type AlwaysValid, alwaysValid, type SequenceOptions } from './confidence-sequence.js';
import { normalQuantile } from './normal.js';

/** One randomized cluster (a team): its exposed people and how many of them converted. */
export interface Cluster {
  readonly people: number;
  readonly converted: number;
}

/**
 * Clusters in an order of their own (by size, then conversions), not the order of the rows that
 * brought them: a float sum depends on its order, and a store scanning on several threads returns
 * a GROUP BY team's rows in a varying one (DuckDB's read sessions), so a team-randomized verdict and
 * a power plan's design effect would move in their last digits from one request to the next.
 */
export function inFixedOrder(clusters: readonly Cluster[]): Cluster[] {
  return [...clusters].sort((a, b) => a.people - b.people || a.converted - b.converted);
}

export interface ArmOfClusters {
  readonly clusters: number;
  readonly people: number;
  readonly rate: number;
  /** Variance of `rate` with clusters as the independent units. */
  readonly variance: number;
  /** Variance `rate` would have if people had been randomized one by one. */
  readonly varianceIfIndependent: number;
}

export interface ClusterUplift {
  readonly treated: ArmOfClusters;
  readonly control: ArmOfClusters;
  readonly uplift: number;
  /** Fixed-horizon Wald interval on the cluster-level variance. */
  readonly ci: readonly [number, number];
  /** The always-valid interval, clusters as its units. */
  readonly alwaysValid: AlwaysValid;
  /** Variance with clusters ÷ variance as if independent: how many times more people the same precision costs. */
  readonly designEffect: number;
  /** People ÷ design effect: what the test is worth in independently randomized people. */
  readonly effectivePeople: number;
}

/**
 * Conversion of an arm randomized by cluster: the ratio Σconverted ÷ Σpeople, with the
 * cluster-robust (linearization) variance k/(k − 1) · Σ(yᵢ − p·nᵢ)² / (Σnᵢ)² over its k clusters
 * (Donner and Klar, "Design and Analysis of Cluster Randomization Trials", 2000, ch. 6). People of
 * one team resemble each other, so the people are not independent units; the teams are.
 */
export function armOfClusters(unordered: readonly Cluster[]): ArmOfClusters {
  const clusters = inFixedOrder(unordered);
  const k = clusters.length;
  const people = clusters.reduce((sum, c) => sum + c.people, 0);
  const converted = clusters.reduce((sum, c) => sum + c.converted, 0);
  const rate = people > 0 ? converted / people : 0;
  const squares = clusters.reduce((sum, c) => sum + (c.converted - rate * c.people) ** 2, 0);
  return {
    clusters: k,
    people,
    rate,
    variance: k > 1 && people > 0 ? ((k / (k - 1)) * squares) / people ** 2 : Number.NaN,
    varianceIfIndependent: people > 0 ? (rate * (1 - rate)) / people : Number.NaN,
  };
}

/** Uplift of a prompt randomized by team, analysed with the teams as units (each arm needs 2 or more). */
export function clusterUplift(
  treatedClusters: readonly Cluster[],
  controlClusters: readonly Cluster[],
  options: SequenceOptions,
): ClusterUplift {
  if (treatedClusters.length < 2 || controlClusters.length < 2)
    throw new RangeError('a cluster analysis needs at least 2 clusters in each arm');
  const treated = armOfClusters(treatedClusters);
  const control = armOfClusters(controlClusters);
  const uplift = treated.rate - control.rate;
  const variance = treated.variance + control.variance;
  const independent = treated.varianceIfIndependent + control.varianceIfIndependent;
  const half = normalQuantile(1 - options.alpha / 2) * Math.sqrt(variance);
  const designEffect = independent > 0 ? variance / independent : Number.NaN;
  return {
    treated,
    control,
    uplift,
    ci: [uplift - half, uplift + half],
    alwaysValid: alwaysValid(uplift, variance, treated.clusters + control.clusters, options),
    designEffect,
    effectivePeople: (treated.people + control.people) / designEffect,
  };
}
