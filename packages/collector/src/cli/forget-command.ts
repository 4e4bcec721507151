import { parseTime } from '../http/date-range.js';
import { storedUserId } from '../ingest/stored-user-id.js';
import { pseudonymizerFor } from '../ingest/pseudonymizer.js';
import type { ForgetCounts } from '../storage/person-tables.js';
import { UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';
import { pseudonymConfig } from './pseudonym-config.js';
import { withStoreOrCollector } from './store-access.js';
import { userOption } from './user-option.js';
import { configOption, storeLocation, storeOptions } from './store-options.js';

export const forgetUsage = `uptake forget --user ID [--before D] [--config FILE] [--db FILE | --database-url URL]

  Erases a person (an employee's deletion request): their events and every rollup row about them,
  then compacts the store so the rows do not survive in its files. ID is the user id in clear, as
  the tool sends it; it is pseudonymized as ingestion does. --before D (a day YYYY-MM-DD or an
  ISO-8601 instant) erases only what is dated before it. Forgetting again removes nothing more.
  While a collector runs on the DuckDB file, erases through it.`;

/** `uptake forget --user ID`: erases a person from the store, or through the collector that holds it. */
export async function forgetCommand(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: { user: { type: 'string' }, before: { type: 'string' }, ...configOption, ...storeOptions },
  });
  const user = userOption(values.user);
  let before: Date | undefined;
  try {
    before = parseTime(values.before, '--before');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const deleted = await withStoreOrCollector(
    { ...storeLocation(values), mustExist: true },
    async (store) => store.forget(storedUserId(await pseudonymizerFor(await pseudonymConfig(values.config), store), user), before),
    async (collector) => {
      const query = values.before ? `?${new URLSearchParams({ before: values.before })}` : '';
      return (await collector.deleteJson<{ deleted: ForgetCounts }>(`/v1/people/${encodeURIComponent(user)}${query}`)).deleted;
    },
  );
  const rollups = Object.entries(deleted).filter(([table]) => table !== 'events');
  const compacted = Object.values(deleted).some((n) => n > 0) ? '; store compacted' : '';
  console.log(
    `forgot the person${before ? ` before ${before.toISOString()}` : ''}: ${deleted.events} events, ${rollups.map(([table, n]) => `${n} ${table} rows`).join(', ')}${compacted}`,
  );
}
