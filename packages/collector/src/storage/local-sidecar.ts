import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';

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

export async function writeSidecar(db: string, sidecar: Sidecar): Promise<void> {
  await writeFile(sidecarPath(db), JSON.stringify(sidecar), { mode: 0o600 });
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
