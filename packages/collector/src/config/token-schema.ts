import { z } from 'zod';
import { roles } from './roles.js';

/**
 * Characters a `tokens` entry needs at least, given literally or through `env:` (`uptake token
 * create` makes 43). Longer than `adminToken`'s 16, which older configs keep: a token now names a
 * role, and guessing one is only slowed, not stopped, by the per-address failure limit.
 */
export const minTokenLength = 32;

/** The names the collector gives its own tokens in the audit log: `adminToken`'s, and a DuckDB sidecar's local token's. */
const ownNames = { adminToken: 'admin', localToken: 'local' } as const;
/** The names of the collector's own tokens, which no `tokens` entry may take. */
export const ownTokenNames: readonly string[] = Object.values(ownNames);

/** An entry of `tokens`: a named token with a role (SPEC "Roles"). */
export const tokenSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'expected 1–64 characters of A-Z a-z 0-9 _ . -')
    .refine(
      (name) => !ownTokenNames.includes(name),
      `"admin" and "local" are the names of adminToken and of the collector's local token; choose another`,
    )
    .describe('Who holds the token, as the audit log names them, e.g. "hr-analytics".'),
  role: z
    .enum(roles, { error: `expected one of ${roles.join(', ')}` })
    .describe(
      'viewer: metrics and the dashboard; analyst: also exact figures and exports; editor: viewer plus editing prompts and surveys; admin: everything.',
    ),
  token: z
    .string()
    .refine(
      (t) => (t.startsWith('env:') ? t.length > 4 : t.length >= minTokenLength),
      `expected at least ${minTokenLength} characters, or env:NAME (make one with: uptake token create --name N --role R)`,
    )
    .describe(`The bearer token (at least ${minTokenLength} characters), or env:NAME to read it from the environment.`),
});

/** A named token with its role, as the collector checks it. */
export type TokenHolder = z.output<typeof tokenSchema>;

/**
 * Names used twice, and a token used twice or equal to `adminToken` or a tool's (public) write key:
 * one token must name one holder, or the audit log could not say who read what.
 */
export function tokenProblems(
  tokens: readonly TokenHolder[],
  others: { adminToken: string; writeKeys: readonly string[] },
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const names = new Set<string>();
  const values = new Set<string>();
  tokens.forEach(({ name, token }, i) => {
    if (names.has(name)) problems.push({ path: ['tokens', i, 'name'], message: `"${name}" is used twice` });
    names.add(name);
    if (values.has(token) || token === others.adminToken)
      problems.push({
        path: ['tokens', i, 'token'],
        message: 'the same token as another entry or adminToken: each holder needs their own',
      });
    else if (others.writeKeys.includes(token))
      problems.push({ path: ['tokens', i, 'token'], message: "a tool's write key, which is public: make a new token" });
    values.add(token);
  });
  return problems;
}

/**
 * Every token a collector accepts: `adminToken` (named `admin`), the config's `tokens`, and the
 * local token a DuckDB sidecar hands to the CLI (named `local`); the collector's own two are admin.
 */
export function acceptedTokens(config: { adminToken: string; tokens: readonly TokenHolder[] }, localToken: string): TokenHolder[] {
  return [
    { name: ownNames.adminToken, role: 'admin', token: config.adminToken },
    ...config.tokens,
    { name: ownNames.localToken, role: 'admin', token: localToken },
  ];
}
