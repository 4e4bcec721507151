import { describe, expect, it } from 'vitest';
import { runUptake, spawnServe } from '../helpers/spawn-collector.js';
import { postgresTarget } from '../helpers/store-targets.js';
import { event, postBatch } from '../helpers/temp-collector.js';
import { cliConfig, useWorkDir } from '../helpers/use-temp-dir.js';

const analyst = `hr-${'a'.repeat(40)}`;
const dir = useWorkDir('uptake-cli-audit-', { ...cliConfig, tokens: [{ name: 'hr-analytics', role: 'analyst', token: analyst }] });
const uptake = (...args: string[]) => runUptake(dir, args);

/** Reads and exports as a token holder would, and the answers' statuses. */
async function useTokens(url: string): Promise<number[]> {
  expect(
    (await postBatch(url, { writeKey: 'wk_assistant', events: [event({ userId: 'emp-7' }), event({ userId: 'emp-7' })] })).status,
  ).toBe(200);
  const statuses: number[] = [];
  for (const [path, token] of [
    ['/v1/export?format=ndjson&user=emp-7', analyst],
    ['/v1/audit', analyst],
  ]) {
    const res = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    statuses.push(res.status);
  }
  return statuses;
}

describe('uptake audit', () => {
  it('prints the audit log through a running collector on the DuckDB file, and directly once it stopped', async () => {
    const server = await spawnServe(['--db', './data/uptake.duckdb'], dir);
    try {
      expect(await useTokens(server.url)).toEqual([200, 403]);
      const live = await uptake('audit');
      expect(live).toMatchObject({ code: 0, stderr: '' });
      const lines = live.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^time +token +role +status +rows +request$/);
      expect(lines.slice(1).map((l) => l.replace(/^\S+ +/, '').replace(/ +/g, ' '))).toEqual([
        'hr-analytics analyst 200 2 GET /v1/export?format=ndjson&user=<person>',
        'hr-analytics analyst 403 0 GET /v1/audit',
      ]);
      expect(live.stdout).not.toContain('emp-7');
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    // The CLI's own read through the collector is in the log, under the local token.
    const all = JSON.parse((await uptake('audit', '--json')).stdout) as { token: string; endpoint: string; at: string }[];
    expect(all.map((e) => `${e.token} ${e.endpoint}`)).toEqual([
      'hr-analytics /v1/export?format=ndjson&user=<person>',
      'hr-analytics /v1/audit',
      'local /v1/audit',
    ]);
    expect(new Date(all[0]?.at as string).getTime()).toBeLessThanOrEqual(Date.now());
    expect((await uptake('audit', '--token', 'local')).stdout).toMatch(/local +admin +200 +2 +GET \/v1\/audit\n$/);
    expect((await uptake('audit', '--since', '2999-01-01')).stdout).toBe('no audit lines\n');
    expect(await uptake('audit', '--since', 'yesterday')).toMatchObject({
      code: 2,
      stderr: 'uptake audit: --since: expected a day YYYY-MM-DD or an ISO-8601 instant, got "yesterday"\n',
    });
  });

  it('reads PostgreSQL directly', async () => {
    const target = await postgresTarget();
    const url = target.location.databaseUrl as string;
    const server = await spawnServe(['--database-url', url], dir);
    try {
      expect(await useTokens(server.url)).toEqual([200, 403]);
      await expect
        .poll(async () => JSON.parse((await uptake('audit', '--json', '--token', 'hr-analytics', '--database-url', url)).stdout).length)
        .toBe(2);
      expect((await uptake('audit', '--limit', '1', '--database-url', url)).stdout).toMatch(/403 +0 +GET \/v1\/audit\n$/);
    } finally {
      await server.stop('SIGTERM');
      await target.dispose();
    }
  });
});
