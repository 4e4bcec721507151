import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { describeIssues } from '@uptake/sdk/protocol';
import {
  type StatementCounts,
  type StatementSink,
  type StatementsOutcome,
  storedFingerprints,
  storeStatements,
} from '../xapi/store-statements.js';
import { versionProblem, xapiVersion } from '../xapi/xapi-version.js';
import { auditRows } from './audit-trail.js';
import { HttpError } from './http-error.js';
import { requireRole } from './require-role.js';
import type { ServerContext } from './server-context.js';

/** Statements per `POST /v1/import/xapi`, as `uptake import xapi` sends them; the 1 MiB body limit holds every request too. */
export const xapiStatementsPerRequest = 1000;

/** The body of `POST /v1/import/xapi`. */
export const xapiImportBodySchema = z.strictObject({
  statements: z.array(z.unknown()).max(xapiStatementsPerRequest, `at most ${xapiStatementsPerRequest} statements per request`),
});

/** The answer's counts as headers: an xAPI answer is an array of ids, with no room for them. */
function countHeaders(outcome: StatementCounts): Record<string, string> {
  return {
    'X-Uptake-Stored': String(outcome.stored),
    'X-Uptake-Duplicates': String(outcome.duplicates),
    'X-Uptake-Ignored': String(outcome.ignored),
    'X-Uptake-Refused': String(outcome.refused.length),
  };
}

/** The refusal of a request in which some statements were refused: `409` when all of them conflict, else `400`. */
function refusal(outcome: StatementsOutcome): HttpError {
  const { refused } = outcome;
  const first = refused[0] as StatementsOutcome['refused'][number];
  const kept = outcome.statements - refused.length;
  return new HttpError(
    refused.every((r) => r.conflict) ? 409 : 400,
    `${refused.length} of ${outcome.statements} statements refused (first: statements[${first.index}]: ${first.error})${kept ? `; the other ${kept} are stored or acknowledged, listed in ids` : ''}`,
    countHeaders(outcome),
    { refused, ids: outcome.ids },
  );
}

function statementsOf(request: FastifyRequest): unknown[] {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (type === 'multipart/mixed') throw new HttpError(415, 'attachments are not taken: send the statements as application/json');
  if (type !== 'application/json') throw new HttpError(415, `Content-Type "${type?.slice(0, 100)}" is not accepted: send application/json`);
  const body = request.body;
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object') return [body];
  throw new HttpError(400, 'expected a statement object or an array of statements');
}

/**
 * xAPI in (docs/operators.md, "Training completions from an LMS (xAPI)"): `POST /xAPI/statements`
 * as an LRS takes it, `GET /xAPI/about`, and `POST /v1/import/xapi` (what `uptake import xapi`
 * sends, answered with counts). Completion statements become `training.completed` facts; a token
 * that may import is needed, as Bearer or as the password of Basic (what xAPI clients send).
 */
export function registerXapiRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const rules = (receivedAt: Date) => ({ xapi: ctx.config.xapi, actors: ctx.xapiActors, pseudonymize: ctx.pseudonymize, receivedAt });
  const sink: StatementSink = { fingerprints: storedFingerprints(ctx.store), insert: (events) => ctx.committer.submit(events) };
  // Every xAPI answer says its version, errors included (xAPI 1.0.3 Communication 6.2).
  const onRequest = async (_request: FastifyRequest, reply: FastifyReply) => {
    reply.header('X-Experience-API-Version', xapiVersion);
  };

  app.get('/xAPI/about', { onRequest }, async () => ({ version: [xapiVersion] }));

  app.post('/xAPI/statements', { onRequest }, async (request, reply) => {
    const receivedAt = new Date();
    requireRole(request, ctx, 'import', true);
    const problem = versionProblem(request.headers['x-experience-api-version']);
    if (problem) throw new HttpError(400, problem);
    const params = Object.keys(request.query as Record<string, unknown>);
    if (params.length)
      throw new HttpError(
        400,
        `parameter ${params[0]?.slice(0, 40)} is not taken: POST /xAPI/statements stores statements and takes no parameters`,
      );
    const outcome = await storeStatements(statementsOf(request), rules(receivedAt), sink);
    auditRows(request, outcome.stored);
    if (outcome.refused.length) throw refusal(outcome);
    return reply.headers(countHeaders(outcome)).send(outcome.ids);
  });

  app.post('/v1/import/xapi', async (request): Promise<StatementCounts> => {
    const receivedAt = new Date();
    requireRole(request, ctx, 'import');
    const body = xapiImportBodySchema.safeParse(request.body);
    if (!body.success) throw new HttpError(400, describeIssues(body.error).slice(0, 10).join('; '));
    const { ids: _ids, ...counts } = await storeStatements(body.data.statements, rules(receivedAt), sink);
    auditRows(request, counts.stored);
    return counts;
  });
}
