import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type BatchAnswer, batchSchema, formatIssues, limits } from '@uptake/sdk/protocol';
import { identitySecrets } from '../config/tool-identity.js';
import { batchVerifier } from '../identity/batch-verifier.js';
import { acceptEvents } from '../ingest/accept-events.js';
import { auditRows } from './audit-trail.js';
import { HttpError } from './http-error.js';
import { batchItems, batchRefusal } from './live-batch.js';
import type { LiveEvents } from './live-events.js';
import { isTrustedSource } from './require-role.js';
import type { ServerContext } from './server-context.js';
import { toolAuthorizer } from './tool-auth.js';

/**
 * `POST /v1/batch`: SPEC "Wire protocol". Answers 200 only once the valid events are committed.
 * Tells `live` what it stored and refused, only while a `GET /v1/live` stream listens.
 */
export function registerBatchRoute(app: FastifyInstance, ctx: ServerContext, live: LiveEvents): void {
  const authorizeTool = toolAuthorizer(ctx.config.tools);
  const maxEventAgeMs = ctx.config.maxEventAgeDays * 864e5;
  const toolsByKey = new Map(ctx.config.tools.map((t) => [t.writeKey, t]));

  // A batch refused as a whole (any error answer: write key, origin, body, size, rate limit, storage).
  // Not async: a hook that waits a tick lets a second error of the same body (a gzip bomb's) answer first.
  const onError = (request: FastifyRequest, _reply: FastifyReply, error: FastifyError | HttpError, done: () => void) => {
    if (live.listening) {
      const status = error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 503;
      live.publish([batchRefusal(request.body, status, status < 500 ? error.message : 'storage unavailable, try again later', toolsByKey)]);
    }
    done();
  };

  app.post('/v1/batch', { config: { rateLimit: {} }, onError }, async (request): Promise<BatchAnswer> => {
    const receivedAt = new Date();
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (type !== 'application/json' && type !== 'text/plain') {
      throw new HttpError(
        415,
        `Content-Type "${type.slice(0, 100)}" is not accepted: send application/json (or text/plain, as sendBeacon does)`,
      );
    }
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
    // A server-side sender with a token (a backfill, an import) may send training facts and old
    // events; a page holds only the public write key (SPEC "Facts come from their source").
    const trusted = isTrustedSource(request, ctx);
    const secrets = identitySecrets(tool);
    const identities = envelope.data.identities ?? {};
    const { rows, indexes, rejected, warnings } = acceptEvents(envelope.data.events, {
      tool: tool.id,
      receivedAt,
      sentAt: envelope.data.sentAt === undefined ? undefined : new Date(envelope.data.sentAt),
      pseudonymize: ctx.pseudonymize,
      writeKey: trusted ? undefined : { maxEventAgeMs, verified: secrets && batchVerifier(secrets, identities) },
    });
    // The daily cap is held by the store, in the commit's transaction, across every collector.
    const { inserted: accepted, refused } = await ctx.committer.submitCapped(rows);
    if (refused.length) {
      const position = new Map(rows.map((row, i) => [row.id, i]));
      for (const id of refused) {
        const i = position.get(id) as number;
        rejected.push({
          index: indexes[i] as number,
          id,
          error: `this person sent more than ${ctx.config.maxEventsPerPersonPerDay} events on ${rows[i]?.ts.toISOString().slice(0, 10)} (maxEventsPerPersonPerDay)`,
        });
      }
      rejected.sort((a, b) => a.index - b.index);
    }
    auditRows(request, accepted);
    const duplicates = envelope.data.events.length - rejected.length - accepted;
    if (live.listening) {
      const events = envelope.data.events;
      live.publish(
        batchItems({ receivedAt, tool: tool.id, events, rows, indexes, rejected, warnings, duplicates, pseudonymize: ctx.pseudonymize }),
      );
    }
    return {
      accepted,
      duplicates,
      rejected,
      ...(warnings.length ? { warnings } : {}),
    };
  });
}
