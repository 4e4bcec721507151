import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runUptake, spawnServe } from '../helpers/spawn-collector.js';
import { cliConfig, useTempDir } from '../helpers/use-temp-dir.js';

const dir = useTempDir('uptake-cli-token-');
const uptake = (...args: string[]) => runUptake(dir, args);

describe('uptake token create', () => {
  it('prints a new random token and the config entry that makes the collector accept it', async () => {
    const made = await uptake('token', 'create', '--name', 'hr-analytics', '--role', 'analyst');
    expect(made).toMatchObject({ code: 0, stderr: '' });
    const [token, ...rest] = made.stdout.split('\n');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const entry = rest.find((l) => l.includes('env:'))?.trim() as string;
    expect(entry).toBe('{ "name": "hr-analytics", "role": "analyst", "token": "env:UPTAKE_TOKEN_HR_ANALYTICS" }');
    expect(made.stdout).toContain(`UPTAKE_TOKEN_HR_ANALYTICS=${token}`);
    expect((await uptake('token', 'create', '--name', 'hr-analytics', '--role', 'analyst')).stdout.split('\n')[0]).not.toBe(token);

    await writeFile(join(dir, 'uptake.config.json'), JSON.stringify({ ...cliConfig, tokens: [JSON.parse(entry)] }));
    const server = await spawnServe(['--db', './data/uptake.duckdb'], dir, { UPTAKE_TOKEN_HR_ANALYTICS: token as string });
    try {
      const res = await fetch(`${server.url}/v1/whoami`, { headers: { Authorization: `Bearer ${token}` } });
      expect(await res.json()).toEqual({ name: 'hr-analytics', role: 'analyst', capabilities: ['readMetrics', 'readExact', 'export'] });
    } finally {
      await server.stop();
    }
  });

  it('refuses an unknown role or a bad name, saying what is expected', async () => {
    expect(await uptake('token', 'create', '--name', 'hr', '--role', 'manager')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'uptake token: --role: expected one of viewer, analyst, editor, admin\n',
    });
    expect((await uptake('token', 'create', '--name', 'admin', '--role', 'viewer')).stderr).toMatch(
      /--name: "admin" and "local" are the names/,
    );
    expect((await uptake('token', 'create', '--role', 'viewer')).stderr).toMatch(/--name: expected 1–64 characters/);
    expect(await uptake('token', 'revoke')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /^uptake token: unknown subcommand "revoke": expected create\n\nusage: uptake token create --name N --role/,
      ),
    });
  });
});
