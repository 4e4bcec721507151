import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../src/config/load-config.js';
import type { UptakeConfig } from '../src/config/config-schema.js';

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
    for (const key of ['event', 'count', 'withinDays', 'inactiveDays', 'daysSinceTraining', 'spaced', 'selector', 'on', 'url'] as const) {
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
