import { loadConfig } from '../config/load-config.js';
import { addKit, type KitAdded, kitItems } from '../kit/add-kit.js';
import { type KitAudience, kitAudiences, starterKit } from '../kit/starter-kit.js';
import { ItemVersions } from '../studio/item-versions.js';
import { LiveItems } from '../studio/live-items.js';
import { Studio } from '../studio/studio.js';
import type { ItemKind } from '../studio/studio-item.js';
import { UsageError } from './cli-error.js';
import { didYouMean } from './did-you-mean.js';
import { parseFlags } from './parse-flags.js';
import { withStoreOrCollector } from './store-access.js';
import { storeCommandConfig } from './store-command-config.js';
import { configOption, storeLocation, storeOptions } from './store-options.js';

export const kitUsage = `uptake kit list
uptake kit show AUDIENCE [--role VALUE]
uptake kit add AUDIENCE [--role VALUE] [--by NAME] [--config FILE] [--db FILE | --database-url URL]

  Starter kits: prompts for one audience (${kitAudiences.join(', ')}), each with a goal event
  so its uplift is measured, and the surveys all audiences share (the 90-day behaviour check and a
  confidence pulse). \`show\` prints them as config JSON, for a config file kept in git; \`add\` saves
  them as studio drafts (never live: review and publish them in the studio), skipping ids that exist.
  --role: the value of the people's \`role\` trait, when yours is not the audience's name.
  While a collector runs on the DuckDB file, adds through it.`;

function audienceOf(value: string | undefined): KitAudience {
  if (value === undefined) throw new UsageError(`expected an audience: ${kitAudiences.join(', ')}`, true);
  if ((kitAudiences as readonly string[]).includes(value)) return value as KitAudience;
  const near = didYouMean(value, kitAudiences);
  throw new UsageError(`no starter kit for "${value}"${near ? ` (did you mean ${near}?)` : ''}; kits: ${kitAudiences.join(', ')}`);
}

/** `uptake kit list | show | add`. */
export async function kitCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({
    args,
    options: { role: { type: 'string' }, by: { type: 'string', default: 'uptake kit' }, ...configOption, ...storeOptions },
    allowPositionals: true,
  });
  const [action, name, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected ${extra.map((e) => `"${e}"`).join(' ')}`, true);
  if (action === 'list') {
    for (const audience of kitAudiences) {
      const kit = starterKit(audience);
      console.log(`${audience.padEnd(13)} ${kit.prompts.length} prompts: ${kit.applies}`);
    }
    console.log(
      `every kit adds the surveys ${starterKit('executive')
        .surveys.map((s) => s.id)
        .join(', ')}`,
    );
    return;
  }
  if (action === 'show') {
    const audience = audienceOf(name);
    const items = kitItems(audience, values.role);
    const pick = (kind: ItemKind) => items.filter((i) => i.kind === kind).map((i) => i.body);
    console.log(JSON.stringify({ prompts: pick('prompt'), surveys: pick('survey') }, null, 2));
    return;
  }
  if (action !== 'add') {
    const near = action === undefined ? undefined : didYouMean(action, ['list', 'show', 'add']);
    throw new UsageError(
      action === undefined ? 'expected list, show or add' : `unknown action "${action}"${near ? ` (did you mean ${near}?)` : ''}`,
      true,
    );
  }
  const audience = audienceOf(name);
  const { added, skipped } = await withStoreOrCollector(
    storeLocation(values),
    async (store) => {
      const { config } = await storeCommandConfig(values.config, loadConfig);
      const versions = new ItemVersions(store);
      const studio = new Studio(
        { toolIds: config.tools.map((t) => t.id), prompts: config.prompts, surveys: config.surveys },
        versions,
        new LiveItems(versions),
        { previewSecret: '' },
      );
      return addKit(studio, audience, values.by, values.role);
    },
    (collector) => collector.postJson<KitAdded>(`/v1/admin/kits/${audience}`, values.role === undefined ? {} : { role: values.role }),
  );
  console.log(`starter kit "${audience}": ${added.length} added as drafts${added.length ? ` (${added.join(', ')})` : ''}`);
  if (skipped.length) console.log(`already there, left as they are: ${skipped.join(', ')}`);
  if (added.length) console.log('review and publish them in the studio (dashboard → Studio); nothing is shown until published');
}
