/** The sessionStorage key of the admin token: it lasts as long as the tab, and never enters a URL. */
const key = 'uptake.adminToken';

/** The admin token kept for this tab, if any. */
export function readToken(): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null; // storage disabled: the form asks again on each load
  }
}

/** Keeps the admin token for this tab. */
export function saveToken(token: string): void {
  try {
    sessionStorage.setItem(key, token);
  } catch {
    // Storage disabled: the token lives in memory only, for this page.
  }
}

/** Forgets the admin token (sign out, or the collector refused it). */
export function clearToken(): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing kept.
  }
}
