import { createHmac, randomBytes } from 'node:crypto';
import type { UptakeConfig } from '../config/config-schema.js';
import type { Store } from '../storage/store.js';

/**
 * The key of a viewer's cell-key noise, derived from the store's pseudonym secret (the config's
 * `pseudonymSecret`, else the one the store generated and keeps, as `pseudonymizerFor` reads it):
 * every collector on a store perturbs alike, and the noise changes only if that secret does. A
 * one-way derivation, so the pseudonym secret itself never takes part in what a viewer sees.
 */
export async function cellKeySecret(config: UptakeConfig, store: Store): Promise<Buffer> {
  const secret = config.pseudonymSecret ?? (await store.initPseudonymSecret(randomBytes(32).toString('hex')));
  return createHmac('sha256', secret).update('uptake: cell-key noise of the figures viewers see, v1').digest();
}
