import type { UptakeConfig } from '../config/config-schema.js';
import { checkConfig, readConfigFile, resolveSecret } from '../config/load-config.js';

/**
 * The config as far as a command on the store needs it: how ids are pseudonymized. Only
 * `pseudonymSecret` is read from the environment, so an `env:` admin token need not be set to run
 * an import, an erasure or a person's export.
 */
export async function pseudonymConfig(file: string): Promise<UptakeConfig> {
  const config = checkConfig(await readConfigFile(file), file);
  return { ...config, pseudonymSecret: resolveSecret(config.pseudonymSecret, 'pseudonymSecret', file, process.env) };
}
