import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnippets, repoRoot } from '../helpers/doc-snippets.js';
import { waitFor } from '../helpers/wait-for.js';

// README.md's quick start, followed from the outside (issue 20, item 5): a clone of this commit,
// `npm install` from the npm cache (no network here), then `npm start` as the README says, and what
// the README promises of it: the collector answers, the dashboard and the example tool serve, and
// `npx uptake report` in another terminal tells the demo's story. One install: it is the slow part.

const run = promisify(execFile);
const minutes = 60_000;
let clone: string;
let start: ChildProcess | undefined;
let printed = '';
let exited: Promise<number | null>;

/** A port free now (the README's 8787 and 8788 may be taken by another test or a developer's `npm start`). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The README's quick-start block: its commands, without the comments after them. */
function quickStart(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start'));
  const line = readme.slice(0, readme.length - section.length).split('\n').length;
  const block = readSnippets('README.md').find((s) => s.line > line && s.lang === 'sh');
  if (!block) throw new Error('README.md: no ```sh block under "Quick start"');
  return block.text
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

beforeAll(async () => {
  clone = await mkdtemp(join(tmpdir(), 'uptake-quick-start-'));
  await run('git', ['clone', '--quiet', repoRoot, clone]);
}, 2 * minutes);

afterAll(async () => {
  if (start?.exitCode === null) {
    start.kill('SIGTERM');
    await exited;
  }
  if (clone) await rm(clone, { recursive: true, force: true });
});

describe("README.md's quick start, on a fresh clone", () => {
  it('says what this test runs: install and start, then the tests', () => {
    expect(quickStart()).toEqual(['npm install && npm start', 'npm test']);
  });

  it(
    '`npm install` works from the npm cache alone (the install step, offline)',
    async () => {
      const started = Date.now();
      const { stderr } = await run('npm', ['install', '--offline', '--no-audit', '--no-fund'], {
        cwd: clone,
        timeout: 15 * minutes,
        maxBuffer: 64 * 1024 * 1024,
      });
      console.log(`figure: quick start: npm install --offline ${((Date.now() - started) / 1000).toFixed(0)} s on a fresh clone`);
      expect(stderr).not.toMatch(/npm (ERR|error)/);
    },
    15 * minutes,
  );

  it(
    '`npm start` prints its URLs; the collector answers, the dashboard and the example tool serve, `npx uptake report` tells the story',
    async () => {
      const [port, toolPort] = [await freePort(), await freePort()];
      const started = Date.now();
      start = spawn('npm', ['start'], {
        cwd: clone,
        env: { ...process.env, PORT: String(port), TOOL_PORT: String(toolPort) },
        detached: true,
      });
      exited = new Promise((resolve) => start?.once('exit', resolve));
      start.stdout?.on('data', (chunk) => (printed += chunk));
      start.stderr?.on('data', (chunk) => (printed += chunk));
      await waitFor(async () => printed.includes('Press Ctrl+C to stop.') || start?.exitCode !== null, 8 * minutes);
      expect(printed).toContain('Uptake is running.');
      console.log(`figure: quick start: npm start ready in ${((Date.now() - started) / 1000).toFixed(0)} s (build and demo included)`);

      const collector = /Collector\s+(http:\/\/\S+)/.exec(printed)?.[1];
      const tool = /Example AI tool\s+(http:\/\/\S+?)\/?\s/.exec(printed)?.[1];
      const dashboard = /Dashboard\s+(http:\/\/\S+)/.exec(printed)?.[1];
      expect(collector).toBe(`http://127.0.0.1:${port}`);
      expect(tool).toBe(`http://127.0.0.1:${toolPort}`);
      expect(dashboard).toBe(`${collector}/dashboard/`);

      const health = await fetch(`${collector}/healthz`);
      expect(health.status).toBe(200);
      const board = await fetch(dashboard as string);
      expect(board.status).toBe(200);
      expect(await board.text()).toMatch(/<html[\s\S]*dashboard/i);
      const page = await fetch(`${tool}/`);
      expect(page.status).toBe(200);
      // The example tool loads the SDK from the collector, as the tool-team guide's script tag does.
      expect(await page.text()).toContain(`${collector}/uptake.js`);

      // "so `npx uptake report` (in another terminal) tells the story at once": the demo organisation's.
      const { stdout } = await run('npx', ['--offline', 'uptake', 'report'], { cwd: clone, timeout: 2 * minutes });
      expect(stdout).toMatch(/Stored: [\d,]+ events from [\d,]+ people/);
      expect(stdout).toMatch(/critique-tip/);
    },
    10 * minutes,
  );

  it('Ctrl+C stops it cleanly', async () => {
    process.kill(-(start?.pid as number), 'SIGINT');
    await exited;
    expect(printed).not.toMatch(/Error|FastifyDeprecation/);
  });
});
