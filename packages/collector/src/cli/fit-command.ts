import { checkConfig, readConfigFile } from '../config/load-config.js';
import { predictHalfLife } from '../model/half-life.js';
import { FitError, fitStoreModel, type StoredModel } from '../model/store-model.js';
import { CliError, UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';
import { withStoreOrCollector } from './store-access.js';
import { storeCommandConfig } from './store-command-config.js';
import { configOption, storeLocation, storeOptions } from './store-options.js';

export const fitUsage = `uptake fit [--evaluate] [--split YYYY-MM-DD] [--tool T] [--json]
           [--config FILE] [--db FILE | --database-url URL]

  Fits the half-life model of next use (docs/analysts.md, "Who is about to stop") on the store's
  usage and keeps it in the store. --evaluate first judges it on the weeks after --split (default:
  the last 8 weeks), fitted on the weeks before, against one curve for everyone and the cohort fit:
  log-loss (lower is better) and AUC (higher is better). Reads the store itself: stop a collector
  that holds the DuckDB file first.`;

const fixed = (n: number, digits = 3) => n.toFixed(digits);

/** The model's words: a typical person's half-life per role, then the quality. */
function describe(stored: StoredModel): string {
  const { model } = stored;
  const typical = model.scale.map(({ mean }) => mean);
  const roleIndex = (role: string) => model.features.indexOf(`role:${role}`);
  const halfLife = (role: string) =>
    predictHalfLife(
      model,
      typical.map((mean, i) => (model.features[i]!.startsWith('role:') ? (i === roleIndex(role) ? 1 : 0) : mean)),
    );
  const lines = [
    `fitted on ${stored.observations.toLocaleString('en-US')} observations of ${stored.people.toLocaleString('en-US')} people (usage up to ${stored.usageUntil}); kept in the store`,
    `half-life of a typical person: ${['executive', 'leader', 'professional', 'technical'].map((r) => `${r} ${halfLife(r).toFixed(1)} days`).join(', ')}`,
  ];
  const e = stored.evaluation;
  if (e)
    lines.push(
      `held out from ${e.split} (${e.testObservations.toLocaleString('en-US')} observations, fitted on ${e.trainObservations.toLocaleString('en-US')} before):`,
      `  log-loss  model ${fixed(e.model.logLoss)}  one curve ${fixed(e.population.logLoss)}  cohort fit ${fixed(e.cohort.logLoss)}`,
      `  AUC       model ${fixed(e.model.auc)}  one curve ${fixed(e.population.auc)}  cohort fit ${fixed(e.cohort.auc)}`,
    );
  return lines.join('\n');
}

/** `uptake fit`: fits the next-use model on the store and keeps it there. */
export async function fitCommand(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      evaluate: { type: 'boolean', default: false },
      split: { type: 'string' },
      tool: { type: 'string' },
      json: { type: 'boolean', default: false },
      ...configOption,
      ...storeOptions,
    },
  });
  if (values.split !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.split))
    throw new UsageError(`--split: expected a day YYYY-MM-DD, got "${values.split}"`);
  if (values.split !== undefined && !values.evaluate) throw new UsageError('--split needs --evaluate');
  const { config } = await storeCommandConfig(values.config, async (file) => checkConfig(await readConfigFile(file), file));
  const stored = await withStoreOrCollector(
    { ...storeLocation(values), mustExist: true },
    async (store) => {
      await store.syncUsageEvents(config.usageEvents);
      try {
        return await fitStoreModel(store, { tool: values.tool, ...(values.evaluate ? { evaluate: { split: values.split } } : {}) });
      } catch (error) {
        if (error instanceof FitError) throw new CliError(error.message);
        throw error;
      }
    },
    async (collector) => {
      throw new CliError(`the store is in use by the collector at ${collector.url}: stop it to fit from the command line`);
    },
  );
  console.log(values.json ? JSON.stringify(stored, null, 2) : describe(stored));
}
