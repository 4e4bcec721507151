import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { xapiStatementsPerRequest } from '../http/xapi-route.js';
import { pseudonymizerFor } from '../ingest/pseudonymizer.js';
import type { StoredEvent } from '../storage/store.js';
import { loadActorMap } from '../xapi/load-actor-map.js';
import { readXapiFile, XapiFileError } from '../xapi/read-xapi-file.js';
import { type StatementCounts, storedFingerprints, storeStatements } from '../xapi/store-statements.js';
import { CliError, UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';
import { startProgress, type Progress } from './progress.js';
import { pseudonymConfig } from './pseudonym-config.js';
import { type CollectorClient, withStoreOrCollector } from './store-access.js';
import { configOption, defaultConfigFile, storeLocation, storeOptions } from './store-options.js';

export const importXapiUsage = `uptake import xapi FILE.json [--config FILE] [--db FILE | --database-url URL]

  xAPI 1.0.3 statements: a JSON array, a single statement, or NDJSON (one per line). A completion
  (the config's xapi.verbs: completed, passed, satisfied by default) becomes a training.completed
  event; other verbs are counted and ignored. account.name is the user id; mbox and openid actors
  need an xapi.actorMap. Valid statements are stored even when others are refused (each named by
  line, exit code 1). Importing the same file again changes nothing. While a collector runs on the
  DuckDB file, imports through it (with its config).`;

/** Statements per write: one transaction each, and the progress bar moves between them. */
const chunk = xapiStatementsPerRequest;

function add(total: StatementCounts, part: StatementCounts, offset: number): void {
  total.stored += part.stored;
  total.duplicates += part.duplicates;
  total.ignored += part.ignored;
  total.refused.push(...part.refused.map((r) => ({ ...r, index: r.index + offset })));
}

/** Sends the statements to the collector's `POST /v1/import/xapi` in requests of at most 1,000 statements and about 512 KiB. */
async function importThrough(collector: CollectorClient, statements: unknown[], progress: Progress): Promise<StatementCounts> {
  const total: StatementCounts = { statements: statements.length, stored: 0, duplicates: 0, ignored: 0, refused: [] };
  let first = 0;
  while (first < statements.length) {
    let end = first;
    let bytes = 0;
    while (end < statements.length && end - first < chunk && bytes < 512 * 1024)
      bytes += Buffer.byteLength(JSON.stringify(statements[end++]));
    add(total, await collector.postJson<StatementCounts>('/v1/import/xapi', { statements: statements.slice(first, end) }), first);
    first = end;
    progress.update(first);
  }
  return total;
}

/** `uptake import xapi FILE`: training completions from xAPI statements into the store. */
export async function importXapiCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({ args, allowPositionals: true, options: { ...configOption, ...storeOptions } });
  const [file, ...rest] = positionals;
  if (!file) throw new UsageError('expected the file to import', true);
  if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`, true);
  const started = Date.now();
  let read: Awaited<ReturnType<typeof readXapiFile>>;
  try {
    read = await readXapiFile(file);
  } catch (error) {
    if (error instanceof XapiFileError) throw new CliError(`nothing imported: ${error.message}`);
    throw error;
  }
  const { statements, where } = read;
  const progress = startProgress('import', 'statements', statements.length);
  let counts: StatementCounts;
  try {
    counts = await withStoreOrCollector(
      storeLocation(values),
      async (store) => {
        const config = await pseudonymConfig(values.config);
        const actors = await loadActorMap(config, values.config ?? (existsSync(defaultConfigFile) ? defaultConfigFile : undefined));
        const rules = { xapi: config.xapi, actors, pseudonymize: await pseudonymizerFor(config, store), receivedAt: new Date() };
        const sink = {
          fingerprints: storedFingerprints(store),
          insert: async (events: StoredEvent[]) => (await store.insert(events)).length,
        };
        const total: StatementCounts = { statements: statements.length, stored: 0, duplicates: 0, ignored: 0, refused: [] };
        for (let first = 0; first < statements.length; first += chunk) {
          add(total, await storeStatements(statements.slice(first, first + chunk), rules, sink, first), 0);
          progress.update(Math.min(first + chunk, statements.length));
        }
        return total;
      },
      (collector) => importThrough(collector, statements, progress),
    );
  } finally {
    progress.stop();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const { refused } = counts;
  console.log(
    `${basename(file)}: ${counts.statements} statements: ${counts.stored} completions new, ${counts.duplicates} already there, ${counts.ignored} ignored (other verbs), ${refused.length} refused (${seconds} s)`,
  );
  if (refused.length > 0) {
    const lines = refused.slice(0, 100).map((r) => `  ${where(r.index)}: ${r.error}`);
    if (refused.length > 100) lines.push(`  … and ${refused.length - 100} more`);
    throw new CliError(`${refused.length} statement(s) refused; the others are stored:\n${lines.join('\n')}`);
  }
}
