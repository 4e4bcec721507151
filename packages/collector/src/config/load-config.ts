import { readFile } from 'node:fs/promises';
import { formatIssues } from '@uptake/sdk/protocol';
import { configSchema, type UptakeConfig } from './config-schema.js';

/** A config that cannot be used; the message names the file and the field. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads `env:NAME` from the environment; a missing variable is an error naming the field. */
function resolveSecret(value: string | undefined, field: string, source: string, env: NodeJS.ProcessEnv): string | undefined {
  if (value === undefined || !value.startsWith('env:')) return value;
  const name = value.slice(4);
  const resolved = env[name];
  if (resolved === undefined || resolved === '') throw new ConfigError(`${source}: ${field}: environment variable ${name} is not set`);
  return resolved;
}

/** Validates a parsed config object. */
export function parseConfig(raw: unknown, source = 'config', env: NodeJS.ProcessEnv = process.env): UptakeConfig {
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(`${source}: ${formatIssues(result.error)}`);
  const resolved: UptakeConfig = {
    ...result.data,
    adminToken: resolveSecret(result.data.adminToken, 'adminToken', source, env) as string,
    pseudonymSecret: resolveSecret(result.data.pseudonymSecret, 'pseudonymSecret', source, env),
  };
  const keys = new Set<string>();
  for (const [i, tool] of resolved.tools.entries()) {
    if (keys.has(tool.writeKey)) throw new ConfigError(`${source}: tools[${i}].writeKey: used by another tool`);
    keys.add(tool.writeKey);
  }
  return resolved;
}

/** Reads and validates `uptake.config.json`. */
export async function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): Promise<UptakeConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseConfig(raw, file, env);
}
