import { checkConfig, readConfigFile } from '../config/load-config.js';
import { DigestLog } from '../digest/digest-log.js';
import { type DigestPreview, previewDigests } from '../digest/preview-digests.js';
import { digestText, renderDigest } from '../digest/render-digest.js';
import { CliError, UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';
import { withStoreOrCollector } from './store-access.js';
import { storeCommandConfig } from './store-command-config.js';
import { configOption, storeLocation, storeOptions } from './store-options.js';

export const digestUsage = `uptake digest --dry-run [--name N] [--format text|json|slack|teams]
              [--config FILE] [--db FILE | --database-url URL]
uptake digest --log [--config FILE] [--db FILE | --database-url URL]

  Weekly digests (config "digests"): --dry-run prints each as it would go out today, in words or
  as the body its webhook would receive, and sends nothing; --log lists the deliveries, newest
  first. \`uptake serve\` sends them at the configured hour. While a collector runs on the DuckDB
  file, asks it.`;

const formats = ['text', 'json', 'slack', 'teams'] as const;

/** `uptake digest --dry-run | --log`. */
export async function digestCommand(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      'dry-run': { type: 'boolean', default: false },
      log: { type: 'boolean', default: false },
      name: { type: 'string' },
      format: { type: 'string', default: 'text' },
      ...configOption,
      ...storeOptions,
    },
  });
  if (values['dry-run'] === values.log) throw new UsageError('expected --dry-run or --log', true);
  const format = values.format as (typeof formats)[number];
  if (!formats.includes(format)) throw new UsageError(`--format: expected ${formats.join(', ')}, got "${values.format}"`);
  const { config } = await storeCommandConfig(values.config, async (file) => checkConfig(await readConfigFile(file), file));
  if (values.log) {
    const lines = await withStoreOrCollector(
      { ...storeLocation(values), mustExist: true },
      (store) => new DigestLog(store).lines(),
      async () => {
        throw new CliError(
          'the deliveries log is read from the store: stop the collector that holds the DuckDB file, or use --database-url',
        );
      },
    );
    if (lines.length === 0) console.log('no digest delivered yet');
    for (const l of lines)
      console.log(
        `${l.slot}  ${l.name}  ${l.status}${l.attempts ? ` after ${l.attempts} attempt(s)` : ''}${l.detail ? `: ${l.detail}` : ''}`,
      );
    return;
  }
  if (!config.digests) throw new CliError('no digests in the config: add "digests" (docs/analysts.md, "Weekly digests")');
  if (values.name !== undefined && !config.digests.targets.some((t) => t.name === values.name))
    throw new UsageError(`--name: no digest "${values.name}"; the config has ${config.digests.targets.map((t) => t.name).join(', ')}`);
  const today = new Date().toISOString().slice(0, 10);
  const previews = await withStoreOrCollector<DigestPreview[]>(
    { ...storeLocation(values), mustExist: true },
    (store) => previewDigests(store, config, today, values.name),
    async (collector) =>
      (
        await collector.getJson<{ previews: DigestPreview[] }>(
          `/v1/digests/preview${values.name ? `?name=${encodeURIComponent(values.name)}` : ''}`,
        )
      ).previews,
  );
  const targets = new Map(config.digests.targets.map((t) => [t.name, t]));
  for (const preview of previews) {
    if ('withheld' in preview) {
      console.log(`${preview.name}: not built: ${preview.withheld}`);
      continue;
    }
    const target = targets.get(preview.name)!;
    console.log(
      format === 'text'
        ? `${preview.name} (${target.format}):\n${digestText(preview.digest)}`
        : JSON.stringify(renderDigest(preview.digest, format), null, 2),
    );
  }
}
