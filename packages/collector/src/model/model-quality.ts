/** A predicted probability and what happened. */
export interface Prediction {
  readonly p: number;
  readonly used: boolean;
}

/** Mean negative log-likelihood, probabilities clipped to [1e-6, 1 − 1e-6]. Lower is better. */
export function logLoss(predictions: readonly Prediction[]): number {
  const clip = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));
  return predictions.reduce((sum, { p, used }) => sum - Math.log(used ? clip(p) : 1 - clip(p)), 0) / predictions.length;
}

/**
 * Area under the ROC curve: the chance that a random "used" outcome was given a higher
 * probability than a random "not used" one (ties count half), from the ranks (Mann–Whitney U).
 */
export function auc(predictions: readonly Prediction[]): number {
  const sorted = [...predictions].sort((a, b) => a.p - b.p);
  let rankSumUsed = 0;
  let used = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.p === sorted[i]!.p) j++;
    const meanRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (sorted[k]!.used) {
        rankSumUsed += meanRank;
        used += 1;
      }
    }
    i = j;
  }
  const notUsed = sorted.length - used;
  if (used === 0 || notUsed === 0) return Number.NaN;
  return (rankSumUsed - (used * (used + 1)) / 2) / (used * notUsed);
}
