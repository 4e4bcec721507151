import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';

/** Throws 401 unless the request carries `Authorization: Bearer <token>` with one of the accepted tokens. */
export function requireAdmin(request: FastifyRequest, tokens: readonly string[]): void {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  if (!match) throw new HttpError(401, 'this endpoint needs Authorization: Bearer <admin token>', { 'WWW-Authenticate': 'Bearer' });
  const given = Buffer.from(match[1] as string);
  const ok = tokens.some((token) => {
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) {
    throw new HttpError(401, 'wrong admin token', { 'WWW-Authenticate': 'Bearer' });
  }
}
