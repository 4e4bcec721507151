import type { FastifyInstance } from 'fastify';
import { computeMetrics } from '../metrics/compute-metrics.js';
import { MetricsQueryError, parseMetricsQuery } from '../metrics/parse-metrics-query.js';
import type { MetricsQuery } from '../metrics/types.js';
import { auditRows } from './audit-trail.js';
import { measuredPrompts } from '../studio/measured-prompts.js';
import { HttpError } from './http-error.js';
import { requireRole } from './require-role.js';
import { singleValues } from './single-values.js';
import type { ServerContext } from './server-context.js';

/** `GET /v1/metrics?asOf=&tool=&program=&cohort=` (any role): SPEC "Metric definitions". */
export function registerMetricsRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: Record<string, unknown> }>('/v1/metrics', async (request, reply) => {
    requireRole(request, ctx, 'readMetrics');
    let query: MetricsQuery;
    try {
      query = parseMetricsQuery(singleValues(request.query, ['asOf', 'tool', 'program', 'cohort']), ctx.config);
    } catch (error) {
      if (error instanceof MetricsQueryError) throw new HttpError(400, error.message);
      throw error;
    }
    reply.header('Cache-Control', 'no-store');
    auditRows(request, 1);
    // ROLE → FIGURES (issue 14 item 2): computeMetrics(…, { exact: can(caller.role, 'readExact') }): analyst and admin get exact figures.
    // The studio's published prompts are measured like the file's.
    return computeMetrics(ctx.store, { ...ctx.config, prompts: await measuredPrompts(ctx.store, ctx.config.prompts) }, query);
  });
}
