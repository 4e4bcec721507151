import { randomBytes } from 'node:crypto';
import { lstat, readFile, rm } from 'node:fs/promises';
import { createPrivateFile } from './private-file.js';

/**
 * DuckDB lets one process open a file. While a collector runs on `uptake.duckdb`, it writes
 * `uptake.duckdb.collector.json` (mode 0600) beside it with its URL and a random local read token,
 * so `uptake report` and `uptake export` run in another terminal can ask the collector instead.
 * The token reads what the file's owner can read anyway, and it changes at every start.
 */
export interface Sidecar {
  url: string;
  pid: number;
  token: string;
}

export const sidecarPath = (db: string): string => `${db}.collector.json`;

/** A fresh local token. */
export const newLocalToken = (): string => randomBytes(24).toString('base64url');

/**
 * Writes the sidecar, created anew with mode 0600. The caller holds the DuckDB file's lock, so a
 * sidecar already there is a stale one of this user's (a collector killed before it removed it)
 * and is replaced; a link, or a file of another user's, is an error: writing through it would hand
 * the token to whoever planted it.
 */
export async function writeSidecar(db: string, sidecar: Sidecar): Promise<void> {
  const path = sidecarPath(db);
  const stale = await lstat(path).catch(() => undefined);
  const foreign = process.getuid ? stale?.uid !== process.getuid() : false;
  if (stale && (!stale.isFile() || foreign)) {
    throw new Error(`${path} is not this user's own file: refusing to write the collector's token through it; remove it`);
  }
  if (stale) await rm(path);
  await createPrivateFile(path, JSON.stringify(sidecar));
}

export async function readSidecar(db: string): Promise<Sidecar | undefined> {
  try {
    return JSON.parse(await readFile(sidecarPath(db), 'utf8')) as Sidecar;
  } catch {
    return undefined;
  }
}

export async function removeSidecar(db: string): Promise<void> {
  await rm(sidecarPath(db), { force: true });
}
