import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runUptake, spawnServe } from '../../packages/collector/test/helpers/spawn-collector.js';
import { postgresTarget } from '../../packages/collector/test/helpers/store-targets.js';
import { useResource } from '../../packages/collector/test/helpers/use-resource.js';
import { checkWireSnippet, pageConfig } from './doc-snippet-config.js';
import { runShellSnippet, type ShellPlace } from './doc-snippet-shell.js';
import { type Handling, handlingOf, readSnippets, repoRoot, type Snippet, snippetRunners } from './doc-snippets.js';

// A page's blocks run in one folder, as a reader following it would have it: the page's config
// blocks merged into a config with one tool, the files it shows written, a small demo store, a
// PostgreSQL database for each block's `postgres://…` URLs and, for a block that calls the
// collector's URL, `uptake serve` on that store while it runs.

/** The secrets the docs' configs name as `env:…`, set to values long enough for the collector. */
export const docSecrets: Record<string, string> = {
  UPTAKE_ADMIN_TOKEN: 'doc-snippets-admin-token-0123456789',
  UPTAKE_ASSISTANT_IDENTITY_SECRET: 'doc-snippets-identity-secret-0123456789',
  UPTAKE_TOKEN_HR_ANALYTICS: 'doc-snippets-hr-analytics-token-0123',
  UPTAKE_TOKEN_MANAGERS: 'doc-snippets-managers-token-01234567',
  TEAMS_LEADERSHIP_WEBHOOK: 'http://127.0.0.1:9/teams-leadership',
  SLACK_FINANCE_WEBHOOK: 'http://127.0.0.1:9/slack-finance',
};

/** The config a page's blocks start from: one tool any origin may send for, events of any age (the demo's). */
const baseConfig = {
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken: 'env:UPTAKE_ADMIN_TOKEN',
  maxEventAgeDays: 36_500,
};

export interface RunnableSnippet extends Snippet {
  handling: Handling;
}

/** The blocks of `doc` a runner runs, with how (illustrative blocks and blocks tested elsewhere left out). */
export function runnableSnippets(doc: string): RunnableSnippet[] {
  return readSnippets(doc)
    .map((s) => ({ ...s, handling: handlingOf(s) }))
    .filter((s): s is RunnableSnippet => 'kind' in s.handling && s.handling.kind !== 'illustrative' && s.handling.kind !== 'tested-by');
}

/** The pages `runner` runs (see `snippetRunners`) that have a block for it now. */
export function pagesRunBy(runner: string): string[] {
  return Object.keys(snippetRunners).filter((doc) => snippetRunners[doc] === runner && runnableSnippets(doc).length > 0);
}

export interface PlaceOptions {
  /** Files a reader of this page has from another page (`training.csv` from analysts.md), by name. */
  files?: Record<string, string>;
}

/** The folder, store and servers `doc`'s blocks run against, for the tests of the enclosing `describe`. */
export function usePagePlace(doc: string, options: PlaceOptions = {}): ShellPlace {
  return useResource(
    `the place of ${doc}`,
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'uptake-doc-snippets-'));
      // A module block imports the packages by name, as an app in this repository would.
      await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
      const blocks = runnableSnippets(doc);
      const config = pageConfig(
        baseConfig,
        blocks.filter((b) => b.handling.kind === 'config'),
        docSecrets,
      );
      await writeFile(join(dir, 'uptake.config.json'), JSON.stringify(config, null, 2));
      for (const [name, text] of Object.entries(options.files ?? {})) await writeFile(join(dir, name), text);
      for (const b of blocks) if (b.handling.kind === 'file') await writeFile(join(dir, b.handling.name), b.text);
      const demo = await runUptake(dir, ['demo', '--employees', '300'], docSecrets);
      if (demo.code !== 0) throw new Error(`uptake demo: ${demo.stdout}${demo.stderr}`);
      return { dir, env: docSecrets };
    },
    async (place) => {
      await rm(place.dir, { recursive: true, force: true });
    },
  );
}

const run = promisify(execFile);

/**
 * Runs one block in `place` by its handling; throws with the page, the line and what went wrong.
 * Config and file blocks were used when the place was made: here a config block is checked alone.
 */
export async function runSnippet(snippet: RunnableSnippet, place: ShellPlace): Promise<string> {
  const where = `${snippet.doc} line ${snippet.line}`;
  const { handling } = snippet;
  switch (handling.kind) {
    case 'shell': {
      // Each block that names PostgreSQL gets a database of its own: the page's sections are alternatives
      // (start on PostgreSQL, or move a DuckDB file into a PostgreSQL no collector has started on).
      const postgres = /postgres:\/\//.test(snippet.text) ? await postgresTarget() : undefined;
      const serve = /https:\/\/(uptake\.corp|collector)\.example|\$UPTAKE_URL/.test(snippet.text)
        ? await spawnServe([], place.dir, place.env)
        : undefined;
      // (`place` may be a handle of useResource, whose properties are read one by one, not spread.)
      const blockPlace = { dir: place.dir, env: place.env, collectorUrl: serve?.url, databaseUrl: postgres?.location.databaseUrl };
      const { code, out } = await runShellSnippet(snippet, blockPlace).finally(async () => {
        await serve?.stop();
        await postgres?.dispose();
      });
      if (code !== 0) throw new Error(`${where}: the shell block exited with ${code}:\n${out}`);
      return out;
    }
    case 'config':
      return JSON.stringify(pageConfig(baseConfig, [snippet], docSecrets));
    case 'file':
      return handling.name;
    case 'wire':
      checkWireSnippet(snippet, handling.schema);
      return handling.schema;
    case 'module': {
      if (!/from '@uptake\/collector'/.test(snippet.text)) throw new Error(`${where}: a browser module runs in the Chromium runner`);
      // Node runs it as JavaScript (a ```ts block here must not need its types stripped), to its end;
      // a collector it starts is closed after it has printed where it listened.
      const file = join(place.dir, `snippet-${snippet.line}.mjs`);
      const body = snippet.text.replace(/port: 8787\b/g, 'port: 0');
      const close = /const collector = await startCollector\(/.test(body)
        ? "console.log('listening on', collector.url);\nawait collector.close();\n"
        : '';
      await writeFile(file, `${body}\n${close}`);
      const { stdout } = await run(process.execPath, [file], { cwd: place.dir, env: { ...process.env, ...place.env }, timeout: 60_000 });
      return stdout;
    }
    default:
      throw new Error(`${where}: a ${handling.kind} block runs in a browser (test/helpers/doc-snippet-page.ts)`);
  }
}
