import { generateDemo } from '../demo/generate-demo.js';
import { todayUtc } from '../metrics/parse-metrics-query.js';
import { openStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { CliError, UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';
import { pseudonymConfig } from './pseudonym-config.js';
import { startProgress } from './progress.js';
import { isLockError } from './store-access.js';
import { configOption, storeLocation, storeOptions } from './store-options.js';

export const demoUsage = `uptake demo [--seed N] [--employees N] [--tool ID] [--config FILE] [--db FILE | --database-url URL]

  Writes a synthetic organisation (4,200 employees, a one-off workshop and a twelve-week program
  over eight months, usage decay, the critique tip with a holdout, the 90-day behaviour check) so
  every metric and chart has data. Deterministic for a seed; a store gets one demo, once.`;

/** `uptake demo`: fills a store with the demo organisation. */
export async function demoCommand(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      seed: { type: 'string', default: '42' },
      employees: { type: 'string', default: '4200' },
      tool: { type: 'string' },
      ...configOption,
      ...storeOptions,
    },
  });
  const seed = Number(values.seed);
  const employees = Number(values.employees);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed: expected a whole number, got ${values.seed}`);
  if (!Number.isInteger(employees) || employees < 1 || employees > 1_000_000)
    throw new UsageError(`--employees: expected 1 to 1,000,000, got ${values.employees}`);
  const config = await pseudonymConfig(values.config);
  // Without a config file, the demo's tool is the example tool's.
  const tool = values.tool ?? config.tools[0]?.id ?? 'assistant';
  let store: Store;
  try {
    store = await openStore(storeLocation(values));
  } catch (error) {
    if (isLockError(error))
      throw new CliError(`${values.db} is in use by a running collector: stop it, or let \`npm start\` write the demo on first start`);
    throw error;
  }
  const progress = startProgress('demo', 'employees', employees);
  try {
    const result = await generateDemo(store, config, { seed, employees, until: todayUtc(), tool }, (done) => progress.update(done));
    progress.stop();
    console.log(
      result.written
        ? `demo: wrote ${result.events.toLocaleString('en-US')} events for ${employees.toLocaleString('en-US')} employees (seed ${seed})`
        : `demo: already written to this store on ${result.since}; nothing to do`,
    );
  } finally {
    progress.stop();
    await store.close();
  }
}
