import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { type Capability, can, capabilityWords, type Role, tokenNeeded } from '../config/roles.js';
import { ownTokenNames, type TokenHolder } from '../config/token-schema.js';
import { auditCaller } from './audit-trail.js';
import type { AuthFailures } from './auth-failures.js';
import { HttpError } from './http-error.js';

/** What checking a token needs: the accepted tokens and the failures counted per client address. */
export interface TokenCheck {
  /** Every accepted token with its holder's name and role: `adminToken`, `tokens`, a DuckDB sidecar's local token. */
  tokens: readonly TokenHolder[];
  authFailures: AuthFailures;
}

/** Who made a request: the name and role of the token it carries. */
export interface Caller {
  name: string;
  role: Role;
}

const unauthorized = (message: string) => new HttpError(401, message, { 'WWW-Authenticate': 'Bearer' });

function holderOf(tokens: readonly TokenHolder[], given: string): TokenHolder | undefined {
  const bytes = Buffer.from(given);
  // Every token is compared, in constant time: the timing tells neither which one nor how much matched.
  let found: TokenHolder | undefined;
  for (const holder of tokens) {
    const expected = Buffer.from(holder.token);
    if (bytes.length === expected.length && timingSafeEqual(bytes, expected)) found ??= holder;
  }
  return found;
}

const bearerToken = (header: string | undefined) => /^Bearer (.+)$/.exec(header ?? '')?.[1];

/** The password of `Authorization: Basic base64(user:password)`, for clients that speak only Basic (xAPI's). */
function basicPassword(header: string | undefined): string | undefined {
  const encoded = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header ?? '')?.[1];
  if (encoded === undefined) return undefined;
  const pair = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = pair.indexOf(':');
  return colon < 0 || colon === pair.length - 1 ? undefined : pair.slice(colon + 1);
}

/**
 * The holder of the request's `Authorization: Bearer <token>` (with `basic`, also Basic with the token
 * as the password): `401` without one or with a token no
 * one holds (counted against the address), `429` once the address has failed too often (SPEC "Failed
 * authentication").
 */
export function authenticate(request: FastifyRequest, check: TokenCheck, basic = false): Caller {
  check.authFailures.check(request.ip);
  // Where the config names no other tokens, the admin token is the only one a person could hold.
  const named = check.tokens.some((t) => !ownTokenNames.includes(t.name));
  const given = bearerToken(request.headers.authorization) ?? (basic ? basicPassword(request.headers.authorization) : undefined);
  if (given === undefined)
    throw unauthorized(
      `this endpoint needs Authorization: Bearer <${named ? 'token' : 'admin token'}>${basic ? ' (or Basic, the token as the password)' : ''}`,
    );
  const holder = holderOf(check.tokens, given);
  if (!holder) {
    check.authFailures.fail(request.ip);
    throw unauthorized(named ? "wrong token: it is neither adminToken nor one of the config's tokens" : 'wrong admin token');
  }
  return { name: holder.name, role: holder.role };
}

/**
 * The caller, when their token's role has `capability` (the table in `config/roles.ts`); else `401`
 * (no valid token) or `403` naming the role needed and the caller's; `basic` as in `authenticate`. The request is written to the
 * audit log whichever it is.
 */
export function requireRole(request: FastifyRequest, check: TokenCheck, capability: Capability, basic = false): Caller {
  const audit = auditCaller(request);
  const caller = authenticate(request, check, basic);
  audit(caller);
  if (!can(caller.role, capability)) {
    throw new HttpError(
      403,
      `${capabilityWords[capability]} needs ${tokenNeeded(capability)}; the token "${caller.name}" has the role ${caller.role}`,
    );
  }
  return caller;
}

/**
 * Whether a batch comes from a server-side source holding a token (a backfill, an import) rather
 * than a page: with no `Authorization` header it is a page's; with a wrong token it is refused, and
 * with a token whose role may not import, `403`.
 */
export function isTrustedSource(request: FastifyRequest, check: TokenCheck): boolean {
  if (request.headers.authorization === undefined) return false;
  requireRole(request, check, 'import');
  return true;
}
