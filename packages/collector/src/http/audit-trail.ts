import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from './require-role.js';
import type { ServerContext } from './server-context.js';
import { auditEndpoint } from './audit-endpoint.js';

/** What the audit log will say of a request once it is answered. */
interface Draft {
  at: Date;
  caller: Caller | null;
  rows: number;
  /** A stream that lasts until its client leaves: written when the connection closes (`auditWhenClosed`). */
  whenClosed?: boolean;
}

const drafts = new WeakMap<FastifyRequest, Draft>();
/** Each app's line writer, for the answers that end with their connection rather than with `onResponse`. */
const writers = new WeakMap<FastifyInstance, (request: FastifyRequest, status: number) => Promise<void>>();

/** Marks a request made with a token, or trying to, for the audit log; returns how to name its caller once known. */
export function auditCaller(request: FastifyRequest): (caller: Caller) => void {
  const draft: Draft = { at: new Date(), caller: null, rows: 0 };
  drafts.set(request, draft);
  return (caller) => {
    draft.caller = caller;
  };
}

/** Sets the rows the answer carries (events exported, tools listed…). */
export function auditRows(request: FastifyRequest, rows: number): void {
  const draft = drafts.get(request);
  if (draft) draft.rows = rows;
}

/** Passes `items` through, counting them as the answer's rows: an export streams, so its count is known at its end. */
export async function* countedRows<T>(request: FastifyRequest, items: AsyncIterable<T>): AsyncIterable<T> {
  let rows = 0;
  for await (const item of items) {
    auditRows(request, ++rows);
    yield item;
  }
}

/**
 * For an answer that streams (`GET /v1/live` until its client leaves, an export that a client may
 * abandon half way): its one line is written when the connection closes, however it closes, with
 * `rows()` then, or the rows counted so far (`countedRows`). (`onResponse` runs only for an answer
 * the server finishes, and misses a client that went away.)
 */
export function auditWhenClosed(request: FastifyRequest, reply: FastifyReply, rows = () => drafts.get(request)?.rows ?? 0): void {
  const draft = drafts.get(request);
  const write = writers.get(request.server);
  if (!draft || !write) return;
  draft.whenClosed = true;
  reply.raw.once('close', () => {
    draft.rows = rows();
    void write(request, reply.raw.statusCode);
  });
}

/**
 * Writes a line to the store's audit log for every answered request that `requireRole` saw, refused
 * ones included (`401`, `403`), once the answer is sent, so an export's row count is whole. A
 * `429` is not written: the address was refused before its token was looked at, and a flood of them
 * must not fill the store. The collector waits for the lines in flight before it closes the store.
 */
export function registerAuditTrail(app: FastifyInstance, ctx: ServerContext): void {
  const writing = new Set<Promise<void>>();
  const writeLine = async (request: FastifyRequest, status: number) => {
    const draft = drafts.get(request);
    if (!draft) return;
    const write = ctx.store
      .appendAudit({
        at: draft.at,
        token: draft.caller?.name ?? null,
        role: draft.caller?.role ?? null,
        method: request.method,
        endpoint: auditEndpoint(request),
        status,
        rows: status < 400 ? draft.rows : 0,
      })
      .catch((error) => request.log.error({ err: error }, 'audit: could not write the audit line of a request'));
    writing.add(write);
    await write;
    writing.delete(write);
  };
  writers.set(app, writeLine);
  app.addHook('onResponse', async (request, reply) => {
    const draft = drafts.get(request);
    if (!draft || draft.whenClosed || reply.statusCode === 429) return;
    await writeLine(request, reply.statusCode);
  });
  app.addHook('onClose', async () => {
    await Promise.all(writing);
  });
}
