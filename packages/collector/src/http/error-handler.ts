import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError } from './http-error.js';

/**
 * Every error leaves as `{"error": "<words>"}`. Client errors keep their status; anything else is
 * logged and answered `503`, because the only server-side failure a client can act on is "try again".
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply
        .code(error.statusCode)
        .headers(error.headers)
        .send({ error: error.message, ...error.details });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `body larger than ${app.initialConfig.bodyLimit} bytes` : error.message;
      return reply.code(status).send({ error: message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(503).header('Retry-After', '5').send({ error: 'storage unavailable, try again later' });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` }));
}
