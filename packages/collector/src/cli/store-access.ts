import { existsSync } from 'node:fs';
import { openStore, type StoreLocation } from '../storage/open-store.js';
import { readSidecar } from '../storage/local-sidecar.js';
import type { Store } from '../storage/store.js';
import { CliError } from './cli-error.js';

/** A running collector that holds the DuckDB file, reached with its local token. */
export interface CollectorClient {
  url: string;
  /** GETs a path with the local token; throws a CliError naming the status and the collector's words. */
  getJson<T>(path: string): Promise<T>;
  /** GETs a path with the local token and returns the raw response (streams). */
  get(path: string): Promise<Response>;
  /** POSTs a JSON body with the local token; throws a CliError like `getJson`. */
  postJson<T>(path: string, body: unknown): Promise<T>;
  /** DELETEs a path with the local token; throws a CliError like `getJson`. */
  deleteJson<T>(path: string): Promise<T>;
  /** PUTs a JSON body with the local token and extra headers (`If-None-Match`); throws a CliError like `getJson`. */
  putJson<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
}

/** DuckDB lets one process open a file for writing; a running collector holds that lock. */
export function isLockError(error: unknown): boolean {
  return /lock/i.test(String((error as Error)?.message ?? error));
}

function clientFor(url: string, token: string): CollectorClient {
  const request = async (path: string, init: RequestInit = {}) => {
    try {
      return await fetch(new URL(path, url), {
        ...init,
        headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` },
      });
    } catch (error) {
      throw new CliError(`the store is in use by a collector that does not answer at ${url} (${(error as Error).message})`);
    }
  };
  const json = async <T>(path: string, res: Response) => {
    const body = (await res.json().catch(() => ({}))) as T & { error?: string };
    if (!res.ok) throw new CliError(`${url}${path.split('?')[0]} answered ${res.status}: ${body.error ?? 'no reason given'}`);
    return body;
  };
  return {
    url,
    get: (path) => request(path),
    getJson: async (path) => json(path, await request(path)),
    postJson: async (path, body) =>
      json(path, await request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })),
    deleteJson: async (path) => json(path, await request(path, { method: 'DELETE' })),
    putJson: async (path, body, headers = {}) =>
      json(
        path,
        await request(path, { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      ),
  };
}

/**
 * Runs `direct` on the store; when a running collector holds the DuckDB file, runs `remote` against
 * that collector instead (found through the file's `.collector.json` sidecar), so CLI commands work
 * whether or not `uptake serve` is running. With `mustExist`, a DuckDB file that is not there is an
 * error rather than a new empty store.
 */
export async function withStoreOrCollector<T>(
  location: StoreLocation & { db: string; mustExist?: boolean },
  direct: (store: Store) => Promise<T>,
  remote: (collector: CollectorClient) => Promise<T>,
): Promise<T> {
  // A mistyped --db must not read as an empty store (a report of zeros, an export of nothing).
  if (location.mustExist && !location.databaseUrl && !existsSync(location.db))
    throw new CliError(
      `--db ${location.db}: no store there (this command reads a store and never creates one; \`uptake serve\` and \`uptake demo\` create it)`,
    );
  let store: Store;
  try {
    store = await openStore(location);
  } catch (error) {
    if (location.databaseUrl || !isLockError(error)) throw error;
    const sidecar = await readSidecar(location.db);
    if (!sidecar)
      throw new CliError(`${location.db} is in use by another process that is not an Uptake collector (${(error as Error).message})`);
    return remote(clientFor(sidecar.url, sidecar.token));
  }
  try {
    return await direct(store);
  } finally {
    await store.close();
  }
}
