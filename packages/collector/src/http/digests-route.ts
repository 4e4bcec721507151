import type { FastifyInstance } from 'fastify';
import { previewDigests } from '../digest/preview-digests.js';
import { auditRows } from './audit-trail.js';
import { HttpError } from './http-error.js';
import { requireRole } from './require-role.js';
import type { ServerContext } from './server-context.js';

/**
 * `GET /v1/digests/preview[?name=]`: the configured weekly digests as they would go out today (or
 * why one would not), for anyone who may read metrics: a digest carries what a viewer sees, no more.
 * What `uptake digest --dry-run` shows while a collector holds the DuckDB file.
 */
export function registerDigestsRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/digests/preview', async (request) => {
    requireRole(request, ctx, 'readMetrics');
    const { name } = request.query as { name?: string };
    if (name !== undefined && !(ctx.config.digests?.targets ?? []).some((t) => t.name === name))
      throw new HttpError(404, `no digest named "${name}" in the config`);
    const previews = await previewDigests(ctx.store, ctx.config, new Date().toISOString().slice(0, 10), name);
    auditRows(request, previews.length);
    return { previews };
  });
}
