/**
 * The sessionStorage key of the token: it lasts as long as the tab, and never enters a URL. Named
 * when the admin token was the only one; kept, so a tab signed in before an upgrade stays signed in.
 */
const key = 'uptake.adminToken';

/** The token kept for this tab, if any. */
export function readToken(): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null; // storage disabled: the form asks again on each load
  }
}

/** Keeps the token for this tab. */
export function saveToken(token: string): void {
  try {
    sessionStorage.setItem(key, token);
  } catch {
    // Storage disabled: the token lives in memory only, for this page.
  }
}

/** Forgets the token (sign out, or the collector refused it). */
export function clearToken(): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing kept.
  }
}
