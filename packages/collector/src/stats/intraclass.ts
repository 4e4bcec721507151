import { type Cluster, inFixedOrder } from './cluster-analysis.js';

/** How alike the people of one team are, and what randomizing whole teams costs in sample size. */
export interface ClusterDesign {
  /** Teams counted. */
  readonly clusters: number;
  readonly people: number;
  /** People per team, on average (m). */
  readonly meanSize: number;
  /** Intraclass correlation of conversion (ρ ≥ 0): 0 when teammates convert independently. */
  readonly icc: number;
  /** 1 + (m − 1)·ρ: how many times more people a team-randomized test needs for the same precision. */
  readonly designEffect: number;
}

/**
 * The intraclass correlation of a 0/1 outcome over clusters, by one-way analysis of variance
 * (Donner and Klar, "Design and Analysis of Cluster Randomization Trials", 2000, §2.5; Fleiss,
 * "Statistical Methods for Rates and Proportions", ch. 13): with N people in k clusters of sizes nᵢ,
 * cluster rates pᵢ and overall rate p,
 *
 *   MSB = Σ nᵢ(pᵢ − p)² / (k − 1),   MSW = Σ nᵢ pᵢ(1 − pᵢ) / (N − k),   n₀ = (N − Σnᵢ²/N) / (k − 1),
 *   ρ = (MSB − MSW) / (MSB + (n₀ − 1)·MSW), taken as 0 when negative (teams no more alike than chance).
 *
 * The design effect 1 + (m − 1)·ρ takes m = N/k, the mean team size (Donner, Birkett and Buck 1981).
 * Null with fewer than 2 clusters or no more people than clusters (nothing to estimate ρ from).
 */
export function clusterDesign(clusters: readonly Cluster[]): ClusterDesign | null {
  const used = inFixedOrder(clusters.filter((c) => c.people > 0));
  const k = used.length;
  const n = used.reduce((sum, c) => sum + c.people, 0);
  if (k < 2 || n <= k) return null;
  const p = used.reduce((sum, c) => sum + c.converted, 0) / n;
  const msb = used.reduce((sum, c) => sum + c.people * (c.converted / c.people - p) ** 2, 0) / (k - 1);
  const msw = used.reduce((sum, c) => sum + c.converted * (1 - c.converted / c.people), 0) / (n - k);
  const n0 = (n - used.reduce((sum, c) => sum + c.people ** 2, 0) / n) / (k - 1);
  const denominator = msb + (n0 - 1) * msw;
  const icc = denominator > 0 ? Math.max(0, (msb - msw) / denominator) : 0;
  const meanSize = n / k;
  return { clusters: k, people: n, meanSize, icc, designEffect: 1 + (meanSize - 1) * icc };
}
