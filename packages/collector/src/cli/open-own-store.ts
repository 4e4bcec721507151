import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openStore, type StoreLocation } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { CliError } from './cli-error.js';
import { duckdbSettings } from './store-options.js';
import { isLockError } from './store-access.js';

/** A store named on the command line by one value: a `postgres://` URL, else a DuckDB file. */
export function storeAt(value: string): StoreLocation & { label: string } {
  if (/^postgres(ql)?:\/\//.test(value)) {
    // The label names the store in messages and checkpoints: never with its password.
    const url = new URL(value);
    url.password = '';
    return { databaseUrl: value, label: url.toString() };
  }
  return { db: value, label: resolve(value), ...duckdbSettings() };
}

/**
 * Opens a store for a command that writes it itself, never through a running collector (a move, an
 * import of events: an operator's work on the store, with no HTTP endpoint a key could reach). A
 * DuckDB file a collector holds is an error that says so; `mustExist` refuses to create a missing file.
 */
export async function openOwnStore(location: StoreLocation, option: string, mustExist = false): Promise<Store> {
  if (!location.databaseUrl && mustExist) {
    await access(location.db as string).catch(() => {
      throw new CliError(`${option}: no such DuckDB file: ${location.db}`);
    });
  }
  try {
    return await openStore(location);
  } catch (error) {
    if (!location.databaseUrl && isLockError(error))
      throw new CliError(`${option}: ${location.db} is in use by another process (a running collector?): stop it first`);
    throw error;
  }
}
