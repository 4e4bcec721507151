import type { FastifyInstance } from 'fastify';
import { batchSchema, formatIssues, limits } from '@uptake/sdk/protocol';
import { acceptEvents } from '../ingest/accept-events.js';
import { HttpError } from './http-error.js';
import type { ServerContext } from './server-context.js';
import { toolAuthorizer } from './tool-auth.js';

/** `POST /v1/batch`: SPEC "Wire protocol". Answers 200 only once the valid events are committed. */
export function registerBatchRoute(app: FastifyInstance, ctx: ServerContext): void {
  const authorizeTool = toolAuthorizer(ctx.config.tools);

  app.post('/v1/batch', { config: { rateLimit: {} } }, async (request) => {
    const receivedAt = new Date();
    const body = request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new HttpError(400, 'expected a JSON object {"writeKey", "sentAt", "events": [...]}');
    }
    const events = (body as { events?: unknown }).events;
    if (Array.isArray(events) && events.length > limits.batchMaxEvents) {
      throw new HttpError(413, `batch has ${events.length} events; at most ${limits.batchMaxEvents} per batch`);
    }
    const envelope = batchSchema.safeParse(body);
    if (!envelope.success) throw new HttpError(400, `not a batch: ${formatIssues(envelope.error)}`);
    const tool = authorizeTool(request, envelope.data.writeKey);
    const { rows, rejected } = acceptEvents(envelope.data.events, {
      tool: tool.id,
      receivedAt,
      sentAt: envelope.data.sentAt === undefined ? undefined : new Date(envelope.data.sentAt),
      pseudonymize: ctx.pseudonymize,
    });
    const accepted = await ctx.committer.submit(rows);
    return { accepted, duplicates: envelope.data.events.length - rejected.length - accepted, rejected };
  });
}
