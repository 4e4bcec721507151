import { readFile } from 'node:fs/promises';
import { describeIssues } from '@uptake/sdk/protocol';
import { configSchema, type UptakeConfig } from './config-schema.js';
import { minTokenLength, type TokenHolder, tokenProblems } from './token-schema.js';

/** A config that cannot be used; each problem names the file and the field. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.join('; ')}`);
  }
}

/** Reads `env:NAME` from the environment; a missing variable is an error naming the field. */
export function resolveSecret(value: string | undefined, field: string, source: string, env: NodeJS.ProcessEnv): string | undefined {
  if (value === undefined || !value.startsWith('env:')) return value;
  const name = value.slice(4);
  const resolved = env[name];
  if (resolved === undefined || resolved === '') throw new ConfigError(source, [`${field}: environment variable ${name} is not set`]);
  return resolved;
}

/** Validates a config's structure without reading `env:` secrets (what `uptake config check` does). */
export function checkConfig(raw: unknown, source = 'config'): UptakeConfig {
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(source, describeIssues(result.error));
  return result.data;
}

/**
 * Reads the `env:` values of `tokens`, and checks what only the values can tell: each is long
 * enough, and none is another's or `adminToken`.
 */
function resolveTokens(config: UptakeConfig, adminToken: string, source: string, env: NodeJS.ProcessEnv): TokenHolder[] {
  const tokens = config.tokens.map((holder, i) => {
    const token = resolveSecret(holder.token, `tokens[${i}].token`, source, env) as string;
    if (token.length < minTokenLength)
      throw new ConfigError(source, [
        `tokens[${i}].token: ${holder.token} holds ${token.length} characters; expected at least ${minTokenLength} (make one with: uptake token create)`,
      ]);
    return { ...holder, token };
  });
  const problems = tokenProblems(tokens, { adminToken, writeKeys: config.tools.map((t) => t.writeKey) });
  if (problems.length)
    throw new ConfigError(
      source,
      problems.map(({ path: [, i, field], message }) => `tokens[${i}].${field}: ${message}`),
    );
  return tokens;
}

/** Validates a parsed config object and reads its `env:` secrets. */
export function parseConfig(raw: unknown, source = 'config', env: NodeJS.ProcessEnv = process.env): UptakeConfig {
  const config = checkConfig(raw, source);
  const adminToken = resolveSecret(config.adminToken, 'adminToken', source, env) as string;
  return {
    ...config,
    tools: config.tools.map((tool, i) =>
      tool.identitySecret === undefined
        ? tool
        : {
            ...tool,
            identitySecret: [tool.identitySecret]
              .flat()
              .map(
                (s, j) =>
                  resolveSecret(
                    s,
                    `tools[${i}].identitySecret${Array.isArray(tool.identitySecret) ? `[${j}]` : ''}`,
                    source,
                    env,
                  ) as string,
              ),
          },
    ),
    adminToken,
    tokens: resolveTokens(config, adminToken, source, env),
    pseudonymSecret: resolveSecret(config.pseudonymSecret, 'pseudonymSecret', source, env),
    ...(config.digests
      ? {
          digests: {
            ...config.digests,
            targets: config.digests.targets.map((t, i) => ({
              ...t,
              url: resolveSecret(t.url, `digests.targets[${i}].url`, source, env) as string,
            })),
          },
        }
      : {}),
  };
}

/** Reads a config file as JSON; the error names the file. */
export async function readConfigFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [`cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [`not valid JSON (${(error as Error).message})`]);
  }
}

/** Reads and validates `uptake.config.json`, secrets included. */
export async function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): Promise<UptakeConfig> {
  return parseConfig(await readConfigFile(file), file, env);
}
