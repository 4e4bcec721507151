import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { type ExportFormat, parseExportFormat } from '../export/export-format.js';
import { exportToFile } from '../export/export-to-file.js';
import { exportWriters } from '../export/export-writers.js';
import { storedUserId } from '../ingest/stored-user-id.js';
import { readEvents } from '../storage/read-events.js';
import type { StoredEvent } from '../storage/store.js';
import { auditWhenClosed, countedRows } from './audit-trail.js';
import { parseDateRange } from './date-range.js';
import { HttpError } from './http-error.js';
import { personParam } from './people-route.js';
import { requireRole } from './require-role.js';
import type { ServerContext } from './server-context.js';

/**
 * A format written only whole (Parquet has its index at the end) goes to a temporary file first, then
 * is sent with its length. The file is unlinked as soon as it is open for reading: nothing is left
 * behind whether the download finishes, is cut, or the process dies while sending.
 */
async function fileStream(events: AsyncIterable<StoredEvent>, format: ExportFormat): Promise<{ stream: Readable; size: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'uptake-export-'));
  try {
    const file = join(dir, `events.${format}`);
    await exportToFile(events, format, file);
    const { size } = await stat(file);
    const stream = createReadStream(file);
    await once(stream, 'open');
    return { stream, size };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `GET /v1/export?format=csv|ndjson|parquet&from=&to=&user=` (analyst, admin): one row per stored event, in
 * `(ts, id)` order; with `user` (a user id in clear), only that person's: an access request.
 */
export function registerExportRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: { format?: string; from?: string; to?: string; user?: string } }>('/v1/export', async (request, reply) => {
    requireRole(request, ctx, 'export');
    let format: ExportFormat;
    try {
      format = parseExportFormat(String(request.query.format ?? 'ndjson'));
    } catch (error) {
      throw new HttpError(400, (error as Error).message);
    }
    const { user } = request.query;
    const range = {
      ...parseDateRange(request.query),
      ...(user === undefined ? {} : { userId: storedUserId(ctx.pseudonymize, personParam(user)) }),
    };
    const writer = exportWriters[format];
    const stamp = new Date().toISOString().slice(0, 10);
    reply
      .header('Content-Type', writer.contentType)
      .header('Content-Disposition', `attachment; filename="uptake-${user === undefined ? 'events' : 'person'}-${stamp}.${format}"`)
      .header('Cache-Control', 'no-store');
    // An export the client abandons half way is still audited, with the rows sent until then.
    auditWhenClosed(request, reply);
    if (!writer.streams) {
      const { stream, size } = await fileStream(countedRows(request, readEvents(ctx.store, range)), format);
      return reply.header('Content-Length', size).send(stream);
    }
    // Text formats stream page by page as they are read: constant memory whatever the store's size.
    return reply.send(Readable.from(writer.chunks(countedRows(request, readEvents(ctx.store, range)))));
  });
}
