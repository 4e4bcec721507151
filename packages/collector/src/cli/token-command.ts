import { randomBytes } from 'node:crypto';
import { describeIssues } from '@uptake/sdk/protocol';
import { tokenSchema } from '../config/token-schema.js';
import { UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';

export const tokenUsage = `uptake token create --name N --role viewer|analyst|editor|admin

  Prints a new random token (32 random bytes, base64url) for the holder N, and the entry to add
  to "tokens" in uptake.config.json. Keep the token in an environment variable and write
  "env:NAME" in the config; restart the collector to accept it. To revoke a token, delete its
  entry and restart; to rotate one, create a new token, replace the value, and restart.`;

/** Random bytes in a new token: 256 bits, 43 characters of base64url. */
const tokenBytes = 32;

/** The environment variable `uptake token create` suggests for a token's holder: `UPTAKE_TOKEN_HR_ANALYTICS`. */
export const tokenVariable = (name: string): string => `UPTAKE_TOKEN_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

/** A new random token. */
export const newToken = (): string => randomBytes(tokenBytes).toString('base64url');

/** `uptake token create`: a new token and its config entry; nothing is written. */
export async function tokenCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' } },
  });
  if (positionals[0] !== 'create' || positionals.length > 1)
    throw new UsageError(
      positionals[0] === undefined ? 'expected create' : `unknown subcommand "${positionals[0]}": expected create`,
      true,
    );
  const token = newToken();
  const entry = tokenSchema.safeParse({ name: values.name ?? '', role: values.role ?? '', token });
  if (!entry.success) {
    throw new UsageError(
      describeIssues(entry.error)
        .map((problem) => `--${problem}`)
        .join('; '),
    );
  }
  const { name, role } = entry.data;
  const variable = tokenVariable(name);
  const line = (value: string) => `{ "name": ${JSON.stringify(name)}, "role": "${role}", "token": ${JSON.stringify(value)} }`;
  console.log(`${token}

Add to "tokens" in uptake.config.json, keeping the token itself in the environment:
  ${line(`env:${variable}`)}
and where the collector runs:
  ${variable}=${token}
(or, to write the token in the config itself: ${line(token)})
Restart the collector to accept it. It is shown once: Uptake keeps no copy.`);
}
