const z95 = 1.959963984540054;

/** Wilson score interval of a proportion y/n. */
export function wilsonInterval(y: number, n: number, z = z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = y / n;
  const z2 = z * z;
  const centre = 2 * n * p + z2;
  const spread = z * Math.sqrt(z2 + 4 * n * p * (1 - p));
  const denominator = 2 * (n + z2);
  return [Math.max(0, (centre - spread) / denominator), Math.min(1, (centre + spread) / denominator)];
}

/**
 * 95% interval of the difference of two proportions y1/n1 − y2/n2 by Newcombe's hybrid score method
 * (method 10 of Newcombe 1998, Statistics in Medicine 17:873–890): it combines the two Wilson
 * intervals, stays within [−1, 1] and behaves at 0 and n, where the Wald interval does not.
 */
export function newcombeInterval(y1: number, n1: number, y2: number, n2: number, z = z95): [number, number] {
  const p1 = y1 / n1;
  const p2 = y2 / n2;
  const [l1, u1] = wilsonInterval(y1, n1, z);
  const [l2, u2] = wilsonInterval(y2, n2, z);
  const d = p1 - p2;
  return [d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)];
}
