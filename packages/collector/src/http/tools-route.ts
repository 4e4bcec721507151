import type { FastifyInstance } from 'fastify';
import { requireAdmin } from './admin-auth.js';
import type { ServerContext } from './server-context.js';

/** `GET /v1/tools` (admin): the ids of the tools the config declares, for the dashboard's tool filter. Write keys are not listed. */
export function registerToolsRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/tools', async (request, reply) => {
    requireAdmin(request, ctx);
    reply.header('Cache-Control', 'no-store');
    return { tools: ctx.config.tools.map((t) => t.id) };
  });
}
