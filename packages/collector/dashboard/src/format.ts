/** What a suppressed figure says, everywhere: never a zero, never a blank. */
export const suppressed = 'suppressed';

/** A whole number with thousands separators, "suppressed" when hidden, "–" when there is none. */
export function int(n: number | null | undefined, hidden = false): string {
  if (hidden) return suppressed;
  return n === null || n === undefined ? '–' : n.toLocaleString('en-US');
}

/** A rate as a percentage, "suppressed" when hidden, "–" when there is no denominator. */
export function pct(rate: number | null | undefined, hidden = false): string {
  if (hidden) return suppressed;
  if (rate === null || rate === undefined) return '–';
  return `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;
}

/** A difference of rates in percentage points, signed. */
export function points(diff: number): string {
  return `${diff >= 0 ? '+' : '−'}${Math.abs(diff * 100).toFixed(1)} pts`;
}

/** Days, one decimal. */
export function days(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : `${n.toFixed(1)} days`;
}

/** Series colours: distinguishable for the common colour-vision deficiencies (Okabe–Ito). */
export const palette = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];
