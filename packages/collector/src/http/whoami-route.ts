import type { FastifyInstance } from 'fastify';
import { roleCapabilities } from '../config/roles.js';
import type { WhoAmI } from './openapi-answers.js';
import { authenticate } from './require-role.js';
import type { ServerContext } from './server-context.js';

/**
 * `GET /v1/whoami` (any token): the token's name, role and capabilities, so the dashboard shows what
 * the role may use. Not in the audit log: it reads nothing but the token's own entry.
 */
export function registerWhoamiRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/whoami', async (request, reply): Promise<WhoAmI> => {
    const { name, role } = authenticate(request, ctx);
    reply.header('Cache-Control', 'no-store');
    return { name, role, capabilities: [...roleCapabilities[role]] };
  });
}
