import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.js';
import type { PreviewedItem } from './openapi-answers.js';
import { perAddressLimit } from './per-address-limit.js';
import type { ServerContext } from './server-context.js';
import { singleValues } from './single-values.js';
import { answering } from './studio-answer.js';
import { toolAuthorizer } from './tool-auth.js';

/**
 * `GET /v1/preview?writeKey=&code=`: the item a studio preview code shows, for the SDK of one
 * browser to show now, whatever its trigger, audience, caps and holdout (it logs nothing of it).
 * Judged like `/v1/config` (write key, origin, the same rate limit per client address); the code
 * must be the studio's (signed), unexpired, and for an item the key's tool shows.
 */
export function registerPreviewRoute(app: FastifyInstance, ctx: ServerContext): void {
  const authorizeTool = toolAuthorizer(ctx.config.tools);
  const rateLimit = perAddressLimit(ctx.config.rateLimit.configPerMinute, 'preview');
  app.get<{ Querystring: Record<string, unknown> }>('/v1/preview', { config: { rateLimit } }, async (request, reply) => {
    const { writeKey, code } = singleValues(request.query, ['writeKey', 'code']);
    if (!writeKey) throw new HttpError(400, "writeKey: expected the tool's write key");
    if (!code) throw new HttpError(400, 'code: expected the preview code the studio gave');
    const tool = authorizeTool(request, writeKey);
    const { claim, item } = await answering(() => ctx.studio.previewed(code));
    if (item.tools !== undefined && !item.tools.includes(tool.id))
      throw new HttpError(403, `${claim.kind} "${claim.id}" is not shown by tool "${tool.id}" (its tools: ${item.tools.join(', ')})`);
    reply.header('Cache-Control', 'no-store').header('Vary', 'Origin');
    const answer: PreviewedItem = {
      kind: claim.kind,
      id: claim.id,
      version: claim.version,
      expiresAt: new Date(claim.expires).toISOString(),
      item,
    };
    return answer;
  });
}
