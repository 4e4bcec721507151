import type { Capability, Role } from '../../src/config/roles.js';

/** The collector refused the token (401). */
export class AuthError extends Error {
  override name = 'AuthError';
}

/** A URL of the collector's API, relative to the dashboard's own (`/dashboard/`), so a path prefix in front of the collector still works. */
export function apiUrl(path: string, query: Record<string, string | undefined> = {}): string {
  const url = new URL(`../${path}`, location.href);
  for (const [k, v] of Object.entries(query)) if (v) url.searchParams.set(k, v);
  return url.href;
}

async function request(
  path: string,
  token: string,
  query: Record<string, string | undefined> = {},
  signal?: AbortSignal,
): Promise<Response> {
  const res = await fetch(apiUrl(path, query), { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', signal });
  if (res.status === 401)
    throw new AuthError(
      'The collector does not accept this admin token or role token. Check "adminToken" and "tokens" in uptake.config.json (or ask whoever gave you the token) and enter it again.',
    );
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `the collector answered ${res.status}`);
  }
  return res;
}

/** GETs an endpoint as JSON with the bearer token; a 401 is an `AuthError`, another error carries the collector's message. */
export async function getJson<T>(
  path: string,
  token: string,
  query: Record<string, string | undefined> = {},
  signal?: AbortSignal,
): Promise<T> {
  return (await (await request(path, token, query, signal)).json()) as T;
}

/**
 * Downloads `/v1/export` in a format. The endpoint needs the Authorization header, which a link
 * cannot send: the file is fetched, then saved from a blob URL under the collector's file name.
 */
export async function downloadExport(format: 'csv' | 'ndjson' | 'parquet', token: string): Promise<{ fileName: string; bytes: number }> {
  const res = await request('v1/export', token, { format });
  const blob = await res.blob();
  const fileName = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? `uptake-events.${format}`;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: the browser reads the blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return { fileName, bytes: blob.size };
}

/** Who a token signs in as: `GET /v1/whoami`. */
export interface Caller {
  name: string;
  role: Role;
  /** What the role may do (config/roles.ts): the dashboard shows only what these allow. */
  capabilities: Capability[];
}

/** Asks the collector whose token this is; a refused token is an `AuthError`. */
export function whoami(token: string): Promise<Caller> {
  return getJson<Caller>('v1/whoami', token);
}
