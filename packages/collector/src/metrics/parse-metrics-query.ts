import type { UptakeConfig } from '../config/config-schema.js';
import type { MetricsQuery } from './types.js';

/** A bad filter of a metrics request; the message names it. */
export class MetricsQueryError extends Error {
  override name = 'MetricsQueryError';
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Today's UTC day, `YYYY-MM-DD`. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** A calendar day `YYYY-MM-DD` of the year 1 or later, as typed for `field`; the error names the field. */
export function checkDay(field: string, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (!dayPattern.test(day) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new MetricsQueryError(`${field}: expected a day YYYY-MM-DD, got "${day.slice(0, 40)}"`);
  }
  // PostgreSQL has no year 0.
  if (day < '0001-01-01') throw new MetricsQueryError(`${field}: ${day} is before the year 1`);
  return day;
}

/** Validates `asOf`, `tool`, `program` and `cohort` as a user typed them (query string or CLI flags). */
export function parseMetricsQuery(
  raw: { asOf?: string; tool?: string; program?: string; cohort?: string },
  config: UptakeConfig,
): MetricsQuery {
  const asOf = checkDay('asOf', raw.asOf === undefined || raw.asOf === '' ? todayUtc() : raw.asOf);
  // A day after today has no figures of its own, and comparing it with today's would tell what
  // suppression hides (SPEC "Viewers cannot difference").
  const today = todayUtc();
  if (asOf > today) throw new MetricsQueryError(`asOf: ${asOf} is after today (${today})`);
  const q: MetricsQuery = { asOf };
  if (raw.tool !== undefined && raw.tool !== '') {
    if (!config.tools.some((t) => t.id === raw.tool))
      throw new MetricsQueryError(`tool: unknown tool "${raw.tool.slice(0, 64)}"; declared: ${config.tools.map((t) => t.id).join(', ')}`);
    q.tool = raw.tool;
  }
  for (const key of ['program', 'cohort'] as const) {
    const value = raw[key];
    if (value === undefined || value === '') continue;
    if (value.length > 256) throw new MetricsQueryError(`${key}: at most 256 characters`);
    if (value.includes('\u0000')) throw new MetricsQueryError(`${key}: contains a NUL character (U+0000)`);
    q[key] = value;
  }
  return q;
}
