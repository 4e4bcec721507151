import type { FastifyInstance } from 'fastify';
import { batchSchema, formatIssues, limits } from '@uptake/sdk/protocol';
import { acceptEvents } from '../ingest/accept-events.js';
import type { ServerContext } from './build-server.js';
import { HttpError } from './http-error.js';

/** `POST /v1/batch`: SPEC "Wire protocol". Answers 200 only once the valid events are committed. */
export function registerBatchRoute(app: FastifyInstance, ctx: ServerContext): void {
  const toolsByKey = new Map(ctx.config.tools.map((t) => [t.writeKey, t]));

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
    const tool = toolsByKey.get(envelope.data.writeKey);
    if (!tool) throw new HttpError(401, 'unknown write key');
    const origin = request.headers.origin;
    if (origin !== undefined && !tool.origins.includes('*') && !tool.origins.includes(origin)) {
      throw new HttpError(403, `origin ${origin} is not allowed for tool "${tool.id}"`);
    }
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
