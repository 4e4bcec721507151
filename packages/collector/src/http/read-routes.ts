import type { FastifyInstance } from 'fastify';
import { requireAdmin } from './admin-auth.js';
import { HttpError } from './http-error.js';
import type { ServerContext } from './server-context.js';

/** `GET /healthz` (public) and `GET /v1/stats` (admin): store totals. */
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
    requireAdmin(request, ctx);
    return ctx.store.summary();
  });
}
