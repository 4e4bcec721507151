import { describe, expect, it } from 'vitest';
import { checkConfig, parseConfig } from '../../src/config/load-config.js';
import { minTokenLength } from '../../src/config/token-schema.js';

const minimal = {
  tools: [{ id: 'assistant', writeKey: 'wk_assistant_0123456789_0123456789', identity: 'unverified', origins: ['*'] }],
  adminToken: 'secret-token-0123456789',
};
const long = (c: string) => c.repeat(minTokenLength);

describe('config: tokens', () => {
  it('takes named tokens with a role, literal or from the environment; none by default', () => {
    expect(parseConfig(minimal).tokens).toEqual([]);
    const config = parseConfig(
      {
        ...minimal,
        tokens: [
          { name: 'hr-analytics', role: 'analyst', token: 'env:UPTAKE_HR_TOKEN' },
          { name: 'managers', role: 'viewer', token: long('v') },
        ],
      },
      'c',
      { UPTAKE_HR_TOKEN: long('h') },
    );
    expect(config.tokens).toEqual([
      { name: 'hr-analytics', role: 'analyst', token: long('h') },
      { name: 'managers', role: 'viewer', token: long('v') },
    ]);
  });

  it('names the field and what was expected: role, length (with the minimum), name', () => {
    const withToken = (token: object) => ({ ...minimal, tokens: [{ name: 'hr', role: 'viewer', token: long('a'), ...token }] });
    expect(() => parseConfig(withToken({ role: 'manager' }))).toThrow(
      'config: tokens[0].role: expected one of viewer, analyst, editor, admin',
    );
    expect(() => parseConfig(withToken({ token: 'short-token' }))).toThrow(
      `config: tokens[0].token: expected at least ${minTokenLength} characters, or env:NAME (make one with: uptake token create --name N --role R)`,
    );
    expect(() => parseConfig(withToken({ name: 'HR team' }))).toThrow(/tokens\[0\]\.name: expected 1–64 characters/);
    expect(() => parseConfig(withToken({ name: 'admin' }))).toThrow(/tokens\[0\]\.name: "admin" and "local" are the names of adminToken/);
    expect(() => parseConfig(withToken({ name: 'local' }))).toThrow(/tokens\[0\]\.name: "admin" and "local"/);
    expect(() => parseConfig(withToken({ extra: 1 }))).toThrow(/tokens\[0\]: Unrecognized key: "extra"/);
  });

  it('checks an env: token once read: set, and long enough', () => {
    const config = { ...minimal, tokens: [{ name: 'hr', role: 'viewer', token: 'env:UPTAKE_HR_TOKEN' }] };
    expect(() => parseConfig(config, 'c', {})).toThrow('c: tokens[0].token: environment variable UPTAKE_HR_TOKEN is not set');
    expect(() => parseConfig(config, 'c', { UPTAKE_HR_TOKEN: 'short' })).toThrow(
      `c: tokens[0].token: env:UPTAKE_HR_TOKEN holds 5 characters; expected at least ${minTokenLength} (make one with: uptake token create)`,
    );
    // `config check` does not read the environment: the structure alone is valid.
    expect(checkConfig(config).tokens).toHaveLength(1);
  });

  it('refuses a name used twice, a token used twice, adminToken again, or a write key', () => {
    const token = long('t');
    expect(() =>
      parseConfig({
        ...minimal,
        tokens: [
          { name: 'hr', role: 'viewer', token },
          { name: 'hr', role: 'analyst', token: long('u') },
        ],
      }),
    ).toThrow('config: tokens[1].name: "hr" is used twice');
    expect(() =>
      parseConfig({
        ...minimal,
        tokens: [
          { name: 'a', role: 'viewer', token },
          { name: 'b', role: 'analyst', token },
        ],
      }),
    ).toThrow('config: tokens[1].token: the same token as another entry or adminToken: each holder needs their own');
    const adminToken = long('x');
    expect(() => parseConfig({ ...minimal, adminToken, tokens: [{ name: 'a', role: 'viewer', token: adminToken }] })).toThrow(
      /tokens\[0\]\.token: the same token as another entry or adminToken/,
    );
    expect(() => parseConfig({ ...minimal, tokens: [{ name: 'a', role: 'viewer', token: minimal.tools[0]?.writeKey }] })).toThrow(
      "config: tokens[0].token: a tool's write key, which is public: make a new token",
    );
    // Two variables holding one value are found once read.
    const twice = {
      ...minimal,
      tokens: [
        { name: 'a', role: 'viewer', token: 'env:A' },
        { name: 'b', role: 'viewer', token: 'env:B' },
      ],
    };
    expect(() => parseConfig(twice, 'c', { A: token, B: token })).toThrow(
      'c: tokens[1].token: the same token as another entry or adminToken: each holder needs their own',
    );
  });
});
