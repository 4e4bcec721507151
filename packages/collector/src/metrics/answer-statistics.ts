/** Values with how many people gave each. */
export type Tally = readonly { value: number; people: number }[];

/** P(|T| ≤ t) for Student's t with `df` (a whole number) degrees of freedom: the finite sums of Abramowitz & Stegun 26.7.3–4. */
function twoSided(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const [s, c2] = [Math.sin(theta), Math.cos(theta) ** 2];
  let term = 1;
  let sum = 1;
  if (df % 2 === 0) {
    for (let k = 2; k <= df - 2; k += 2) sum += term *= (c2 * (k - 1)) / k;
    return s * sum;
  }
  if (df === 1) return (2 * theta) / Math.PI;
  for (let k = 3; k <= df - 2; k += 2) sum += term *= (c2 * (k - 1)) / k;
  return (2 / Math.PI) * (theta + s * Math.cos(theta) * sum);
}

/**
 * The 97.5th percentile of Student's t with `df` degrees of freedom (the half-width factor of a 95%
 * interval), by bisection on its exact distribution; beyond 2,000 degrees of freedom the
 * Cornish–Fisher expansion (A&S 26.7.5), which is then exact to double precision.
 */
export function tQuantile95(df: number): number {
  if (df > 2000) {
    const z = 1.959963984540054;
    return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
  }
  let [low, high] = [0, 64];
  for (let i = 0; i < 80; i++) {
    const mid = (low + high) / 2;
    if (twoSided(mid, df) < 0.95) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * The mean of a tally and its 95% interval by Student's t (mean ± t·s/√n, s the sample standard
 * deviation); the interval is null under two answers. Null for an empty tally.
 */
export function meanInterval(unordered: Tally): { mean: number; ci95: [number, number] | null } | null {
  // Summed in the order of the values, not of the rows that brought them: a float sum depends on
  // its order, and a store scanning on several threads returns rows in a varying one.
  const tally = [...unordered].sort((a, b) => a.value - b.value || a.people - b.people);
  const n = tally.reduce((s, t) => s + t.people, 0);
  if (n <= 0) return null;
  const mean = tally.reduce((s, t) => s + t.value * t.people, 0) / n;
  if (n < 2) return { mean, ci95: null };
  const variance = tally.reduce((s, t) => s + t.people * (t.value - mean) ** 2, 0) / (n - 1);
  const half = tQuantile95(n - 1) * Math.sqrt(variance / n);
  return { mean, ci95: [mean - half, mean + half] };
}

/** The median of a tally (the mean of the two middle answers when their number is even); null when empty. */
export function median(tally: Tally): number | null {
  const sorted = [...tally].filter((t) => t.people > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((s, t) => s + t.people, 0);
  if (n === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const t of sorted) {
      seen += t.people;
      if (k < seen) return t.value;
    }
    return (sorted.at(-1) as { value: number }).value;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** Net promoter score of 0–10 answers: % promoters (9–10) − % detractors (0–6), −100…100; null when empty. */
export function npsScore(tally: Tally): number | null {
  const n = tally.reduce((s, t) => s + t.people, 0);
  if (n <= 0) return null;
  const share = (keep: (v: number) => boolean) => tally.reduce((s, t) => s + (keep(t.value) ? t.people : 0), 0) / n;
  return 100 * (share((v) => v >= 9) - share((v) => v <= 6));
}
