import type { FastifyRequest } from 'fastify';

/**
 * Query parameters the audit log keeps, with their values: what was read, never whom. `user` (a
 * person's id in clear, on an access request's export) is kept as a mark only; any other parameter
 * is left out, so no one can write a person's id into the log through a made-up one.
 */
const kept = ['asOf', 'tool', 'program', 'cohort', 'format', 'from', 'to', 'before', 'since', 'token', 'limit', 'question'];
const marked: Readonly<Record<string, string>> = { user: '<person>' };

/** The audit log's `endpoint` of a request: its route's path (`/v1/people/:userId`) and non-personal query. */
export function auditEndpoint(request: FastifyRequest): string {
  const path = request.routeOptions.url ?? '(no route)';
  const query = new URL(request.url, 'http://x').searchParams;
  const parts: string[] = [];
  for (const key of new Set(query.keys())) {
    const mark = marked[key];
    if (mark !== undefined) parts.push(`${key}=${mark}`);
    else if (kept.includes(key)) parts.push(`${key}=${encodeURIComponent((query.get(key) ?? '').slice(0, 64))}`);
  }
  return parts.length ? `${path}?${parts.join('&')}` : path;
}
