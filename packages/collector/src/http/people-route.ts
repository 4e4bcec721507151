import type { FastifyInstance } from 'fastify';
import { limits } from '@uptake/sdk/protocol';
import { storedUserId } from '../ingest/stored-user-id.js';
import { auditRows } from './audit-trail.js';
import { parseTime } from './date-range.js';
import { HttpError } from './http-error.js';
import { requireRole } from './require-role.js';
import type { ServerContext } from './server-context.js';

/** The user id of a `/v1/people/{userId}` path, checked as ingestion checks it. */
export function personParam(userId: string): string {
  if (userId.length === 0 || userId.length > limits.userIdMaxLength)
    throw new HttpError(400, `userId: expected 1–${limits.userIdMaxLength} characters`);
  return userId;
}

/**
 * `DELETE /v1/people/{userId}?before=` (admin or local token): an erasure request. The user id is
 * given in clear, as the tool sends it, and pseudonymized as ingestion does; every row about the
 * person is deleted (only those dated before `before`, a day or an instant, when given) and the
 * store compacted. Answers the rows deleted per table; a second request deletes nothing more.
 */
export function registerPeopleRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.delete<{ Params: { userId: string }; Querystring: { before?: string } }>('/v1/people/:userId', async (request) => {
    requireRole(request, ctx, 'erase');
    const userId = personParam(request.params.userId);
    const before = parseTime(request.query.before, 'before');
    const deleted = await ctx.store.forget(storedUserId(ctx.pseudonymize, userId), before);
    // The log says that a person was forgotten and how much, never who: not even their pseudonym.
    request.log.info({ deleted, ...(before ? { before: before.toISOString() } : {}) }, 'erasure: forgot a person');
    auditRows(
      request,
      Object.values(deleted).reduce((a, b) => a + b, 0),
    );
    return { deleted };
  });
}
