/** Prefix of every `localStorage` key the SDK writes, so `optOut()` can find them all. */
export const keyPrefix = 'uptake.';

/**
 * Reads one of the SDK's `localStorage` values; `null` when absent or when storage is blocked
 * (sandboxed iframes and some privacy settings make every access throw a `SecurityError`).
 */
export function readLocal(key: string): string | null {
  try {
    return localStorage.getItem(keyPrefix + key);
  } catch {
    return null;
  }
}

/** Writes (or, given `null`, removes) one of the SDK's `localStorage` values; silently does nothing where storage is blocked. */
export function writeLocal(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(keyPrefix + key);
    else localStorage.setItem(keyPrefix + key, value);
  } catch {
    // Blocked storage: identity then lasts as long as the page, which is the best available.
  }
}
