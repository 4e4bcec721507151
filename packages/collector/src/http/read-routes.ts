import type { FastifyInstance } from 'fastify';
import { auditRows } from './audit-trail.js';
import { HttpError } from './http-error.js';
import { requireRole } from './require-role.js';
import type { ServerContext } from './server-context.js';

/** `GET /healthz` (public) and `GET /v1/stats` (analyst, admin: exact counts per event name): store totals. */
export function registerReadRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/healthz', async () => {
    try {
      await ctx.store.ping();
    } catch {
      throw new HttpError(503, 'storage unreachable', { 'Retry-After': '5' });
    }
    return { ok: true };
  });

  app.get('/v1/stats', async (request) => {
    requireRole(request, ctx, 'readExact');
    const summary = await ctx.store.summary();
    auditRows(request, summary.byName.length);
    return summary;
  });
}
