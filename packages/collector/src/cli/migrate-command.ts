import { MoveError } from '../move/carry-settings.js';
import { migrateStore } from '../move/migrate-store.js';
import type { Store } from '../storage/store.js';
import { CliError, UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';
import { openOwnStore, storeAt } from './open-own-store.js';
import { startProgress } from './progress.js';

export const migrateUsage = `uptake migrate --from FILE.duckdb|postgres://… --to FILE.duckdb|postgres://…

  Moves a store's content into another store (a DuckDB file into PostgreSQL, or back) as it is:
  every event with its pseudonyms and times, the rollups rebuilt from them, the generated pseudonym
  secret (so people keep matching their next events), the other settings and tables. Stop the
  collectors on the source first. Interrupted, it resumes where it stopped when run again; run again
  after it finished, it adds only what is missing. A destination that keeps another pseudonym
  secret is refused.`;

/** `uptake migrate`: an operator's move from one store to another, on the stores themselves. */
export async function migrateCommand(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' }, 'page-size': { type: 'string', default: '5000' } },
  });
  if (!values.from || !values.to) throw new UsageError('expected --from and --to', true);
  const pageSize = Number(values['page-size']);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100_000)
    throw new UsageError(`--page-size: expected 1 to 100,000, got ${values['page-size']}`);
  const source = storeAt(values.from);
  const destination = storeAt(values.to);
  if (source.label === destination.label) throw new UsageError('--to: names the same store as --from');
  const started = Date.now();
  const from = await openOwnStore(source, '--from', true);
  let to: Store | undefined;
  try {
    to = await openOwnStore(destination, '--to');
    const total = Number((await from.query('SELECT count(*) AS n FROM events'))[0]?.['n'] ?? 0);
    const progress = startProgress('migrate', 'events', total);
    let result: Awaited<ReturnType<typeof migrateStore>>;
    try {
      result = await migrateStore(from, to, { source: source.label, pageSize, onEvents: (n) => progress.update(n) });
    } catch (error) {
      if (error instanceof MoveError) throw new CliError(`nothing moved: ${error.message}`);
      throw error;
    } finally {
      progress.stop();
    }
    const { events, settings, tables } = result;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lines = [
      `${source.label} → ${destination.label}: ${events.read} events, ${events.inserted} new, ${events.read - events.inserted} already there${events.resumedAfter ? ` (resumed after ${events.resumedAfter})` : ''} (${seconds} s)`,
      `pseudonym secret: ${{ carried: 'carried', same: 'the same on both', none: 'none kept by the source (the config gives it, or ids are not pseudonymized)' }[settings.pseudonymSecret]}`,
      ...(settings.copied.length ? [`settings: ${settings.copied.join(', ')}`] : []),
      ...(settings.kept.length ? [`settings the destination kept as they were: ${settings.kept.join(', ')}`] : []),
      ...tables.map((t) => `table ${t.table}: ${t.rows} rows, ${t.inserted} new`),
    ];
    console.log(lines.join('\n'));
  } finally {
    await to?.close();
    await from.close();
  }
}
