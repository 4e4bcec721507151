import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, postBatch } from './helpers/temp-collector.js';

// These tests run the built CLI (`npm test` builds first), as a user runs `npx uptake`.
const bin = fileURLToPath(new URL('../bin/uptake.js', import.meta.url));
const run = promisify(execFile);
let dir: string;
let configFile: string;

async function uptake(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Starts `uptake serve` and resolves with its URL once it listens. */
function serve(...args: string[]): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { cwd: dir, env: { ...process.env, UPTAKE_LOG_LEVEL: 'warn' } });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        resolve({
          url: match[1] as string,
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`uptake serve exited with ${code}: ${out}`)));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uptake-cli-'));
  configFile = join(dir, 'uptake.config.json');
  await writeFile(configFile, JSON.stringify({ tools: [{ id: 'assistant', writeKey: 'wk_assistant', origins: ['*'] }], adminToken: 'cli-admin-token-0123456789' }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('uptake CLI', () => {
  it('serve stores events; report reads them through the running collector, then from the file after SIGTERM', async () => {
    const server = await serve('--port', '0', '--db', './data/uptake.duckdb');
    const res = await postBatch(server.url, {
      writeKey: 'wk_assistant',
      events: [event({ id: 'cli-00001', name: 'ai.request' }), event({ id: 'cli-00002' }), event({ id: 'cli-00003', userId: 'u-2' })],
    });
    expect(res.body['accepted']).toBe(3);

    const live = await uptake('report', '--json');
    expect(live.code).toBe(0);
    expect(JSON.parse(live.stdout)).toMatchObject({ events: 3, users: 2 });

    expect(await server.stop()).toBe(0);
    const offline = await uptake('report');
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(/^events: 3\nusers:  2\n/);
    expect(offline.stdout).toMatch(/ai\.output_accepted\s+2/);
  });

  it('serve with a broken config exits non-zero and names the field', async () => {
    const bad = join(dir, 'bad.config.json');
    await writeFile(bad, JSON.stringify({ tools: [{ id: 'a', writeKey: 'k' }], adminToken: 'x'.repeat(16), minGroupSize: 2 }));
    const result = await uptake('serve', '--config', bad, '--port', '0');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}: minGroupSize: must be at least 5`);
  });

  it('an unknown command or flag exits non-zero with usage', async () => {
    const unknown = await uptake('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const flag = await uptake('report', '--nope');
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain("Unknown option '--nope'");
  });
});
