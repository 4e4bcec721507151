import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config-schema.js';
import { kitAudiences, starterKit } from '../../src/kit/starter-kit.js';
import { runUptake, spawnServe } from '../helpers/spawn-collector.js';
import { cliConfig, useWorkDir } from '../helpers/use-temp-dir.js';

describe('the starter kits', () => {
  it.each(kitAudiences)('%s: prompts for that audience, each with a holdout and a goal, and the shared surveys', (audience) => {
    const kit = starterKit(audience);
    expect(kit.prompts.length).toBeGreaterThanOrEqual(3);
    for (const prompt of kit.prompts) {
      expect(prompt.id.startsWith(`kit-${audience}-`)).toBe(true);
      expect(prompt.audience?.roles).toEqual([audience]);
      expect(prompt.audience?.holdout).toBeGreaterThan(0);
      expect(prompt.goal?.event).toMatch(/^(ai\.|task\.)/);
    }
    expect(kit.surveys.map((s) => s.id)).toEqual(['behavior-check', 'kit-confidence-pulse']);
    expect(starterKit(audience, 'exec-team').prompts.every((p) => p.audience?.roles?.[0] === 'exec-team')).toBe(true);
  });

  it('every kit at once is a valid config: ids unique, the behaviour check as the metrics read it', () => {
    const prompts = kitAudiences.flatMap((a) => starterKit(a).prompts);
    expect(new Set(prompts.map((p) => p.id)).size).toBe(prompts.length);
    const config = configSchema.parse({ ...cliConfig, prompts, surveys: starterKit('leader').surveys });
    expect(config.prompts).toHaveLength(prompts.length);
    const check = config.surveys.find((s) => s.id === 'behavior-check');
    expect(check?.questions.map((q) => [q.id, q.type])).toEqual([
      ['applied', 'choice'],
      ['example', 'text'],
    ]);
    expect(check?.questions[0]).toMatchObject({ options: ['yes', 'no'] });
    expect(check?.questions[1]).toMatchObject({ minLength: 20 });
  });
});

describe('uptake kit', () => {
  const dir = useWorkDir('uptake-cli-kit-');
  const uptake = (...args: string[]) => runUptake(dir, args);

  it('lists the kits and shows one as config JSON that `uptake config check` accepts', async () => {
    const list = await uptake('kit', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^technical +3 prompts: advanced patterns and agents$/m);
    const shown = await uptake('kit', 'show', 'professional', '--role', 'analyst');
    expect(shown.code).toBe(0);
    const items = JSON.parse(shown.stdout) as { prompts: { audience: { roles: string[] } }[]; surveys: unknown[] };
    expect(items.prompts.map((p) => p.audience.roles)).toEqual([['analyst'], ['analyst'], ['analyst']]);
    await writeFile(join(dir, 'with-kit.json'), JSON.stringify({ ...cliConfig, ...items }));
    expect(await uptake('config', 'check', 'with-kit.json')).toMatchObject({ code: 0 });
  });

  it('adds a kit as studio drafts, once; through a running collector too; nothing goes live', async () => {
    const first = await uptake('kit', 'add', 'executive');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('starter kit "executive": 5 added as drafts');
    const again = await uptake('kit', 'add', 'executive');
    expect(again.stdout).toContain('starter kit "executive": 0 added as drafts');
    expect(again.stdout).toContain('already there, left as they are: kit-executive-stress-test');
    const server = await spawnServe(['--db', './data/uptake.duckdb'], dir);
    try {
      const through = await uptake('kit', 'add', 'leader', '--role', 'team-lead');
      expect(through).toMatchObject({ code: 0, stderr: '' });
      expect(through.stdout).toContain('starter kit "leader": 3 added as drafts');
      expect(through.stdout).toContain('already there, left as they are: behavior-check, kit-confidence-pulse');
      const res = await fetch(`${server.url}/v1/admin/items`, { headers: { Authorization: `Bearer ${cliConfig.adminToken}` } });
      const { items } = (await res.json()) as { items: { id: string; status: string; savedBy: string; source: string }[] };
      expect(items.map((i) => `${i.id} ${i.status} ${i.source} ${i.savedBy}`).sort()).toEqual(
        [
          'behavior-check draft studio uptake kit',
          'kit-confidence-pulse draft studio uptake kit',
          'kit-executive-one-page-brief draft studio uptake kit',
          'kit-executive-scenarios draft studio uptake kit',
          'kit-executive-stress-test draft studio uptake kit',
          'kit-leader-coach-in-one-to-one draft studio local',
          'kit-leader-feedback-draft draft studio local',
          'kit-leader-show-your-use draft studio local',
        ].sort(),
      );
      const leader = await fetch(`${server.url}/v1/admin/prompts/kit-leader-show-your-use`, {
        headers: { Authorization: `Bearer ${cliConfig.adminToken}` },
      });
      expect(((await leader.json()) as { draft: { audience: { roles: string[] } } }).draft.audience.roles).toEqual(['team-lead']);
      const config = await fetch(`${server.url}/v1/config?tool=assistant&writeKey=wk_assistant&userId=emp-1`);
      expect(((await config.json()) as { prompts: unknown[] }).prompts).toEqual([]);
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
  });

  it('names an unknown audience or action, with a suggestion, exit 2', async () => {
    expect(await uptake('kit', 'add', 'executiv')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no starter kit for "executiv" (did you mean executive?)'),
    });
    expect(await uptake('kit', 'ad', 'executive')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown action "ad" (did you mean add?)'),
    });
    expect(JSON.parse(await readFile(join(dir, 'uptake.config.json'), 'utf8'))).toEqual(cliConfig);
  });
});
