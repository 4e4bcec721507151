import { verifyUserHash } from './user-hash.js';

/**
 * Whether a batch's `identities` prove a user id, each id checked once per batch: a batch repeats
 * its person's id on every event, and each check costs an HMAC per secret.
 */
export function batchVerifier(secrets: readonly string[], identities: Readonly<Record<string, string>>): (userId: string) => boolean {
  const checked = new Map<string, boolean>();
  return (userId) => {
    let ok = checked.get(userId);
    if (ok === undefined) {
      ok = Object.hasOwn(identities, userId) && verifyUserHash(secrets, userId, identities[userId]);
      checked.set(userId, ok);
    }
    return ok;
  };
}
