import type { FastifyInstance } from 'fastify';
import { auditRows } from './audit-trail.js';
import type { ToolList } from './openapi-answers.js';
import { requireRole } from './require-role.js';
import type { ServerContext } from './server-context.js';

/** `GET /v1/tools` (any role): the ids of the tools the config declares, for the dashboard's tool filter. Write keys are not listed. */
export function registerToolsRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/tools', async (request, reply): Promise<ToolList> => {
    requireRole(request, ctx, 'readMetrics');
    reply.header('Cache-Control', 'no-store');
    auditRows(request, ctx.config.tools.length);
    return { tools: ctx.config.tools.map((t) => t.id) };
  });
}
