import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a tool's backend computes and hands to its page (SPEC "Identity verification"): the lowercase
 * hex HMAC-SHA-256 of the user id, keyed with the tool's identity secret.
 */
export function userHash(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/**
 * Whether `hash` is `userId`'s hash under one of `secrets` (newest first, older ones during a
 * rotation). Every secret is tried and compared in constant time, so the answer's timing tells
 * neither which secret matched nor how much of the hash was right.
 */
export function verifyUserHash(secrets: readonly string[], userId: string, hash: unknown): boolean {
  if (typeof hash !== 'string' || hash.length !== 64) return false;
  const given = Buffer.from(hash, 'latin1');
  let ok = false;
  for (const secret of secrets) {
    // Non-short-circuit `|`: the remaining secrets are checked even after a match.
    ok = timingSafeEqual(Buffer.from(userHash(secret, userId), 'latin1'), given) || ok;
  }
  return ok;
}
