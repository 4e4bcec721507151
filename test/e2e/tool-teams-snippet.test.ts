import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../packages/collector/src/config/load-config.js';
import { userHash } from '../../packages/collector/src/identity/user-hash.js';
import { pseudonymizerFor } from '../../packages/collector/src/ingest/pseudonymizer.js';
import { type Collector, startCollector } from '../../packages/collector/src/start-collector.js';
import { uptakeBin } from '../../packages/collector/test/helpers/spawn-collector.js';
import { useChromium } from '../helpers/chromium.js';
import { waitFor } from '../helpers/wait-for.js';

// docs/tool-teams.md's script-tag snippet, as written there, served the way the page says: its
// placeholders filled per response and its Content-Security-Policy (strict: no unsafe-inline) sent
// as a header. The person's events must arrive verified, and Chromium must block nothing.

const secret = 'tool-teams-snippet-identity-secret';
const browser = useChromium();
let collector: Collector;
let pages: FastifyInstance;
let pageOrigin = '';
let dir: string;

/** The ```html block of "2a. Script tag" and the policy in its first line's comment. */
async function snippet(): Promise<{ html: string; policy: string }> {
  const text = await readFile(new URL('../../docs/tool-teams.md', import.meta.url), 'utf8');
  const section = text.slice(text.indexOf('## 2a. Script tag'));
  const html = /^```html\n([\s\S]*?)^```$/m.exec(section)?.[1];
  if (!html) throw new Error('docs/tool-teams.md: no ```html block under "2a. Script tag"');
  const policy = /^<!-- Content-Security-Policy: (.*) -->$/m.exec(html)?.[1];
  if (!policy) throw new Error('docs/tool-teams.md: the snippet no longer names its Content-Security-Policy');
  return { html, policy };
}

/** Fills the placeholders as a tool's server template would, for one response. */
function fill(text: string, values: Record<string, string>): string {
  return text
    .replace(/\{([A-Z_]+)\}/g, (_, key: string) => values[key] ?? `{${key}}`)
    .replaceAll('https://collector.example', collector.url);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uptake-snippet-'));
  const { html, policy } = await snippet();
  pages = Fastify();
  // `?nonce=omit` serves the inline script without its nonce: what the old snippet did, blocked by the policy.
  pages.get<{ Querystring: { user: string; nonce?: string } }>('/', async (request, reply) => {
    const nonce = randomBytes(16).toString('base64');
    const user = request.query.user;
    const values = { NONCE: nonce, USER_ID: user, USER_HASH: userHash(secret, user), ROLE: 'professional', TEAM: 'finance' };
    let page = fill(html, values);
    if (request.query.nonce === 'omit') page = page.replace(`<script nonce="${nonce}">`, '<script>');
    return reply
      .header('Content-Security-Policy', fill(policy, values))
      .type('text/html; charset=utf-8')
      .send(`<!doctype html><html><head><title>Tool</title>\n${page}</head><body><p>An internal AI tool</p></body></html>`);
  });
  await pages.listen({ port: 0, host: '127.0.0.1' });
  pageOrigin = `http://127.0.0.1:${(pages.server.address() as AddressInfo).port}`;
  const config = parseConfig({
    tools: [{ id: 'assistant', writeKey: 'wk_assistant', origins: [pageOrigin], identitySecret: secret }],
    adminToken: 'snippet-admin-token-0123456789',
  });
  // Where `uptake serve` keeps it by default, so the guide's `npx uptake tail` finds it from `dir`.
  collector = await startCollector({ config, db: join(dir, 'data', 'uptake.duckdb'), port: 0 });
});

afterAll(async () => {
  await pages?.close();
  await collector?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Opens the page for `user`, sends one AI request from it, and returns what Chromium reported as blocked. */
async function visit(user: string, query = ''): Promise<string[]> {
  const context = await browser.newContext();
  const blocked: string[] = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && m.text().includes('Content Security Policy') && blocked.push(m.text()));
    await page.goto(`${pageOrigin}/?user=${encodeURIComponent(user)}${query}`);
    await page.waitForFunction(() => typeof (window as { uptake?: { track?: unknown } }).uptake?.track === 'function');
    // The host's own call, as a click handler makes it (evaluated through DevTools, not subject to the page's policy).
    await page.evaluate(() => (window as unknown as { uptake: unknown[] }).uptake.push(['ai.request', 'summarize']));
    await page.evaluate(() => (window as unknown as { uptake: { flush(): Promise<void> } }).uptake.flush());
  } finally {
    await context.close();
  }
  return blocked;
}

describe('docs/tool-teams.md: the script-tag snippet under its strict Content-Security-Policy', () => {
  it("runs as written: nothing blocked, and the person's events are stored under their verified id", async () => {
    const blocked = await visit('emp-snippet-1');
    expect(blocked).toEqual([]);
    const stored = (await pseudonymizerFor(collector.config, collector.store))('emp-snippet-1');
    await waitFor(async () => (await collector.store.events()).some((e) => e.name === 'ai.request' && e.userId === stored), 15_000);
    const events = (await collector.store.events()).filter((e) => e.userId === stored);
    expect(events.map((e) => e.name)).toContain('ai.request');
    // The traits the snippet passes reached the collector with the person.
    expect(
      events.some((e) => e.props['role'] === 'professional' || (e.props['traits'] as { role?: string })?.role === 'professional'),
    ).toBe(true);
  });

  it('the inline script without its nonce is blocked (what the old snippet did): the request arrives without the person', async () => {
    const blocked = await visit('emp-snippet-2', '&nonce=omit');
    expect(blocked.join('\n')).toMatch(/Executing inline script violates the following Content Security Policy/);
    await waitFor(async () => (await collector.store.events()).filter((e) => e.name === 'ai.request').length >= 2, 15_000);
    const anonymous = (await collector.store.events()).filter((e) => e.name === 'ai.request' && e.userId === null);
    expect(anonymous).toHaveLength(1);
  });
});

describe("docs/tool-teams.md, the guide's steps in order: paste the script tag, open the tool, see the event arrive", () => {
  it('`npx uptake tail --tool assistant` (section 4, as written) shows the ai.request the pasted snippet sent, with the person as an alias', async () => {
    const guide = await readFile(new URL('../../docs/tool-teams.md', import.meta.url), 'utf8');
    const command = /^```sh\n(npx uptake tail[^\n]*)\n```$/m.exec(guide.slice(guide.indexOf('## 4. Verify your instrumentation')))?.[1];
    expect(command).toBe('npx uptake tail --tool assistant');
    const tail = spawn(process.execPath, [uptakeBin, ...(command as string).split(' ').slice(2)], { cwd: dir });
    let out = '';
    tail.stdout.on('data', (chunk) => (out += chunk));
    tail.stderr.on('data', (chunk) => (out += chunk));
    const exited = new Promise((resolve) => tail.once('exit', resolve));
    try {
      await waitFor(async () => out.includes('tailing what'), 15_000);
      expect(await visit('emp-snippet-3')).toEqual([]);
      await waitFor(async () => /assistant {2}ai\.request {2}person [0-9a-f]{6} {2}feature=summarize/.test(out), 15_000);
      expect(out).not.toContain('emp-snippet-3');
      expect(out).not.toContain('REFUSED');
    } finally {
      tail.kill('SIGTERM');
      await exited;
    }
  });
});
