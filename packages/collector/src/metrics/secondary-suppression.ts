/**
 * Which parts of a breakdown to hide so that no hidden part can be recovered as the published
 * total minus the shown parts: those under `minGroupSize` (primary suppression) and, when the hidden
 * ones hold fewer than `minGroupSize` people together, the next smallest until they hold at least
 * that many (secondary suppression, as national statistics offices do it: the published remainder
 * is then about a group no smaller than a shown one may be). `alreadyHidden` parts (the cells of a
 * hidden group, say) count in what the hidden hold. Empty parts hide no one and call for nothing.
 */
export function secondarySuppression(sizes: readonly number[], minGroupSize: number, alreadyHidden?: readonly boolean[]): boolean[] {
  const hidden = sizes.map((size, i) => (alreadyHidden?.[i] ?? false) || size < minGroupSize);
  let held = 0;
  let someone = false;
  for (const [i, size] of sizes.entries())
    if (hidden[i]) {
      held += size;
      someone ||= size > 0;
    }
  if (!someone) return hidden;
  const next = sizes
    .map((size, i) => ({ size, i }))
    .filter(({ i }) => !hidden[i])
    .sort((a, b) => a.size - b.size || a.i - b.i);
  for (const { size, i } of next) {
    if (held >= minGroupSize) break;
    hidden[i] = true;
    held += size;
  }
  return hidden;
}
