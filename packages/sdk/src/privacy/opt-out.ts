import { keyPrefix, readLocal, writeLocal } from '../identity/local-value.js';

/** True once `optOut()` was called in this browser (for this origin). */
export function isOptedOut(): boolean {
  return readLocal('optOut') === '1';
}

/**
 * Remembers the opt-out and forgets the identity the SDK kept (anonymous id, session), so nothing
 * links this browser's past events to its future ones.
 */
export function persistOptOut(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(keyPrefix)) localStorage.removeItem(key);
  } catch {
    // Blocked storage holds nothing of ours.
  }
  writeLocal('optOut', '1');
}
