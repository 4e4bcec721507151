import { createHash } from 'node:crypto';
import type { ConfigAnswer } from '@uptake/sdk/protocol';
import type { FastifyInstance } from 'fastify';
import { identitySecrets } from '../config/tool-identity.js';
import { verifyUserHash } from '../identity/user-hash.js';
import { storedModelReader } from '../model/store-model.js';
import { addDueDays } from '../prompts/adaptive-due-days.js';
import { exposureHistory } from '../prompts/exposure-history.js';
import { HttpError } from './http-error.js';
import { perAddressLimit } from './per-address-limit.js';
import type { ServerContext } from './server-context.js';
import { singleValues } from './single-values.js';
import { toolAuthorizer } from './tool-auth.js';

/**
 * `GET /v1/config?tool=&writeKey=&userId=`: the prompts and surveys of a tool and, for an identified
 * person, their exposure history across devices (shows, holdout, dismissals, answers) with those
 * items, and the times of their shows in other tools, so fatigue caps and "don't show again" hold
 * everywhere, and their own day for each `adaptive` item (`dueDay`, from the fitted model); the answer is the protocol's `configAnswerSchema`. Judged like a batch: the write key
 * names the tool, a browser's origin must be one of the tool's. Answers carry an ETag; a matching
 * `If-None-Match` gets `304`, which the browser's HTTP cache does by itself with `Cache-Control:
 * no-cache`.
 */
export function registerConfigRoute(app: FastifyInstance, ctx: ServerContext): void {
  const authorizeTool = toolAuthorizer(ctx.config.tools);
  // A page loads its config once, and a loop over user ids is slowed to a crawl even for a tool that
  // does not verify identity.
  const rateLimit = perAddressLimit(ctx.config.rateLimit.configPerMinute, 'config');
  const model = storedModelReader(ctx.store);
  app.get<{ Querystring: Record<string, unknown> }>('/v1/config', { config: { rateLimit } }, async (request, reply) => {
    const { tool: toolId, writeKey, userId, userHash } = singleValues(request.query, ['tool', 'writeKey', 'userId', 'userHash']);
    if (!writeKey) throw new HttpError(400, "writeKey: expected the tool's write key");
    const tool = authorizeTool(request, writeKey, toolId);
    if (userId !== undefined && (userId.length === 0 || userId.length > 128)) throw new HttpError(400, 'userId: expected 1–128 characters');
    if (userId?.includes('\u0000')) throw new HttpError(400, 'userId: contains a NUL character (U+0000)');
    const secrets = identitySecrets(tool);
    if (userId !== undefined && secrets && !verifyUserHash(secrets, userId, userHash)) {
      throw new HttpError(401, `userHash: missing or not valid for this userId; tool "${tool.id}" verifies identity (docs/tool-teams.md)`);
    }
    const applies = (item: { tools?: string[] | undefined }) => item.tools === undefined || item.tools.includes(tool.id);
    // The config file's items and the studio's live ones, from memory.
    const served = await ctx.studio.served();
    const prompts = served.prompts.filter(applies);
    const surveys = served.surveys.filter(applies);
    const items = { prompts: new Set(prompts.map((p) => p.id)), surveys: new Set(surveys.map((s) => s.id)) };
    const history =
      userId === undefined
        ? null
        : await ctx.store.lookupSession(async (query) => {
            const person = ctx.pseudonymize(userId);
            const found = await exposureHistory(query, ctx.store.dialect, person, items);
            await addDueDays(query, ctx.store.dialect, person, { prompts, surveys }, found, model);
            return found;
          });
    const answer: ConfigAnswer = { tool: tool.id, fatigue: ctx.config.fatigue, prompts, surveys, history };
    const body = JSON.stringify(answer);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('ETag', etag).header('Cache-Control', 'private, no-cache').header('Vary', 'Origin');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
