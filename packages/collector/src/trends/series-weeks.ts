import { addDays } from '../metrics/figures-as-of.js';
import { checkDay, MetricsQueryError } from '../metrics/parse-metrics-query.js';

/** The most weeks one series holds (two years), and how many it holds when `from` is not given. */
export const maxWeeks = 104;
export const defaultWeeks = 12;

/** What a request asks of a series: weekly points from the week of `from` (default: the last 12 weeks). */
export interface SeriesQuery {
  from?: string;
}

/** The Sunday that ends `day`'s ISO week (the day itself on a Sunday). */
export function weekEnd(day: string): string {
  return addDays(day, (7 - new Date(`${day}T00:00:00Z`).getUTCDay()) % 7);
}

/**
 * Validates `series` and `from` as typed (query string or CLI flags) against the request's `asOf`:
 * undefined without `series`; `from` only with `series=weekly`, not after `asOf`, and at most
 * `maxWeeks` weeks before it.
 */
export function parseSeriesQuery(raw: { series?: string | undefined; from?: string | undefined }, asOf: string): SeriesQuery | undefined {
  const from = raw.from === '' ? undefined : raw.from;
  if (raw.series === undefined || raw.series === '') {
    if (from !== undefined) throw new MetricsQueryError('from: only with series=weekly (the first week of a weekly series)');
    return undefined;
  }
  if (raw.series !== 'weekly') throw new MetricsQueryError(`series: expected "weekly", got "${raw.series.slice(0, 40)}"`);
  if (from === undefined) return {};
  checkDay('from', from);
  if (from > asOf) throw new MetricsQueryError(`from: ${from} is after asOf (${asOf})`);
  const weeks = (Date.parse(weekEnd(asOf)) - Date.parse(weekEnd(from))) / (7 * 864e5) + 1;
  if (weeks > maxWeeks) throw new MetricsQueryError(`from: at most ${maxWeeks} weeks of a series; ${from} to ${asOf} spans ${weeks}`);
  return { from };
}

/**
 * The ends (Sundays) of the weeks of a series, oldest first: from the week of `from` (default: the
 * `defaultWeeks` weeks up to `last`) to `last`, the end of the last complete week; none when no
 * week is complete, or none of the year 1 or later.
 */
export function seriesWeeks(last: string | null, series: SeriesQuery): string[] {
  if (last === null) return [];
  const first = series.from === undefined ? addDays(last, -7 * (defaultWeeks - 1)) : weekEnd(series.from);
  const weeks: string[] = [];
  for (let week = first; week <= last && weeks.length < maxWeeks; week = addDays(week, 7)) if (week >= '0001-01-01') weeks.push(week);
  return weeks;
}
