import { execFile } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig, parseConfig } from '../src/config/load-config.js';
import type { UptakeConfig } from '../src/config/config-schema.js';
import { uptakeBin } from './helpers/spawn-collector.js';
import { useCollector } from './helpers/use-collector.js';
import { useTempDir } from './helpers/use-temp-dir.js';

// Every ```json block of the product owners' guide must be valid for the real config schema: a whole
// config file as it is, a prompt or a survey inside a minimal config that declares the tool.
const guide = new URL('../../../docs/product-owners.md', import.meta.url);
const minimal = { tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified' }], adminToken: 'env:UPTAKE_ADMIN_TOKEN' };

interface Block {
  line: number;
  kind: 'config' | 'prompt' | 'survey';
  config: UptakeConfig;
}

async function jsonBlocks(): Promise<Block[]> {
  const text = await readFile(guide, 'utf8');
  return [...text.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((match) => {
    const line = text.slice(0, match.index).split('\n').length + 1;
    const value = JSON.parse(match[1]!) as Record<string, unknown>;
    const kind = 'tools' in value ? 'config' : 'questions' in value ? 'survey' : 'content' in value ? 'prompt' : undefined;
    if (!kind) throw new Error(`docs/product-owners.md line ${line}: a JSON block that is neither a config, a prompt nor a survey`);
    const raw = kind === 'config' ? value : { ...minimal, [kind === 'prompt' ? 'prompts' : 'surveys']: [value] };
    return { line, kind, config: checkConfig(raw, `docs/product-owners.md line ${line}`) };
  });
}

describe('docs/product-owners.md', () => {
  it("every JSON block is a valid config, prompt or survey (checked by the collector's schema)", async () => {
    const blocks = await jsonBlocks();
    const kinds = blocks.map((b) => b.kind);
    expect(kinds.filter((k) => k === 'config').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'prompt').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'survey').length).toBeGreaterThanOrEqual(2);
  });

  it('its examples use every trigger condition and every question type', async () => {
    const configs = (await jsonBlocks()).map((b) => b.config);
    const triggers = configs.flatMap((c) => [...c.prompts, ...c.surveys].map((i) => i.trigger));
    for (const key of [
      'event',
      'count',
      'withinDays',
      'inactiveDays',
      'daysSinceTraining',
      'spaced',
      'adaptive',
      'selector',
      'on',
      'url',
    ] as const) {
      expect(
        triggers.some((t) => t[key] !== undefined),
        `an example with trigger.${key}`,
      ).toBe(true);
    }
    const types = new Set(configs.flatMap((c) => c.surveys.flatMap((s) => s.questions.map((q) => q.type))));
    expect([...types].sort()).toEqual(['choice', 'multi', 'nps', 'number', 'scale', 'text']);
    const prompts = configs.flatMap((c) => c.prompts);
    expect(prompts.some((p) => p.content.action?.href)).toBe(true);
    expect(prompts.some((p) => p.content.action?.event)).toBe(true);
    expect(prompts.some((p) => p.goal?.props)).toBe(true);
    expect(prompts.some((p) => p.audience.randomizeBy === 'team' && p.plan?.minimumDetectableEffect)).toBe(true);
  });

  it('its behaviour check has the ids and options the metric reads', async () => {
    const checks = (await jsonBlocks()).flatMap((b) => b.config.surveys).filter((s) => s.id === 'behavior-check');
    expect(checks.length).toBeGreaterThanOrEqual(1);
    for (const check of checks) {
      const [applied, example] = check.questions;
      expect(applied).toMatchObject({ id: 'applied', type: 'choice', options: ['yes', 'no'] });
      expect(example).toMatchObject({ id: 'example', type: 'text', minLength: 20 });
      expect(check.trigger.daysSinceTraining).toEqual([88, 100]);
    }
  });

  it('the worked example matches examples/uptake.config.json where they share a prompt or survey', async () => {
    const [worked] = (await jsonBlocks()).filter((b) => b.kind === 'config');
    const example = checkConfig(JSON.parse(await readFile(new URL('../../../examples/uptake.config.json', import.meta.url), 'utf8')));
    const shared = [...example.prompts, ...example.surveys].filter((item) =>
      [...worked!.config.prompts, ...worked!.config.surveys].some((w) => w.id === item.id),
    );
    expect(shared.map((i) => i.id).sort()).toEqual(['behavior-check', 'confidence-pulse', 'critique-tip', 'spaced-recap']);
    for (const item of shared) {
      const twin = [...worked!.config.prompts, ...worked!.config.surveys].find((w) => w.id === item.id);
      expect(twin, item.id).toEqual(item);
    }
  });
});

// The guide's other snippets: each shell command run as written (curl against a real collector, the
// CLI on the worked example), the script tag's attributes those the SDK reads, the editor settings'
// schema path a file the package ships, and every link inside the page a heading of it.
const tokens = { editor: 'product-owners-doc-editor-token-0123' };
const apiConfig = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['https://assistant.corp.example'] }],
  adminToken: 'product-owners-doc-admin-token-0123',
  tokens: [{ name: 'product-owner', role: 'editor', token: tokens.editor }],
});

async function blocks(language: string): Promise<{ line: number; text: string }[]> {
  const text = await readFile(guide, 'utf8');
  return [...text.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => ({
    line: text.slice(0, m.index).split('\n').length + 1,
    text: m[1]!,
  }));
}

