import type { UptakeConfig } from '../config/config-schema.js';
import { checkConfig, readConfigFile, resolveSecret } from '../config/load-config.js';
import { storeCommandConfig } from './store-command-config.js';

/**
 * The config as far as a command on the store needs it: its settings and how ids are pseudonymized.
 * Only `pseudonymSecret` is read from the environment, so an `env:` admin token need not be set to
 * run an import, an erasure or a person's export; without `--config` and without
 * `./uptake.config.json`, the defaults (ids keyed by the store's own pseudonym key).
 */
export async function pseudonymConfig(flag: string | undefined): Promise<UptakeConfig> {
  const read = async (file: string) => {
    const config = checkConfig(await readConfigFile(file), file);
    return { ...config, pseudonymSecret: resolveSecret(config.pseudonymSecret, 'pseudonymSecret', file, process.env) };
  };
  return (await storeCommandConfig(flag, read)).config;
}
