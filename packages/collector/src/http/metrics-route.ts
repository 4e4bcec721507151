import type { FastifyInstance } from 'fastify';
import { computeMetrics } from '../metrics/compute-metrics.js';
import { MetricsQueryError, parseMetricsQuery } from '../metrics/parse-metrics-query.js';
import type { MetricsQuery } from '../metrics/types.js';
import { computeTrends } from '../trends/compute-trends.js';
import { parseSeriesQuery, type SeriesQuery } from '../trends/series-weeks.js';
import { auditRows } from './audit-trail.js';
import { can } from '../config/roles.js';
import { measuredPrompts } from '../studio/measured-prompts.js';
import { measuredSurveys } from '../studio/measured-surveys.js';
import { HttpError } from './http-error.js';
import { requireRole } from './require-role.js';
import { singleValues } from './single-values.js';
import type { ServerContext } from './server-context.js';

/** `GET /v1/metrics?asOf=&tool=&program=&cohort=&series=weekly&from=` (any role; exact for analyst and admin): SPEC "Metric definitions". */
export function registerMetricsRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: Record<string, unknown> }>('/v1/metrics', async (request, reply) => {
    const caller = requireRole(request, ctx, 'readMetrics');
    let query: MetricsQuery;
    let series: SeriesQuery | undefined;
    try {
      const raw = singleValues(request.query, ['asOf', 'tool', 'program', 'cohort', 'series', 'from']);
      query = parseMetricsQuery(raw, ctx.config);
      series = parseSeriesQuery(raw, query.asOf);
    } catch (error) {
      if (error instanceof MetricsQueryError) throw new HttpError(400, error.message);
      throw error;
    }
    reply.header('Cache-Control', 'no-store');
    auditRows(request, 1);
    // Analysts and admins read exact figures (they may export the rows anyway); viewers and editors
    // read figures they cannot difference (SPEC "Viewers cannot difference"). The studio's
    // published prompts and surveys are measured like the file's.
    const prompts = await measuredPrompts(ctx.store, ctx.config.prompts);
    const config = { ...ctx.config, prompts, surveys: await measuredSurveys(ctx.store, ctx.config.surveys) };
    const options = { exact: can(caller.role, 'readExact') };
    const metrics = await computeMetrics(ctx.store, config, query, options);
    return series ? { ...metrics, trends: await computeTrends(ctx.store, config, query, series, options) } : metrics;
  });
}
