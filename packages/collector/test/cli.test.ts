import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../src/cli/config-command.js';
import { runUptake, spawnServe } from './helpers/spawn-collector.js';
import { event, postBatch } from './helpers/temp-collector.js';
import { useWorkDir } from './helpers/use-temp-dir.js';

// These tests run the built CLI (`npm test` builds first), as a user runs `npx uptake`.
const dir = useWorkDir('uptake-cli-');

const uptake = (...args: string[]) => runUptake(dir, args);

describe('uptake serve and report', () => {
  it('serve stores events; report reads them through the running collector, then from the file after SIGTERM', async () => {
    const server = await spawnServe(['--db', './data/uptake.duckdb'], dir);
    const res = await postBatch(server.url, {
      writeKey: 'wk_assistant',
      events: [event({ id: 'cli-00001', name: 'ai.request' }), event({ id: 'cli-00002' }), event({ id: 'cli-00003', userId: 'u-2' })],
    });
    expect(res.body['accepted']).toBe(3);
    // The CLI tests' tool is marked unverified: serve says what its write key allows.
    await expect.poll(() => server.output()).toContain('warning: tool "assistant" does not verify identity');

    // --json is exactly what the API answers.
    const live = await uptake('report', '--json', '--as-of', '2026-11-22');
    expect(live.code).toBe(0);
    const api = await fetch(`${server.url}/v1/metrics?asOf=2026-11-22`, {
      headers: { Authorization: 'Bearer cli-admin-token-0123456789' },
    });
    expect(JSON.parse(live.stdout)).toEqual(await api.json());
    const liveText = await uptake('report', '--as-of', '2026-11-22');
    expect(liveText.stdout).toContain('Stored: 3 events from 2 people');

    expect(await server.stop('SIGTERM')).toBe(0);
    const offline = await uptake('report', '--as-of', '2026-11-22');
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(
      /^Uptake report as of 2026-11-22 · all tools · all programs · groups under 10 people suppressed\nStored: 3 events from 2 people\n/,
    );
    expect(offline.stdout).toMatch(/Activity\s+DAU 2\s+WAU 2\s+MAU 2/);
    expect(offline.stdout).toContain('Adoption       suppressed (fewer than 10 people)');
    const offlineJson = JSON.parse((await uptake('report', '--json', '--as-of', '2026-11-22')).stdout);
    expect(offlineJson).toEqual(JSON.parse(live.stdout));
  });

  it('report names a bad --as-of and exits non-zero', async () => {
    const result = await uptake('report', '--as-of', '22/11/2026');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--as-of: expected a day YYYY-MM-DD, got "22/11/2026"');
  });

  it('serve with a broken config exits non-zero and names the field', async () => {
    const bad = join(dir, 'bad.config.json');
    await writeFile(
      bad,
      JSON.stringify({ tools: [{ id: 'a', writeKey: 'k', identity: 'unverified' }], adminToken: 'x'.repeat(16), minGroupSize: 2 }),
    );
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

describe('uptake config', () => {
  it('check accepts a good file and lists every problem of a bad one, each with its path', async () => {
    const ok = await uptake('config', 'check', 'uptake.config.json');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('uptake.config.json: ok — 1 tool(s), 0 prompt(s), 0 survey(s), minGroupSize 10');
    // The tool does not verify identity: the check says what anyone holding its write key can do.
    expect(ok.stderr).toContain('warning: tool "assistant" does not verify identity');
    expect(ok.stderr).toContain("anyone holding its public write key can send events in any user's name");

    const secure = join(dir, 'verified.config.json');
    await writeFile(
      secure,
      JSON.stringify({
        tools: [{ id: 'assistant', writeKey: 'wk', identitySecret: 'env:UPTAKE_ID_SECRET' }],
        adminToken: 'env:UPTAKE_ADMIN_TOKEN',
      }),
    );
    const verified = await uptake('config', 'check', secure);
    expect(verified.code).toBe(0);
    expect(verified.stderr).not.toContain('warning');
    expect(verified.stdout).toContain('secrets read from the environment when serving: UPTAKE_ADMIN_TOKEN, UPTAKE_ID_SECRET');

    const neither = join(dir, 'neither.config.json');
    await writeFile(neither, JSON.stringify({ tools: [{ id: 'assistant', writeKey: 'wk' }], adminToken: 'env:UPTAKE_ADMIN_TOKEN' }));
    const refused = await uptake('config', 'check', neither);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('tools[0].identitySecret: set identitySecret (env:NAME)');

    const bad = join(dir, 'prompts.config.json');
    await writeFile(
      bad,
      JSON.stringify({
        tools: [{ id: 'assistant', writeKey: 'wk', identity: 'unverified', origins: [] }],
        adminToken: 'env:UPTAKE_ADMIN_TOKEN',
        prompts: [
          { id: 'a', trigger: { event: 'ai.output_rejected' }, content: { title: 'ok' } },
          { id: 'b', trigger: { event: 'ai.output_rejected' }, content: { title: 'ok' } },
          {
            id: 'c',
            tools: ['nope'],
            trigger: { event: 'ai.output_rejected', withinDays: 0 },
            content: { title: 'ok', action: { label: 'Go', href: 'javascript:alert(1)' } },
          },
        ],
        surveys: [
          {
            id: 's',
            trigger: { daysSinceTraining: [100, 88] },
            questions: [{ id: 'q', type: 'choice', text: 'Pick', options: ['only one'] }],
          },
        ],
      }),
    );
    const result = await uptake('config', 'check', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('prompts[2].trigger.withinDays: expected a positive number');
    expect(result.stderr).toContain('prompts[2].content.action.href: expected an http, https or relative link');
    expect(result.stderr).toContain('prompts[2].tools[0]: unknown tool "nope"; declared: assistant');
    expect(result.stderr).toContain('surveys[0].trigger.daysSinceTraining: from must not be after to');
    expect(result.stderr).toContain('surveys[0].questions[0].options: expected at least two options');
    expect(result.stderr).toMatch(/^uptake config: 5 problem\(s\) in /);
  });

  it('check names a missing file and broken JSON', async () => {
    const missing = await uptake('config', 'check', 'nope.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.json: cannot read the config file (ENOENT)');
    await writeFile(join(dir, 'broken.json'), '{"tools": [');
    expect((await uptake('config', 'check', 'broken.json')).stderr).toContain('broken.json: not valid JSON');
  });

  it('schema prints the JSON Schema generated from the zod schema, and the committed copy is current', async () => {
    const result = await uptake('config', 'schema');
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['tools', 'adminToken', 'minGroupSize', 'prompts', 'surveys']));
    expect(schema.properties.minGroupSize.minimum).toBe(5);
    const committed = JSON.parse(await readFile(new URL('../uptake.config.schema.json', import.meta.url), 'utf8'));
    expect(committed, 'run `npx uptake config schema > packages/collector/uptake.config.schema.json`').toEqual(configJsonSchema());
  });
});
