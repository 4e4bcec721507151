import { basename } from 'node:path';
import { importEvents, validateEventsFile } from '../move/import-events.js';
import { EventsFileError } from '../move/read-export-file.js';
import { CliError, UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';
import { openOwnStore } from './open-own-store.js';
import { startProgress } from './progress.js';
import { storeLocation, storeOptions } from './store-options.js';

export const importEventsUsage = `uptake import events FILE.ndjson|FILE.parquet [--db FILE | --database-url URL]

  Stores the rows of an \`uptake export\` as they are: ids, pseudonymous user ids (never hashed
  again), times and props; an id the store holds already is skipped. The whole file is checked
  first: one bad row imports nothing. Interrupted, it resumes when run again on the same file.
  Writes the store itself: stop a collector that holds the DuckDB file first. The people's next
  events match them only when the store hashes with the secret the exporting store used (the
  config's pseudonymSecret, or its generated one: \`uptake migrate\` carries that).`;

/** `uptake import events FILE`: an export's rows into the store, as they are. */
export async function importEventsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({ args, allowPositionals: true, options: { ...storeOptions } });
  const [file, ...rest] = positionals;
  if (!file) throw new UsageError('expected the file to import', true);
  if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`, true);
  const started = Date.now();
  let total: number;
  try {
    total = await validateEventsFile(file);
  } catch (error) {
    if (error instanceof EventsFileError) throw new CliError(`nothing imported: ${error.message}`);
    throw error;
  }
  const store = await openOwnStore(storeLocation(values), values['database-url'] ? '--database-url' : '--db');
  const progress = startProgress('import', 'events', total);
  try {
    const result = await importEvents(file, store, { onRows: (n) => progress.update(n) });
    progress.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `${basename(file)}: ${result.rows} events read: ${result.inserted} new, ${result.rows - result.inserted} already there${result.resumedAfter ? ` (resumed after ${result.resumedAfter})` : ''} (${seconds} s)`,
    );
  } finally {
    progress.stop();
    await store.close();
  }
}
