import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { parseConfig } from '../../packages/collector/src/config/load-config.js';
import { userHash } from '../../packages/collector/src/identity/user-hash.js';
import { type Collector, startCollector } from '../../packages/collector/src/start-collector.js';
import { useResource } from '../../packages/collector/test/helpers/use-resource.js';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { readSnippets, repoRoot } from './doc-snippets.js';

// HTML and script-tag blocks of the docs, run in Chromium as a tool team pastes them: on a page
// served with the strict Content-Security-Policy docs/tool-teams.md recommends (no unsafe-inline),
// its placeholders filled per response as a server template fills them, against a real collector.

const secret = 'doc-snippets-page-identity-secret';
/** The docs' example user id. */
const user = 'u-4821';

/** The policy the tool-team guide's script tag names in its first line, with `{NONCE}` in it. */
export function recommendedPolicy(): string {
  const tag = readSnippets('docs/tool-teams.md').find((s) => s.lang === 'html' && s.text.includes('Content-Security-Policy'));
  const policy = /^<!-- Content-Security-Policy: (.*) -->$/m.exec(tag?.text ?? '')?.[1];
  if (!policy || !tag) throw new Error('docs/tool-teams.md: its script tag no longer names its Content-Security-Policy');
  return policy;
}

/** A collector and a tool's page server on another origin; `html` is what the next page load serves. */
export interface PageSite {
  collector: Collector;
  origin: string;
  /** Serves `code` as a script of the page's origin; returns its path, for a `<script nonce src>`. */
  publish(code: string): string;
  /** Loads `html` in a fresh page; returns what Chromium blocked or threw, once `settle` has run in it. */
  visit(html: string, settle?: (page: import('playwright-core').Page) => Promise<void>): Promise<string[]>;
}

/** What stands for the tool's server template, filled per response. */
function fill(text: string, nonce: string, collectorUrl: string): string {
  const values: Record<string, string> = {
    NONCE: nonce,
    USER_ID: user,
    USER_HASH: userHash(secret, user),
    ROLE: 'professional',
    TEAM: 'finance',
  };
  return text
    .replace(/\{([A-Z_]+)\}/g, (_, key: string) => values[key] ?? `{${key}}`)
    .replaceAll('https://collector.example', collectorUrl);
}

export function usePageSite(browser: Browser): PageSite {
  let html = '';
  return useResource(
    'the doc snippets page site',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'uptake-doc-page-'));
      const pages: FastifyInstance = Fastify();
      const policy = recommendedPolicy();
      let collector: Collector | undefined;
      pages.get('/', async (_request, reply) => {
        const nonce = randomBytes(16).toString('base64');
        const url = (collector as Collector).url;
        return reply
          .header('Content-Security-Policy', fill(policy, nonce, url))
          .type('text/html; charset=utf-8')
          .send(`<!doctype html><html><head><title>Tool</title>\n${fill(html, nonce, url)}</head><body><p>A tool</p></body></html>`);
      });
      // A bundle goes in a file of its own, as a build emits it: inline, Lit's `<!--` markers would end the script early.
      const assets: string[] = [];
      pages.get<{ Params: { n: string } }>('/assets/:n', async (request, reply) =>
        reply.type('text/javascript').send(assets[Number.parseInt(request.params.n, 10)]),
      );
      // Chromium asks every page's origin for one; a 404 would read as a problem of the block.
      pages.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
      await pages.listen({ port: 0, host: '127.0.0.1' });
      const origin = `http://127.0.0.1:${(pages.server.address() as AddressInfo).port}`;
      collector = await startCollector({
        config: parseConfig({
          tools: [{ id: 'assistant', writeKey: 'wk_assistant', origins: [origin], identitySecret: secret }],
          adminToken: 'doc-snippets-page-admin-token-0123',
        }),
        db: join(dir, 'uptake.duckdb'),
        port: 0,
      });
      const site = {
        collector,
        origin,
        dir,
        pages,
        publish(code: string) {
          assets.push(code.replaceAll('https://collector.example', (collector as Collector).url));
          return `/assets/${assets.length - 1}.js`;
        },
        async visit(next: string, settle?: (page: import('playwright-core').Page) => Promise<void>) {
          html = next;
          const context = await browser.newContext();
          const problems: string[] = [];
          try {
            const page = await context.newPage();
            page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
            page.on('pageerror', (e) => problems.push(e.message));
            if (process.env['DOC_SNIPPETS_DEBUG']) page.on('console', (m) => console.log('console', m.type(), m.text()));
            page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.request().method()} ${r.url()}`));
            await page.goto(origin);
            await settle?.(page);
          } finally {
            await context.close();
          }
          return problems;
        },
      };
      return site;
    },
    async (site) => {
      const { pages, dir } = site as PageSite & { pages: FastifyInstance; dir: string };
      await pages.close();
      await site.collector.close();
      await rm(dir, { recursive: true, force: true });
    },
  );
}

/** The tool-team guide's script tag: the page a `script-tag calls` block runs in. */
export function scriptTagBlock(): string {
  const tag = readSnippets('docs/tool-teams.md').find((s) => s.lang === 'html' && s.text.includes('uptake.js'));
  if (!tag) throw new Error('docs/tool-teams.md: no script tag block');
  return tag.text;
}

/**
 * Names the docs' blocks use for what the reader's app has (an answer shown and its id, the
 * signed-in user with the hash their backend computed, a button), defined before the block runs; a
 * block needing another one fails with a ReferenceError.
 */
export const standIns = [
  "const answerId = 'a-81'; const answer = { id: answerId };",
  `const user = { id: '${user}', role: 'professional', team: 'finance', uptakeHash: '${userHash(secret, user)}' };`,
  "const userHash = user.uptakeHash; const acceptButton = document.createElement('button');",
].join('\n');

/**
 * The bundling step of an app: `code` (a module importing the packages by name) bundled by rollup
 * into one script, as Vite or webpack would, with the stand-ins before it. Runs from the repository,
 * so `@uptake/sdk` and `@uptake/widgets` resolve to the built workspace packages.
 */
export async function bundleModule(code: string): Promise<string> {
  const dir = await mkdtemp(join(repoRoot, 'node_modules', '.doc-snippet-'));
  try {
    const input = join(dir, 'snippet.mjs');
    await writeFile(input, `${standIns}\n${code}`);
    const bundle = await rollup({ input, plugins: [nodeResolve({ browser: true })], onwarn: () => {} });
    const { output } = await bundle.generate({ format: 'iife', inlineDynamicImports: true });
    await bundle.close();
    return output[0].code;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An HTML block's inline module scripts, bundled to files of `site` with the response's nonce, as an app's build and template do. */
export async function bundleInlineModules(html: string, site: PageSite): Promise<string> {
  let out = html;
  for (const match of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
    const script = `<script nonce="{NONCE}" src="${site.publish(await bundleModule(match[1] as string))}"></script>`;
    out = out.replace(match[0], () => script);
  }
  return out;
}
