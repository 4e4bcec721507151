import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { readEvents } from '../storage/read-events.js';
import type { StoredEvent } from '../storage/store.js';
import { requireAdmin } from './admin-auth.js';
import type { ServerContext } from './build-server.js';
import { parseDateRange } from './date-range.js';
import { HttpError } from './http-error.js';

/** One export row with SPEC's columns: `ts` corrected, times ISO-8601 UTC. */
export function exportRow(e: StoredEvent): Record<string, unknown> {
  return {
    id: e.id,
    name: e.name,
    ts: e.ts.toISOString(),
    receivedAt: e.receivedAt.toISOString(),
    userId: e.userId,
    anonymousId: e.anonymousId,
    sessionId: e.sessionId,
    tool: e.tool,
    props: e.props,
  };
}

async function* ndjson(events: AsyncIterable<StoredEvent>): AsyncGenerator<string> {
  for await (const e of events) yield `${JSON.stringify(exportRow(e))}\n`;
}

/** `GET /v1/export?format=ndjson&from=&to=` (admin): one row per stored event, streamed page by page. */
export function registerExportRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: { format?: string; from?: string; to?: string } }>('/v1/export', async (request, reply) => {
    requireAdmin(request, ctx.adminTokens);
    const format = request.query.format ?? 'ndjson';
    if (format !== 'ndjson') throw new HttpError(400, `format: expected ndjson, got "${String(format).slice(0, 20)}"`);
    const range = parseDateRange(request.query);
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .header('Content-Type', 'application/x-ndjson; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="uptake-events-${stamp}.ndjson"`)
      .header('Cache-Control', 'no-store')
      .send(Readable.from(ndjson(readEvents(ctx.store, range))));
  });
}
