import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatIssues } from '@uptake/sdk/protocol';
import { z } from 'zod';
import { addKit, kitItems } from '../kit/add-kit.js';
import { type KitAudience, kitAudiences, starterKit } from '../kit/starter-kit.js';
import { auditRows } from './audit-trail.js';
import type { KitAnswer, KitList } from './openapi-answers.js';
import { HttpError } from './http-error.js';
import { requireRole } from './require-role.js';
import type { ServerContext } from './server-context.js';

/** The body of `POST /v1/admin/kits/{audience}`, optional. */
export const kitAddSchema = z
  .object({
    role: z.string().min(1).max(64).optional().describe("The value of the people's `role` trait, when it is not the audience's name."),
  })
  .strict();

function audienceOf(request: FastifyRequest<{ Params: { audience: string } }>): KitAudience {
  const name = request.params.audience;
  if ((kitAudiences as readonly string[]).includes(name)) return name as KitAudience;
  throw new HttpError(404, `no starter kit for "${name.slice(0, 64)}": expected ${kitAudiences.join(', ')}`);
}

/** A kit as a list shows it: its audience, what it applies, and its items' kinds, ids and titles. */
function kitLine(audience: KitAudience) {
  return {
    audience,
    applies: starterKit(audience).applies,
    items: kitItems(audience).map(({ kind, id, title }) => ({ kind, id, title })),
  };
}

/**
 * The starter kits in the studio (issue 18): `GET /v1/admin/kits`, `GET /v1/admin/kits/{audience}`
 * (its items as the config file would hold them) and `POST /v1/admin/kits/{audience}`, which saves
 * them as drafts as `uptake kit add` does. For editors, like the rest of the studio.
 */
export function registerKitRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/admin/kits', async (request, reply) => {
    requireRole(request, ctx, 'editItems');
    reply.header('Cache-Control', 'no-store');
    const answer: KitList = { kits: kitAudiences.map(kitLine) };
    return answer;
  });

  app.get<{ Params: { audience: string } }>('/v1/admin/kits/:audience', async (request, reply) => {
    requireRole(request, ctx, 'editItems');
    const audience = audienceOf(request);
    const items = kitItems(audience);
    auditRows(request, items.length);
    reply.header('Cache-Control', 'no-store');
    const answer: KitAnswer = { ...kitLine(audience), items };
    return answer;
  });

  app.post<{ Params: { audience: string } }>('/v1/admin/kits/:audience', async (request, reply) => {
    const by = requireRole(request, ctx, 'editItems').name;
    const audience = audienceOf(request);
    const body = kitAddSchema.safeParse(request.body ?? {});
    if (!body.success) throw new HttpError(400, `not a kit request: ${formatIssues(body.error)}`);
    const result = await addKit(ctx.studio, audience, by, body.data.role);
    auditRows(request, result.added.length);
    reply.header('Cache-Control', 'no-store');
    return result;
  });
}
