import type { Pseudonymize } from './pseudonymizer.js';
import { wellFormed } from './storable-text.js';

/**
 * The user id as the store holds it for a user id given in clear: made well-formed and
 * pseudonymized as ingestion does, so erasure and access requests find the person's rows.
 */
export function storedUserId(pseudonymize: Pseudonymize, userId: string): string {
  return pseudonymize(wellFormed(userId));
}
