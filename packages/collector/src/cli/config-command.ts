import { z } from 'zod';
import { checkConfig, readConfigFile } from '../config/load-config.js';
import { unverifiedToolWarnings } from '../config/tool-identity.js';
import { configReference } from '../config/config-reference.js';
import { configSchema } from '../config/config-schema.js';
import { unreachableItems } from '../prompts/unreachable-items.js';
import { UsageError } from './cli-error.js';

export const configUsage = `uptake config check FILE    validate a config file; every problem names its field
uptake config schema        print the config's JSON Schema (for editor autocomplete: "$schema")
uptake config reference     print the reference of every config key (docs/config-reference.md)`;

/** The JSON Schema of `uptake.config.json`, generated from the zod schema that validates it. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://uptake.dev/schema/uptake.config.json',
    title: 'Uptake collector config (uptake.config.json)',
  };
}

/** `uptake config check|schema`. */
export async function configCommand(args: string[]): Promise<void> {
  const [sub, file, ...rest] = args;
  if (sub === 'schema') {
    console.log(JSON.stringify(configJsonSchema(), null, 2));
    return;
  }
  if (sub === 'reference') {
    process.stdout.write(configReference(configJsonSchema()));
    return;
  }
  if (sub !== 'check')
    throw new UsageError(
      sub === undefined ? 'expected check, schema or reference' : `unknown subcommand "${sub}": expected check, schema or reference`,
      true,
    );
  if (!file) throw new UsageError('expected the file to check', true);
  if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`, true);
  const config = checkConfig(await readConfigFile(file), file);
  const secrets = [
    config.adminToken,
    ...config.tokens.map((t) => t.token),
    config.pseudonymSecret,
    ...config.tools.flatMap((t) => [t.identitySecret ?? []].flat()),
  ].filter((v) => v?.startsWith('env:'));
  console.log(
    `${file}: ok — ${config.tools.length} tool(s), ${config.prompts.length} prompt(s), ${config.surveys.length} survey(s), minGroupSize ${config.minGroupSize}` +
      (secrets.length ? `\n  secrets read from the environment when serving: ${secrets.map((s) => s?.slice(4)).join(', ')}` : ''),
  );
  for (const warning of unverifiedToolWarnings(config)) console.warn(`warning: ${warning}`);
  for (const warning of unreachableItems(config)) console.warn(`warning: ${warning}`);
}
