import { checkConfig, readConfigFile } from '../config/load-config.js';
import { computeMetrics } from '../metrics/compute-metrics.js';
import { MetricsQueryError, parseMetricsQuery } from '../metrics/parse-metrics-query.js';
import type { Metrics, MetricsQuery } from '../metrics/types.js';
import { computeTrends } from '../trends/compute-trends.js';
import { parseSeriesQuery, type SeriesQuery } from '../trends/series-weeks.js';
import type { StoreSummary } from '../storage/store.js';
import { measuredPrompts } from '../studio/measured-prompts.js';
import { measuredSurveys } from '../studio/measured-surveys.js';
import { UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';
import { formatReport } from './format-report.js';
import { withStoreOrCollector } from './store-access.js';
import { storeCommandConfig } from './store-command-config.js';
import { configOption, defaultConfigFile, storeLocation, storeOptions } from './store-options.js';

export const reportUsage = `uptake report [--as-of YYYY-MM-DD] [--from YYYY-MM-DD] [--tool T] [--program P] [--cohort C]
              [--json] [--config FILE] [--db FILE | --database-url URL]

  Adoption and decay metrics as a readable summary, with each headline figure week by week (the
  last 12 complete weeks, or from the week of --from, at most 104); --json prints exactly what
  GET /v1/metrics?series=weekly answers. While a collector runs on the DuckDB file, asks that collector (found through the
  file's .collector.json sidecar) and uses its config.`;

/** `uptake report`: the metrics of SPEC "Metric definitions", for people or as JSON. */
export async function reportCommand(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      ...configOption,
      ...storeOptions,
      'as-of': { type: 'string' },
      from: { type: 'string' },
      tool: { type: 'string' },
      program: { type: 'string' },
      cohort: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const filters = { asOf: values['as-of'], tool: values.tool, program: values.program, cohort: values.cohort };
  const { config, fromFile } = await storeCommandConfig(values.config, async (file) => checkConfig(await readConfigFile(file), file));
  let query: MetricsQuery;
  let series: SeriesQuery;
  try {
    // Without a config file no tool is declared: a running collector checks --tool against its own.
    query = parseMetricsQuery(fromFile ? filters : { ...filters, tool: undefined }, config);
    series = parseSeriesQuery({ series: 'weekly', from: values.from }, query.asOf) ?? {};
  } catch (error) {
    if (error instanceof MetricsQueryError) throw new UsageError(`--${error.message.replace(/^asOf/, 'as-of')}`);
    throw error;
  }
  const { metrics, summary } = await withStoreOrCollector<{ metrics: Metrics; summary: StoreSummary }>(
    { ...storeLocation(values), mustExist: true },
    async (store) => {
      if (!fromFile && values.tool !== undefined)
        throw new UsageError(`--tool: the tools are declared in the config file; give --config FILE (no ${defaultConfigFile} here)`);
      if (!fromFile)
        console.error(
          `(no ${defaultConfigFile}: default settings, groups under ${config.minGroupSize} suppressed; prompts' uplift needs the config's prompts: --config FILE)`,
        );
      const prompts = await measuredPrompts(store, config.prompts);
      const surveys = await measuredSurveys(store, config.surveys);
      const measured = { ...config, prompts, surveys };
      const metrics = await computeMetrics(store, measured, query);
      return { metrics: { ...metrics, trends: await computeTrends(store, measured, query, series) }, summary: await store.summary() };
    },
    async (collector) => {
      const asked = { ...filters, series: 'weekly', from: values.from };
      const query = new URLSearchParams(Object.entries(asked).filter((e): e is [string, string] => e[1] !== undefined));
      return {
        metrics: await collector.getJson<Metrics>(`/v1/metrics?${query}`),
        summary: await collector.getJson<StoreSummary>('/v1/stats'),
      };
    },
  );
  console.log(values.json ? JSON.stringify(metrics, null, 2) : formatReport(metrics, summary));
}
