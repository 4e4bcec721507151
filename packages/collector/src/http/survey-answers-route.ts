import type { FastifyInstance } from 'fastify';
import { nextDay } from '../metrics/metric-sql.js';
import { MetricsQueryError, parseMetricsQuery } from '../metrics/parse-metrics-query.js';
import { surveyTextAnswers } from '../metrics/survey-answer-rows.js';
import { measuredSurveys } from '../studio/measured-surveys.js';
import { auditRows } from './audit-trail.js';
import { HttpError } from './http-error.js';
import { requireRole } from './require-role.js';
import type { ServerContext } from './server-context.js';
import { singleValues } from './single-values.js';

/**
 * `GET /v1/surveys/{id}/answers?question=&asOf=` (analyst, admin): the answers to one text question,
 * newest first, each with its wave and ISO week, never who gave it (SPEC "Roles": survey text
 * answers are the analyst's). Viewers and editors get `403`: the metrics only count text answers.
 */
export function registerSurveyAnswersRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>('/v1/surveys/:id/answers', async (request, reply) => {
    requireRole(request, ctx, 'readExact');
    const { question, asOf } = singleValues(request.query, ['question', 'asOf']);
    let day: string;
    try {
      day = parseMetricsQuery({ asOf }, ctx.config).asOf;
    } catch (error) {
      if (error instanceof MetricsQueryError) throw new HttpError(400, error.message);
      throw error;
    }
    const survey = (await measuredSurveys(ctx.store, ctx.config.surveys)).find((s) => s.id === request.params.id);
    if (!survey) throw new HttpError(404, `no survey "${request.params.id}" in the config or the studio`);
    const texts = survey.questions.filter((q) => q.type === 'text').map((q) => q.id);
    if (question === undefined || !texts.includes(question))
      throw new HttpError(400, `question: expected a text question of "${survey.id}" (${texts.join(', ') || 'it has none'})`);
    const answers = await ctx.store.readSession((query) => surveyTextAnswers(query, ctx.store.dialect, survey.id, question, nextDay(day)));
    reply.header('Cache-Control', 'no-store');
    auditRows(request, answers.length);
    return { survey: survey.id, question, asOf: day, answers };
  });
}
