/** The 97.5th percentile of the standard normal distribution: a two-sided 95% interval. */
const z = 1.959963984540054;

/** Wilson's score interval for y successes out of n (Wilson 1927). */
function wilson(y: number, n: number): [number, number] {
  const p = y / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [centre - half, centre + half];
}

/**
 * Newcombe's hybrid score interval for p1 − p2 (method 10, Newcombe 1998):
 * [d − √((p1 − l1)² + (u2 − p2)²), d + √((u1 − p1)² + (p2 − l2)²)].
 */
export function newcombe(y1: number, n1: number, y2: number, n2: number): [number, number] {
  const [p1, p2] = [y1 / n1, y2 / n2];
  const [l1, u1] = wilson(y1, n1);
  const [l2, u2] = wilson(y2, n2);
  const d = p1 - p2;
  return [d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)];
}
