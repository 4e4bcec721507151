import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { estimatePlan } from '../studio/plan-estimate.js';
import { estimateReach } from '../studio/reach-estimate.js';
import type { ItemView } from '../studio/studio-item.js';
import type { ItemKind } from '../studio/studio-item.js';
import { auditRows } from './audit-trail.js';
import type { PreviewCodeAnswer } from './openapi-answers.js';
import { HttpError } from './http-error.js';
import { requireRole } from './require-role.js';
import type { ServerContext } from './server-context.js';
import { singleValues } from './single-values.js';
import { answering } from './studio-answer.js';

/**
 * Who may change the studio's items (SPEC "Roles": `editor`, and `admin`), and the name their
 * versions keep: the token's. The one place the studio checks a token.
 */
function requireEditor(request: FastifyRequest, ctx: ServerContext): string {
  return requireRole(request, ctx, 'editItems').name;
}

const kinds: Readonly<Record<string, ItemKind>> = { prompts: 'prompt', surveys: 'survey' };
const changes = ['publish', 'pause', 'archive'] as const;

type ItemParams = { kinds: string; id: string };

function kindOf(params: ItemParams): ItemKind {
  const kind = Object.hasOwn(kinds, params.kinds) ? kinds[params.kinds] : undefined;
  if (!kind) throw new HttpError(404, `no route for "${params.kinds.slice(0, 64)}": expected /v1/admin/prompts/… or /v1/admin/surveys/…`);
  return kind;
}

function versionNumber(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) throw new HttpError(400, 'version: expected a whole number from 1');
  return n;
}

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

function sendItem(reply: FastifyReply, view: ItemView, status = 200) {
  if (view.etag) reply.header('ETag', view.etag);
  return reply.code(status).header('Cache-Control', 'no-store').send(view);
}

/**
 * The studio's JSON API (SPEC "Prompts and surveys without a restart"): `GET /v1/admin/items`;
 * `GET|PUT /v1/admin/{prompts|surveys}/{id}` (a PUT saves a draft, validated by the config file's
 * schema, guarded by `If-Match`); `POST …/{id}/publish|pause|archive`; `GET …/{id}/versions` and
 * `…/versions/{n}`; `POST …/{id}/preview?version=` (a code for `GET /v1/preview`); `POST …/{id}/reach`
 * (how many people the item in the body reaches now, as an editor may read it); `POST
 * /v1/admin/prompts/{id}/plan?mde=` (its power plan, likewise). For editors; the
 * config file's items are listed read-only.
 */
export function registerStudioRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const studio = ctx.studio;
  app.get('/v1/admin/items', async (request, reply) => {
    requireEditor(request, ctx);
    reply.header('Cache-Control', 'no-store');
    const items = await studio.list();
    auditRows(request, items.length);
    return { items };
  });

  app.get<{ Params: ItemParams }>('/v1/admin/:kinds/:id', async (request, reply) => {
    requireEditor(request, ctx);
    const view = await answering(() => studio.item(kindOf(request.params), request.params.id));
    return sendItem(reply, view);
  });

  app.put<{ Params: ItemParams }>('/v1/admin/:kinds/:id', async (request, reply) => {
    const by = requireEditor(request, ctx);
    const kind = kindOf(request.params);
    const { view, created } = await answering(() =>
      studio.save(kind, request.params.id, request.body, {
        by,
        ifMatch: header(request, 'if-match'),
        ifNoneMatch: header(request, 'if-none-match'),
      }),
    );
    return sendItem(reply, view, created ? 201 : 200);
  });

  // A static segment: matched before `:change` below.
  app.post<{ Params: ItemParams; Querystring: Record<string, unknown> }>('/v1/admin/:kinds/:id/preview', async (request, reply) => {
    requireEditor(request, ctx);
    const { version } = singleValues(request.query, ['version']);
    const n = version === undefined ? undefined : versionNumber(version);
    const { code, claim, item } = await answering(() => studio.preview(kindOf(request.params), request.params.id, n));
    // Where to open it: each page origin of the tools that show the item (not a "*" origin, which names no page).
    const tools = ctx.config.tools.filter((t) => item.tools === undefined || item.tools.includes(t.id));
    const links = tools.flatMap((t) =>
      t.origins.filter((o) => o !== '*').map((origin) => ({ tool: t.id, url: `${origin}/?uptake-preview=${code}` })),
    );
    reply.header('Cache-Control', 'no-store');
    const answer: PreviewCodeAnswer = {
      kind: claim.kind,
      id: claim.id,
      version: claim.version,
      code,
      expiresAt: new Date(claim.expires).toISOString(),
      links,
    };
    return answer;
  });

  // A static segment too. The body is the item as the editor holds it, so a draft is estimated before it is saved.
  app.post<{ Params: ItemParams }>('/v1/admin/:kinds/:id/reach', async (request, reply) => {
    requireEditor(request, ctx);
    const estimate = await answering(() => estimateReach(ctx.store, ctx.config, kindOf(request.params), request.params.id, request.body));
    auditRows(request, 1);
    reply.header('Cache-Control', 'no-store');
    return estimate;
  });

  // A static segment too: the power plan of the prompt in the body (docs/analysts.md "Power before launch").
  app.post<{ Params: ItemParams; Querystring: Record<string, unknown> }>('/v1/admin/:kinds/:id/plan', async (request, reply) => {
    requireEditor(request, ctx);
    if (kindOf(request.params) !== 'prompt') throw new HttpError(404, 'a plan is for a prompt: POST /v1/admin/prompts/{id}/plan');
    const { mde } = singleValues(request.query, ['mde']);
    const effect = mde === undefined ? undefined : Number(mde);
    if (effect !== undefined && !(effect > 0 && effect < 1))
      throw new HttpError(400, 'mde: expected the minimum detectable effect as a share of one above 0 and below 1, e.g. 0.05');
    const plan = await answering(() => estimatePlan(ctx.store, ctx.config, request.params.id, request.body, effect));
    auditRows(request, 1);
    reply.header('Cache-Control', 'no-store');
    return plan;
  });

  app.post<{ Params: ItemParams & { change: string } }>('/v1/admin/:kinds/:id/:change', async (request, reply) => {
    const by = requireEditor(request, ctx);
    const kind = kindOf(request.params);
    const change = changes.find((c) => c === request.params.change);
    if (!change) throw new HttpError(404, `no studio action "${request.params.change.slice(0, 64)}": expected ${changes.join(', ')}`);
    const view = await answering(() => studio.change(kind, request.params.id, change, { by, ifMatch: header(request, 'if-match') }));
    return sendItem(reply, view);
  });

  app.get<{ Params: ItemParams }>('/v1/admin/:kinds/:id/versions', async (request, reply) => {
    requireEditor(request, ctx);
    const versions = await answering(() => studio.history(kindOf(request.params), request.params.id));
    reply.header('Cache-Control', 'no-store');
    return { versions: versions.map(({ draft: _draft, live: _live, ...line }) => line) };
  });

  app.get<{ Params: ItemParams & { version: string } }>('/v1/admin/:kinds/:id/versions/:version', async (request, reply) => {
    requireEditor(request, ctx);
    const n = versionNumber(request.params.version);
    reply.header('Cache-Control', 'no-store');
    return answering(() => studio.version(kindOf(request.params), request.params.id, n));
  });
}