/** Runs a shell snippet with bash; curl fails on an HTTP error (it would only print it otherwise). */
function bash(script: string, env: Record<string, string>, cwd?: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const wrapped = `set -euo pipefail\ncurl() { command curl -sS --fail-with-body "$@"; echo; }\nuptake() { "${process.execPath}" "${uptakeBin}" "$@"; }\nnpx() { "$@"; }\n${script}`;
    execFile('bash', ['-c', wrapped], { env: { ...process.env, ...env }, ...(cwd ? { cwd } : {}) }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

describe('docs/product-owners.md, run as written', () => {
  const c = useCollector('duckdb', apiConfig);
  const dir = useTempDir('uptake-po-doc-');

  it('every shell block runs: the studio API calls in order against a collector, config check on the worked example', async () => {
    const shell = await blocks('sh');
    // A shell block this test does not know how to run fails here: teach it to run the new one.
    const unknown = shell.filter(
      (b) => !b.text.includes('curl ') && !b.text.includes('uptake config check') && !b.text.includes('uptake kit'),
    );
    expect(unknown.map((b) => `docs/product-owners.md line ${b.line}: ${b.text}`)).toEqual([]);
    const answers: unknown[] = [];
    for (const block of shell.filter((b) => b.text.includes('curl '))) {
      const { code, out } = await bash(block.text, { C: c.url, T: tokens.editor });
      expect(code, `docs/product-owners.md line ${block.line}: ${out}`).toBe(0);
      answers.push(JSON.parse(out));
    }
    expect(answers.length).toBeGreaterThanOrEqual(5);
    const item = await fetch(`${c.url}/v1/admin/prompts/audience-tip`, { headers: { Authorization: `Bearer ${tokens.editor}` } });
    expect(await item.json()).toMatchObject({ status: 'live', source: 'studio' });
    // The reach estimate's answer has the keys the guide names.
    expect(answers.find((a) => (a as Record<string, unknown>)['figures'])).toMatchObject({
      figures: { people: { fewerThan: 10 }, shown: { fewerThan: 10 }, heldOut: { fewerThan: 10 } },
      notEstimated: [],
      basis: expect.arrayContaining(['team (their latest identify traits) one of finance']),
    });

    const [worked] = await blocks('json');
    await writeFile(join(dir, 'uptake.config.json'), worked!.text);
    const env = {
      UPTAKE_ADMIN_TOKEN: 'doc-admin-token-0123456789abcdef',
      UPTAKE_ASSISTANT_IDENTITY_SECRET: 'doc-identity-secret-0123456789',
    };
    for (const block of shell.filter((b) => b.text.includes('uptake config check'))) {
      const { code, out } = await bash(block.text, env, dir);
      expect(code, `docs/product-owners.md line ${block.line}: ${out}`).toBe(0);
      expect(out).toMatch(/ok/);
    }
    // The starter kit, added to a store beside the worked example's config.
    const kit = shell.filter((b) => b.text.includes('uptake kit'));
    expect(kit).toHaveLength(1);
    const { code, out } = await bash(kit[0]!.text, env, dir);
    expect(code, `docs/product-owners.md line ${kit[0]!.line}: ${out}`).toBe(0);
    expect(out).toMatch(/^professional +3 prompts: workflow integration$/m);
    // The worked example's config file has its own behaviour check: the kit's is left out.
    expect(out).toContain('starter kit "professional": 4 added as drafts');
    expect(out).toContain('already there, left as they are: behavior-check');
  });

  it('its script tag with data-debug carries only the attributes the script tag reads', async () => {
    const html = await blocks('html');
    expect(html.length).toBeGreaterThanOrEqual(1);
    const read = await readFile(new URL('../../sdk/src/script-tag.ts', import.meta.url), 'utf8');
    for (const block of html) {
      const tags = [...block.text.matchAll(/<script\s([^>]*)>/g)];
      expect(tags).toHaveLength(1);
      const attributes = [...tags[0]![1]!.matchAll(/([a-z-]+)(?:="[^"]*")?/g)].map((m) => m[1]!);
      expect(attributes).toContain('data-debug');
      for (const a of attributes.filter((x) => x.startsWith('data-'))) expect(read, `${a} is read by script-tag.ts`).toContain(`\`${a}\``);
      expect(attributes.filter((a) => !a.startsWith('data-')).sort()).toEqual(['async', 'nonce', 'src']);
    }
  });

  it('its editor settings point at the schema file the package ships', async () => {
    for (const block of await blocks('jsonc')) {
      const settings = JSON.parse(block.text) as { 'json.schemas': { fileMatch: string[]; url: string }[] };
      for (const s of settings['json.schemas']) {
        expect(s.url).toBe('./node_modules/@uptake/collector/uptake.config.schema.json');
        await access(new URL('../uptake.config.schema.json', import.meta.url));
      }
    }
  });

  it('every link inside the page goes to one of its headings, and "Reading results" points to analysts.md', async () => {
    const text = await readFile(guide, 'utf8');
    const slug = (h: string) =>
      h
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\- _]/gu, '')
        .replace(/ /g, '-');
    const headings = new Set([...text.matchAll(/^#+ (.*)$/gm)].map((m) => slug(m[1]!)));
    const links = [...text.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.filter((l) => !headings.has(l))).toEqual([]);
    const results = /^### Reading results\n([\s\S]*?)^##/m.exec(text);
    expect(results?.[1]).toContain('(analysts.md');
  });
});
