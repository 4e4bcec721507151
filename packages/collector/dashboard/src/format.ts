import type { Metrics } from '../../src/metrics/types.js';

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

/** "+1.0 pts … +9.0 pts": an interval in points. */
export const pointsRange = (low: number, high: number) => `${points(low)} … ${points(high)}`;

/** Days, one decimal. */
export function days(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : `${n.toFixed(1)} days`;
}

/**
 * The day a viewer's figures are for, said once where the figures start; null for an exact answer
 * (an analyst's or an admin's), whose figures are for the day asked.
 */
export function figuresWeek(m: Metrics): string | null {
  if (m.figuresAsOf === undefined) return null;
  if (m.figuresAsOf === null) return 'No week is complete by the day asked for: no figures yet.';
  return `Figures as of the week ending ${m.figuresAsOf} (a Sunday): the same for every day of the week after it. Counts may be off by a few (at most 1% from 100 people on) so that no one can be singled out by comparing answers.`;
}

/** "2 cohorts not shown: …" under a viewer's list with hidden groups; null when none is. */
export function hiddenNote(count: number | undefined, one: string, many: string): string | null {
  if (!count) return null;
  return `${count} ${count === 1 ? one : many} not shown: too few people, or hidden with a smaller one so that it cannot be worked out from the rest.`;
}

/** When a small prompt arm is expected to be known (a viewer sees this instead of its size). */
export function knownAroundNote(date: string | null): string {
  return date === null ? 'not expected within a year at the current pace' : `expected to be known around ${date}`;
}

/** Series colours: distinguishable for the common colour-vision deficiencies (Okabe–Ito). */
export const palette = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];
