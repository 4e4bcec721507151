import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { describeIssues } from '@uptake/sdk/protocol';
import { importTraining } from '../import/import-training.js';
import { trainingRowSchema } from '../import/training-row.js';
import { auditRows } from './audit-trail.js';
import { HttpError } from './http-error.js';
import { requireRole } from './require-role.js';
import type { ServerContext } from './server-context.js';

/** Rows per request: a few hundred KiB of JSON, well inside the 1 MiB body limit. */
export const importRowsPerRequest = 5000;

/** The body of `POST /v1/import/training`. */
export const importTrainingBodySchema = z.strictObject({
  rows: z
    .array(trainingRowSchema)
    .min(1, 'expected at least one row')
    .max(importRowsPerRequest, `at most ${importRowsPerRequest} rows per request`),
});

/**
 * `POST /v1/import/training` (admin or local token): training rows, as `uptake import training`
 * sends them when a collector holds the DuckDB file. The collector builds the events itself, with its
 * own pseudonym secret, so the ids and hashes are exactly those of an import into the store.
 * A request is all or nothing: one bad row refuses it, naming the row and field.
 */
export function registerImportRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/v1/import/training', async (request) => {
    requireRole(request, ctx, 'import');
    const body = importTrainingBodySchema.safeParse(request.body);
    if (!body.success) throw new HttpError(400, describeIssues(body.error).slice(0, 10).join('; '));
    const counts = await importTraining(body.data.rows, {
      pseudonymize: ctx.pseudonymize,
      insert: (events) => ctx.committer.submit(events),
    });
    auditRows(request, counts.rows);
    return counts;
  });
}
