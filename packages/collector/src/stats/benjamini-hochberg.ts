/**
 * Benjamini–Hochberg (J. R. Stat. Soc. B 57:289–300, 1995) across the live prompts' tests: with m
 * p-values sorted ascending, p₍ᵢ₎ is adjusted to min over j ≥ i of m·p₍ⱼ₎/j (capped at 1), and a test
 * is a discovery when its adjusted value is at most q. Among the discoveries, the expected share of
 * false ones stays at most q.
 */
export function benjaminiHochberg(pValues: readonly number[], q = 0.05): { adjusted: number[]; discovery: boolean[] } {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank -= 1) {
    const [p, index] = order[rank - 1]!;
    running = Math.min(running, (m * p) / rank);
    adjusted[index] = running;
  }
  return { adjusted, discovery: adjusted.map((p) => p <= q) };
}
