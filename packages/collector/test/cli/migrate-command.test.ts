import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUptake, spawnServe, uptakeBin } from '../helpers/spawn-collector.js';
import { postgresTarget, type StoreTarget } from '../helpers/store-targets.js';
import { exportRow } from '../helpers/export-rows.js';
import { useWorkDir } from '../helpers/use-temp-dir.js';

// The built CLI (`npm test` builds first), spawned as an operator runs it.
const dir = useWorkDir('uptake-cli-move-');
const uptake = (...args: string[]) => runUptake(dir, args);
const report = async (...store: string[]) => {
  const result = await uptake('report', '--json', ...store);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout) as Record<string, unknown>;
};

const targets: StoreTarget[] = [];
async function database(): Promise<string> {
  const target = await postgresTarget();
  targets.push(target);
  return target.location.databaseUrl as string;
}

/** The settings rows of a PostgreSQL store whose key starts with `prefix`. */
async function settings(url: string, prefix: string): Promise<{ key: string; value: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT key, value FROM settings WHERE key LIKE $1', [`${prefix}%`])).rows;
  } catch {
    return []; // the move has not created the schema yet
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const demo = await uptake('demo', '--employees', '250', '--db', 'a.duckdb');
  expect(demo.code).toBe(0);
}, 120_000);

afterAll(async () => {
  for (const target of targets) await target.dispose();
});

describe('uptake migrate', () => {
  it('moves a demo store to PostgreSQL and back, with the same report on every side', async () => {
    const url = await database();
    const there = await uptake('migrate', '--from', 'a.duckdb', '--to', url);
    expect(there.stderr).toBe(''); // no progress bar without a terminal
    expect(there.code).toBe(0);
    const [counts, secret] = there.stdout.split('\n');
    expect(counts).toMatch(
      new RegExp(
        `^${join(dir, 'a.duckdb')} → postgres://uptake@127\\.0\\.0\\.1:5432/uptake_test\\?.*: (\\d+) events, \\1 new, 0 already there \\(\\d+\\.\\d s\\)$`,
      ),
    );
    expect(secret).toBe('pseudonym secret: carried');
    expect(there.stdout).not.toContain('uptake:uptake@'); // never the password

    const back = await uptake('migrate', '--from', url, '--to', 'b.duckdb');
    expect(back.code).toBe(0);
    const original = await report('--db', 'a.duckdb');
    expect((original['adoption'] as { trained: number }).trained).toBeGreaterThan(100);
    expect(await report('--database-url', url)).toEqual(original);
    expect(await report('--db', 'b.duckdb')).toEqual(original);

    const again = await uptake('migrate', '--from', 'a.duckdb', '--to', url);
    expect(again.stdout).toMatch(/: (\d+) events, 0 new, \1 already there/);
    expect(again.stdout).toContain('pseudonym secret: the same on both');
  }, 120_000);

  it('resumes after being killed', async () => {
    const url = await database();
    const child = spawn(process.execPath, [uptakeBin, 'migrate', '--from', 'a.duckdb', '--to', url, '--page-size', '100'], { cwd: dir });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let progress: { read: number } | undefined;
    while (!progress || progress.read < 1000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const [row] = await settings(url, 'move:');
      progress = row && JSON.parse(row.value);
    }
    child.kill('SIGKILL');
    await exited;
    const [left] = await settings(url, 'move:');
    const after = JSON.parse(left?.value ?? '{}').read as number;
    expect(after).toBeGreaterThanOrEqual(1000);

    const resumed = await uptake('migrate', '--from', 'a.duckdb', '--to', url);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`(resumed after ${after})`);
    expect(await settings(url, 'move:')).toEqual([]);
    expect(await report('--database-url', url)).toEqual(await report('--db', 'a.duckdb'));
  }, 120_000);

  it('says what is wrong in one line, and refuses a DuckDB file a collector holds', async () => {
    expect(await uptake('migrate', '--from', 'a.duckdb')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^uptake migrate: expected --from and --to\n/),
    });
    expect((await uptake('migrate', '--from', 'missing.duckdb', '--to', 'c.duckdb')).stderr).toBe(
      'uptake migrate: --from: no such DuckDB file: missing.duckdb\n',
    );
    expect((await uptake('migrate', '--from', 'a.duckdb', '--to', './a.duckdb')).stderr).toBe(
      'uptake migrate: --to: names the same store as --from\n',
    );
    const server = await spawnServe(['--db', 'b.duckdb'], dir);
    try {
      expect((await uptake('migrate', '--from', 'b.duckdb', '--to', 'c.duckdb')).stderr).toBe(
        'uptake migrate: --from: b.duckdb is in use by another process (a running collector?): stop it first\n',
      );
    } finally {
      await server.stop();
    }
  }, 60_000);
});

describe('uptake import events', () => {
  it('stores an export as it is (same report), once, from NDJSON and from Parquet', async () => {
    const original = await report('--db', 'a.duckdb');
    for (const format of ['ndjson', 'parquet']) {
      expect((await uptake('export', '--db', 'a.duckdb', '--out', `a.${format}`)).code).toBe(0);
      const first = await uptake('import', 'events', `a.${format}`, '--db', `from-${format}.duckdb`);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toMatch(new RegExp(`^a\\.${format}: (\\d+) events read: \\1 new, 0 already there \\(\\d+\\.\\d s\\)\\n$`));
      const second = await uptake('import', 'events', `a.${format}`, '--db', `from-${format}.duckdb`);
      expect(second.stdout).toMatch(/: (\d+) events read: 0 new, \1 already there/);
      expect(await report('--db', `from-${format}.duckdb`)).toEqual(original);
    }
  }, 120_000);

  it('imports nothing from a file with a bad row, and names its line and field', async () => {
    const good = exportRow;
    await writeFile(
      join(dir, 'bad.ndjson'),
      `${JSON.stringify(good)}\n${JSON.stringify({ ...good, id: 'imp-00000002', receivedAt: 'yesterday' })}\n`,
    );
    const bad = await uptake('import', 'events', 'bad.ndjson', '--db', 'bad.duckdb');
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toBe(
      'uptake import: nothing imported: bad.ndjson:2: receivedAt: expected an ISO-8601 instant such as 2026-11-22T10:00:01.004Z\n',
    );
    expect((await uptake('import', 'events', 'a.csv')).stderr).toBe(
      'uptake import: nothing imported: a.csv: expected an export ending in .ndjson or .parquet (a CSV export carries props as text: export NDJSON or Parquet)\n',
    );
  });
});
