import { basename } from 'node:path';
import { importRowsPerRequest } from '../http/import-route.js';
import { importTraining, type ImportCounts } from '../import/import-training.js';
import { readTrainingCsv, trainingRows, TrainingFileError, validateTrainingCsv } from '../import/parse-training-csv.js';
import { pseudonymizerFor } from '../ingest/pseudonymizer.js';
import { CliError, UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';
import { importEventsCommand, importEventsUsage } from './import-events-command.js';
import { importXapiCommand, importXapiUsage } from './import-xapi-command.js';
import { startProgress, type Progress } from './progress.js';
import { pseudonymConfig } from './pseudonym-config.js';
import { withStoreOrCollector, type CollectorClient } from './store-access.js';
import { configOption, storeLocation, storeOptions } from './store-options.js';

export const importUsage = `uptake import training FILE.csv [--config FILE] [--db FILE | --database-url URL]

  Columns user_id, completed_at, program, and optionally cohort, role, team (header row required,
  any order). Each row becomes a training.completed event, plus an identify event when it has a
  role or team. The whole file is checked first: one bad row imports nothing. Importing the same
  file again changes nothing. While a collector runs on the DuckDB file, imports through it.

${importEventsUsage}

${importXapiUsage}`;

/** Sends the file's records to the collector in requests of about 512 KiB (the body limit is 1 MiB); it validates, builds and stores them. */
async function importThrough(collector: CollectorClient, file: string, progress: Progress): Promise<ImportCounts> {
  const counts: ImportCounts = { rows: 0, events: 0, inserted: 0, existing: 0 };
  let rows: unknown[] = [];
  let bytes = 0;
  const send = async () => {
    const done = await collector.postJson<ImportCounts>('/v1/import/training', { rows });
    for (const key of Object.keys(counts) as (keyof ImportCounts)[]) counts[key] += done[key];
    progress.update(counts.rows);
    rows = [];
    bytes = 0;
  };
  for await (const { record } of readTrainingCsv(file)) {
    rows.push(record);
    bytes += Buffer.byteLength(JSON.stringify(record));
    if (rows.length === importRowsPerRequest || bytes > 512 * 1024) await send();
  }
  if (rows.length > 0) await send();
  return counts;
}

/** `uptake import training FILE.csv`: training completions, with roles and teams, into the store. */
export async function importCommand(args: string[]): Promise<void> {
  if (args[0] === 'events') return importEventsCommand(args.slice(1));
  if (args[0] === 'xapi') return importXapiCommand(args.slice(1));
  const { values, positionals } = parseFlags({
    args,
    allowPositionals: true,
    options: {
      ...configOption,
      ...storeOptions,
    },
  });
  const [kind, file, ...rest] = positionals;
  if (kind !== 'training' || !file || rest.length > 0)
    throw new UsageError(
      kind === undefined
        ? 'expected what to import: training or events'
        : kind !== 'training'
          ? `cannot import "${kind}": expected training or events`
          : !file
            ? 'expected the file to import'
            : `unexpected argument ${rest[0]}`,
      true,
    );
  const started = Date.now();
  let total: number;
  try {
    total = await validateTrainingCsv(file);
  } catch (error) {
    if (error instanceof TrainingFileError) throw new CliError(`nothing imported: ${error.message}`);
    throw error;
  }
  const progress = startProgress('import', 'rows', total);
  let counts: ImportCounts;
  try {
    counts = await withStoreOrCollector(
      storeLocation(values),
      async (store) => {
        const pseudonymize = await pseudonymizerFor(await pseudonymConfig(values.config), store);
        return importTraining(trainingRows(file), {
          pseudonymize,
          insert: async (events) => (await store.insert(events)).length,
          onRows: (n) => progress.update(n),
        });
      },
      (collector) => importThrough(collector, file, progress),
    );
  } finally {
    progress.stop();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${basename(file)}: ${counts.rows} rows read; ${counts.events} events: ${counts.inserted} new, ${counts.existing} already there (${seconds} s)`,
  );
}
