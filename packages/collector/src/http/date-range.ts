import { HttpError } from './http-error.js';

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a time: a UTC day `YYYY-MM-DD` (its start) or an ISO-8601 instant; the error names `field`. */
export function parseTime(value: string | undefined, field: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = new Date(dayPattern.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime()))
    throw new HttpError(400, `${field}: expected a day YYYY-MM-DD or an ISO-8601 instant, got "${value.slice(0, 40)}"`);
  return date;
}

/**
 * Reads `from` and `to` query values: a UTC day `YYYY-MM-DD` (a `to` day is included whole) or an
 * ISO-8601 instant (a `to` instant is excluded). Returns `[from, to)` bounds.
 */
export function parseDateRange(query: { from?: string; to?: string }): { from?: Date; to?: Date } {
  const parse = (value: string | undefined, field: 'from' | 'to'): Date | undefined => {
    const date = parseTime(value, field);
    if (date && field === 'to' && dayPattern.test(value as string)) date.setUTCDate(date.getUTCDate() + 1);
    return date;
  };
  const range = { from: parse(query.from, 'from'), to: parse(query.to, 'to') };
  if (range.from && range.to && range.from >= range.to) throw new HttpError(400, 'from must be before to');
  return range;
}
