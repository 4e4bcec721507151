import { createHmac, randomBytes } from 'node:crypto';
import type { UptakeConfig } from '../config/config-schema.js';
import type { Store } from '../storage/store.js';

/** Maps a user or anonymous id to what is stored for it. */
export type Pseudonymize = (id: string) => string;

/**
 * Keyed hash (HMAC-SHA-256, hex) of an id: stable for one secret, not reversible without it.
 * A batch repeats its user's ids on every event, so recent results are kept in a bounded map: an
 * HMAC costs microseconds, a lookup nanoseconds.
 */
export function hmacPseudonym(secret: string, cacheSize = 100_000): Pseudonymize {
  const cache = new Map<string, string>();
  return (id) => {
    let hashed = cache.get(id);
    if (hashed === undefined) {
      hashed = createHmac('sha256', secret).update(id).digest('hex');
      if (cache.size >= cacheSize) cache.clear();
      cache.set(id, hashed);
    }
    return hashed;
  };
}

/**
 * The pseudonymizer the config asks for: identity when `pseudonymize` is false; otherwise keyed by
 * `pseudonymSecret`, or by a secret generated on first start and kept with the store (a key file
 * beside a DuckDB file, PostgreSQL's settings table), so every
 * collector on one store (and the training import) hashes alike.
 */
export async function pseudonymizerFor(config: UptakeConfig, store: Store): Promise<Pseudonymize> {
  if (!config.pseudonymize) return (id) => id;
  const secret = config.pseudonymSecret ?? (await store.initPseudonymSecret(randomBytes(32).toString('hex')));
  return hmacPseudonym(secret);
}
