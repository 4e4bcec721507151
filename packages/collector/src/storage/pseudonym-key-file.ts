import { readFile } from 'node:fs/promises';
import { refuseLink } from './private-file.js';

/**
 * Where a DuckDB store keeps its generated pseudonym secret: `uptake.duckdb.key` beside
 * `uptake.duckdb`, mode 0600. Not in the store itself, whose file a reader of the events (a backup,
 * a copy for analysis) holds: with the secret, a pseudonym is one HMAC away from a guessed id.
 */
export const pseudonymKeyPath = (db: string): string => `${db}.key`;

/** The settings key under which stores before the key file kept the generated secret (PostgreSQL still does). */
export const pseudonymSecretSetting = 'pseudonymSecret';

/** The secret in a key file, or undefined when there is none; a link in its place is an error. */
export async function readPseudonymKey(path: string): Promise<string | undefined> {
  await refuseLink(path);
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
