import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import { computeMetrics } from '../metrics/compute-metrics.js';
import { MetricsQueryError, parseMetricsQuery } from '../metrics/parse-metrics-query.js';
import type { Metrics, MetricsQuery } from '../metrics/types.js';
import type { StoreSummary } from '../storage/store.js';
import { measuredPrompts } from '../studio/measured-prompts.js';
import { CliError } from './cli-error.js';
import { formatReport } from './format-report.js';
import { withStoreOrCollector } from './store-access.js';
import { configOption, storeLocation, storeOptions } from './store-options.js';

export const reportUsage = `uptake report [--as-of YYYY-MM-DD] [--tool T] [--program P] [--cohort C] [--json]
              [--config FILE] [--db FILE | --database-url URL]

  Adoption and decay metrics as a readable summary; --json prints exactly what GET /v1/metrics
  answers. While a collector runs on the DuckDB file, asks that collector (found through the
  file's .collector.json sidecar) and uses its config.`;

/** `uptake report`: the metrics of SPEC "Metric definitions", for people or as JSON. */
export async function reportCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...configOption,
      ...storeOptions,
      'as-of': { type: 'string' },
      tool: { type: 'string' },
      program: { type: 'string' },
      cohort: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const filters = { asOf: values['as-of'], tool: values.tool, program: values.program, cohort: values.cohort };
  const { metrics, summary } = await withStoreOrCollector<{ metrics: Metrics; summary: StoreSummary }>(
    storeLocation(values),
    async (store) => {
      const config = await loadConfig(values.config);
      let query: MetricsQuery;
      try {
        query = parseMetricsQuery(filters, config);
      } catch (error) {
        if (error instanceof MetricsQueryError) throw new CliError(`--${error.message.replace(/^asOf/, 'as-of')}`);
        throw error;
      }
      const prompts = await measuredPrompts(store, config.prompts);
      return { metrics: await computeMetrics(store, { ...config, prompts }, query), summary: await store.summary() };
    },
    async (collector) => {
      const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => e[1] !== undefined));
      return {
        metrics: await collector.getJson<Metrics>(`/v1/metrics?${query}`),
        summary: await collector.getJson<StoreSummary>('/v1/stats'),
      };
    },
  );
  console.log(values.json ? JSON.stringify(metrics, null, 2) : formatReport(metrics, summary));
}
