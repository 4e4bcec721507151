import { existsSync } from 'node:fs';
import { type UptakeConfig, configSchema } from '../config/config-schema.js';
import { defaultConfigFile } from './store-options.js';

/**
 * Every setting at its default, with no tools and no prompts or surveys. The schema asks for a tool
 * and an admin token, which a command on the store never uses: a placeholder satisfies it and is
 * taken out again.
 */
function defaultSettings(): UptakeConfig {
  const parsed = configSchema.parse({
    tools: [{ id: 'placeholder', writeKey: 'placeholder', identity: 'unverified' }],
    adminToken: 'placeholder-admin-token',
  });
  return { ...parsed, tools: [], adminToken: '' };
}

/**
 * The config a command on the store (report, export, forget, import, demo) reads: the file `--config`
 * names; without `--config`, `./uptake.config.json` when there is one, else every setting at its
 * default (`fromFile: false`), since what these commands need of a config are its settings.
 */
export async function storeCommandConfig(
  flag: string | undefined,
  read: (file: string) => Promise<UptakeConfig>,
): Promise<{ config: UptakeConfig; fromFile: boolean }> {
  if (flag === undefined && !existsSync(defaultConfigFile)) return { config: defaultSettings(), fromFile: false };
  return { config: await read(flag ?? defaultConfigFile), fromFile: true };
}
