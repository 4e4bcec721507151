import { HttpError } from './http-error.js';

/**
 * A route's rate limit per client address (behind a proxy, as `trustProxy` says), in `@fastify/rate-limit`'s
 * route options: `what` names the requests in the 429's words and keeps their count apart from others'.
 */
export function perAddressLimit(perMinute: number, what: string) {
  return {
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request: { ip: string }) => `${what}|${request.ip}`,
    errorResponseBuilder: (_request: unknown, context: { after: string }) =>
      new HttpError(429, `rate limit of ${perMinute} ${what} requests per minute reached for this client; retry after ${context.after}`),
  };
}
