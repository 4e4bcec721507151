import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';

/**
 * Rate limit per write key and client address, counted in memory for one minute. It runs once the
 * body is parsed (the write key is in the body), so a client over the limit still costs a parse,
 * never a write. Addresses are held in memory only while counting; none is stored.
 */
export async function registerRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => {
      const body = request.body as { writeKey?: unknown } | undefined;
      const key = typeof body?.writeKey === 'string' ? body.writeKey.slice(0, 128) : '';
      return `${key}|${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        `rate limit of ${context.max} requests per minute reached for this write key and client; retry after ${context.after}`,
      ),
  });
}
