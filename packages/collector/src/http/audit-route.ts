import type { FastifyInstance } from 'fastify';
import { auditRows } from './audit-trail.js';
import { parseTime } from './date-range.js';
import { HttpError } from './http-error.js';
import { requireRole } from './require-role.js';
import type { ServerContext } from './server-context.js';
import { singleValues } from './single-values.js';

/**
 * `GET /v1/audit?since=&token=&limit=` (admin): the audit log, oldest first, as `uptake audit` reads
 * it from a running collector. Reading it is itself written to it.
 */
export function registerAuditRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: Record<string, unknown> }>('/v1/audit', async (request, reply) => {
    requireRole(request, ctx, 'administer');
    const { since, token, limit } = singleValues(request.query, ['since', 'token', 'limit']);
    const max = limit === undefined ? undefined : Number(limit);
    if (max !== undefined && !(Number.isInteger(max) && max > 0)) throw new HttpError(400, 'limit: expected a positive whole number');
    const entries = await ctx.store.readAudit({
      ...(since === undefined ? {} : { since: parseTime(since, 'since') }),
      ...(token === undefined ? {} : { token }),
      ...(max === undefined ? {} : { limit: max }),
    });
    reply.header('Cache-Control', 'no-store');
    auditRows(request, entries.length);
    return { entries };
  });
}
