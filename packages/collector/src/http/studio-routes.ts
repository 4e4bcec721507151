import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ItemView, StudioError } from '../studio/studio.js';
import type { ItemKind } from '../studio/studio-item.js';
import { requireAdmin } from './admin-auth.js';
import { HttpError } from './http-error.js';
import type { ServerContext } from './server-context.js';

/**
 * Who may change the studio's items, and the name their versions keep. The one place the studio
 * checks a token: until tokens have roles (SPEC "Roles": `editor`), that is the admin token.
 */
function requireEditor(request: FastifyRequest, ctx: ServerContext): string {
  requireAdmin(request, ctx);
  return 'admin';
}

const kinds: Readonly<Record<string, ItemKind>> = { prompts: 'prompt', surveys: 'survey' };
const changes = ['publish', 'pause', 'archive'] as const;

type ItemParams = { kinds: string; id: string };

function kindOf(params: ItemParams): ItemKind {
  const kind = Object.hasOwn(kinds, params.kinds) ? kinds[params.kinds] : undefined;
  if (!kind) throw new HttpError(404, `no route for "${params.kinds.slice(0, 64)}": expected /v1/admin/prompts/… or /v1/admin/surveys/…`);
  return kind;
}

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

const statuses = { 'not-found': 404, conflict: 409, stale: 412, invalid: 400 } as const;

/** A studio refusal as an HTTP error: words, and for an invalid item each problem with its field. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof StudioError)) throw error;
    throw new HttpError(statuses[error.reason], error.message, {}, error.issues.length ? { issues: error.issues } : {});
  }
}

function sendItem(reply: FastifyReply, view: ItemView, status = 200) {
  if (view.etag) reply.header('ETag', view.etag);
  return reply.code(status).header('Cache-Control', 'no-store').send(view);
}

/**
 * The studio's JSON API (SPEC "Prompts and surveys without a restart"): `GET /v1/admin/items`;
 * `GET|PUT /v1/admin/{prompts|surveys}/{id}` (a PUT saves a draft, validated by the config file's
 * schema, guarded by `If-Match`); `POST …/{id}/publish|pause|archive`; `GET …/{id}/versions` and
 * `…/versions/{n}`. For editors; the config file's items are listed read-only.
 */
export function registerStudioRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const studio = ctx.studio;
  app.get('/v1/admin/items', async (request, reply) => {
    requireEditor(request, ctx);
    reply.header('Cache-Control', 'no-store');
    return { items: await studio.list() };
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
    const n = Number(request.params.version);
    if (!Number.isInteger(n) || n < 1) throw new HttpError(400, 'version: expected a whole number from 1');
    reply.header('Cache-Control', 'no-store');
    return answering(() => studio.version(kindOf(request.params), request.params.id, n));
  });
}
