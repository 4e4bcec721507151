import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userHash } from '../../src/identity/user-hash.js';
import { runUptake, type ServeProcess, spawnServe, uptakeBin } from '../helpers/spawn-collector.js';
import { postBatch } from '../helpers/temp-collector.js';
import { useWorkDir } from '../helpers/use-temp-dir.js';

// `uptake tail` as a tool team runs it (the built CLI, child processes, real HTTP on 127.0.0.1)
// against `uptake serve`, and the snippet of docs/tool-teams.md "Verify your instrumentation".

const secret = 'tail-identity-secret-for-tests';
const viewerToken = `viewer-tail-token-${'0123456789'.repeat(2)}`;
const adminToken = 'tail-admin-token-0123456789';
const dir = useWorkDir('uptake-tail-', {
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identitySecret: secret, origins: ['*'] }],
  adminToken,
  tokens: [{ name: 'managers', role: 'viewer', token: viewerToken }],
  pseudonymSecret: 'tail-pseudonym-secret-for-tests',
});

let server: ServeProcess;
beforeAll(async () => {
  server = await spawnServe(['--db', './data/uptake.duckdb'], dir);
}, 60_000);
afterAll(async () => {
  await server?.stop('SIGTERM');
});

/** A running `uptake tail`: what it printed, and how it ended. */
interface Tail {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

function spawnTail(args: string[], env: NodeJS.ProcessEnv = {}): Tail {
  const child = spawn(process.execPath, [uptakeBin, 'tail', ...args], { cwd: dir, env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => (out += chunk));
  child.stderr?.on('data', (chunk) => (err += chunk));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

const poll = <T>(fn: () => T) => expect.poll(fn, { timeout: 20_000, interval: 50 });
const now = () => new Date().toISOString();
let counter = 0;
const ev = (name: string, userId: string | undefined, props: Record<string, unknown>, ts = now()) => ({
  id: `tail-${Date.now().toString(36)}-${(counter++).toString(36)}`,
  name,
  ts,
  ...(userId === undefined ? { anonymousId: 'a-77' } : { userId }),
  tool: 'assistant',
  props,
});
const send = (userId: string | undefined, event: Record<string, unknown>, writeKey = 'wk_assistant') =>
  postBatch(server.url, { writeKey, ...(userId ? { identities: { [userId]: userHash(secret, userId) } } : {}), events: [event] });

/** Lines with their times and aliases made comparable: aliases are numbered in order of appearance. */
function comparable(text: string, url: string): string[] {
  const aliases = new Map<string, string>();
  return text
    .trim()
    .split('\n')
    .map((line) =>
      line
        .replace(url, 'URL')
        .replace(/^\d\d:\d\d:\d\d/, 'HH:MM:SS')
        .replace(/\b(person|anon) ([0-9a-f]{6})\b/, (_, kind: string, alias: string) => {
          if (!aliases.has(alias)) aliases.set(alias, `#${aliases.size + 1}`);
          return `${kind} ${aliases.get(alias)}`;
        }),
    );
}

describe('uptake tail', () => {
  it("prints what docs/tool-teams.md says it prints, for the guide's own command; SIGTERM ends it with 0", async () => {
    const guide = await readFile(new URL('../../../../docs/tool-teams.md', import.meta.url), 'utf8');
    const section = guide.slice(guide.indexOf('## 4. Verify your instrumentation'));
    const command = /^```sh\n(.*)\n```$/m.exec(section)?.[1] as string;
    const shown = /^```text\n([\s\S]*?)\n```$/m.exec(section)?.[1] as string;
    expect(command).toBe('npx uptake tail --tool assistant');

    const tail = spawnTail(command.split(' ').slice(3));
    await poll(tail.stderr).toContain('tailing what');
    await send('u-4821', ev('identify', 'u-4821', { role: 'professional', team: 'finance' }));
    await send('u-4821', ev('ai.request', 'u-4821', { feature: 'summarize' }));
    await send('u-4821', ev('ai.output_shown', 'u-4821', { feature: 'summarize', outputId: 'a-81' }));
    await send('u-4821', ev('ai.output_accepted', 'u-4821', { feature: 'summarize', outputId: 'a-81' }));
    await send(undefined, ev('ai.request', 'u-5000', { feature: 'summarize' })); // no userHash
    await send('u-4821', ev('ai.feature_used', 'u-4821', { feature: 'critique' }, new Date(Date.now() - 9 * 86_400_000).toISOString()));
    await send(undefined, ev('ai.request', undefined, { feature: 'summarize' }));
    expect((await send(undefined, ev('ai.request', 'u-4821', {}), 'wk_asistant')).status).toBe(401);
    await poll(() => tail.stdout().trim().split('\n').length).toBe(8);

    tail.child.kill('SIGTERM');
    expect(await tail.exited).toBe(0);
    expect(comparable(`${tail.stderr()}${tail.stdout()}`, server.url)).toEqual(comparable(shown, 'http://127.0.0.1:8787'));
    // Never a user id, nor the stored pseudonym.
    expect(tail.stdout()).not.toMatch(/u-4821|u-5000/);
  }, 60_000);

  it('--json prints one JSON object a line; --name filters; Ctrl-C (SIGINT) ends it with 0', async () => {
    const tail = spawnTail(['--json', '--name', 'ai.*']);
    await poll(tail.stderr).toContain('(name ai.*)');
    await send('u-1', ev('identify', 'u-1', { role: 'technical' }));
    await send('u-1', ev('ai.request', 'u-1', { feature: 'draft', note: '\u001b[31mred\u202e' }));
    await send('u-1', ev('training.completed', 'u-1', { program: 'workshop' }));
    await send('u-1', ev('ai.output_rejected', 'u-1', { feature: 'draft' }));
    await poll(() => tail.stdout().trim().split('\n').length).toBe(2);
    tail.child.kill('SIGINT');
    expect(await tail.exited).toBe(0);
    const lines = tail.stdout().trim().split('\n');
    // Escape sequences and direction overrides a page sent arrive escaped, never raw in the terminal.
    expect(lines[0]).toContain('\\u001b[31mred\\u202e');
    expect(lines.map((l) => JSON.parse(l) as { type: string; name: string; props: object })).toEqual([
      expect.objectContaining({ type: 'accepted', name: 'ai.request', props: { feature: 'draft', note: '\u001b[31mred\u202e' } }),
      expect.objectContaining({ type: 'accepted', name: 'ai.output_rejected' }),
    ]);
  }, 60_000);

  it('with --url: a viewer token is refused (exit 1, in words), a write key too, a missing token is a usage error (exit 2)', async () => {
    const viewer = await runUptake(dir, ['tail', '--url', server.url, '--token', viewerToken]);
    expect(viewer.code).toBe(1);
    expect(viewer.stderr).toContain(
      `answered 403: exporting events needs an analyst or admin token; the token "managers" has the role viewer`,
    );
    const writeKey = await runUptake(dir, ['tail', '--url', server.url, '--token', 'wk_assistant']);
    expect(writeKey.code).toBe(1);
    expect(writeKey.stderr).toContain('answered 401: wrong token');
    const none = await runUptake(dir, ['tail', '--url', server.url]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--token: tailing');
  });

  it('with --url and UPTAKE_TOKEN, tails as that token; an unknown --tool is a usage error naming the flag', async () => {
    const tail = spawnTail(['--url', server.url], { UPTAKE_TOKEN: adminToken });
    await poll(tail.stderr).toContain(`tailing what ${server.url} receives (Ctrl-C to stop)`);
    tail.child.kill('SIGTERM');
    expect(await tail.exited).toBe(0);
    const typo = await runUptake(dir, ['tail', '--tool', 'asistant']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('uptake tail: --tool: no tool "asistant" in this collector\'s config (its tools: assistant)');
  });

  it('names the missing collector when none runs on the store (exit 1), and suggests a mistyped flag (exit 2)', async () => {
    const nothing = await runUptake(dir, ['tail', '--db', './elsewhere.duckdb']);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('no collector runs on ./elsewhere.duckdb');
    const typo = await runUptake(dir, ['tail', '--tol', 'assistant']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown flag --tol (did you mean --tool?)');
  });

  // Last: it stops the file's collector.
  it('when the collector stops, says so and exits 1; the collector stops at once, not at its deadline', async () => {
    const tail = spawnTail([]);
    await poll(tail.stderr).toContain('tailing what');
    const started = Date.now();
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(await tail.exited).toBe(1);
    expect(tail.stderr()).toContain(`uptake tail: the collector at ${server.url} ended the stream: the collector is stopping`);
  }, 30_000);
});
