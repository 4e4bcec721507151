import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AuthFailures } from './auth-failures.js';
import { HttpError } from './http-error.js';

/** What checking a token needs: the accepted tokens and the failures counted per client address. */
export interface TokenCheck {
  /** Tokens the reading endpoints accept: the config's admin token, and the local token of a DuckDB sidecar. */
  adminTokens: readonly string[];
  authFailures: AuthFailures;
}

function matches(tokens: readonly string[], given: string): boolean {
  const bytes = Buffer.from(given);
  // Every token is compared, in constant time: the timing tells neither which one nor how much matched.
  let ok = false;
  for (const token of tokens) {
    const expected = Buffer.from(token);
    ok = (bytes.length === expected.length && timingSafeEqual(bytes, expected)) || ok;
  }
  return ok;
}

/**
 * Throws 401 unless the request carries `Authorization: Bearer <token>` with one of the accepted
 * tokens, and 429 once its address has failed too often (SPEC: failed authentication is rate-limited).
 */
export function requireAdmin(request: FastifyRequest, check: TokenCheck): void {
  check.authFailures.check(request.ip);
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  if (!match) throw new HttpError(401, 'this endpoint needs Authorization: Bearer <admin token>', { 'WWW-Authenticate': 'Bearer' });
  if (!matches(check.adminTokens, match[1] as string)) {
    check.authFailures.fail(request.ip);
    throw new HttpError(401, 'wrong admin token', { 'WWW-Authenticate': 'Bearer' });
  }
}

/**
 * Whether a batch comes from a server-side source holding a token (a backfill, an import) rather
 * than a page: with no `Authorization` header it is a page's; with a wrong token it is refused.
 */
export function isTrustedSource(request: FastifyRequest, check: TokenCheck): boolean {
  if (request.headers.authorization === undefined) return false;
  requireAdmin(request, check);
  return true;
}
