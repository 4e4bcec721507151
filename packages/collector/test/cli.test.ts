import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../src/cli/config-command.js';
import { runUptake, spawnServe } from './helpers/spawn-collector.js';
import { event, postBatch } from './helpers/temp-collector.js';
import { useTempDir, useWorkDir } from './helpers/use-temp-dir.js';

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

    // --json is exactly what the API answers with the weekly series (the report prints its trends).
    const live = await uptake('report', '--json', '--as-of', '2026-11-22');
    expect(live.code).toBe(0);
    const api = await fetch(`${server.url}/v1/metrics?asOf=2026-11-22&series=weekly`, {
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
    // A flag's value the CLI cannot read is a usage error (exit 2), named by the flag, without the usage.
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('usage:');
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

  it('an unknown command or flag exits 2 with usage and, when one is near, what was meant', async () => {
    const unknown = await uptake('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).not.toContain('did you mean');
    const typo = await uptake('reprot');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown command "reprot" (did you mean report?)');

    const flag = await uptake('report', '--nope');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^uptake report: unknown flag --nope\n\nusage: uptake report \[--as-of/);
    const near = await uptake('export', '--out', 'x.csv', '--form', 'csv');
    expect(near.code).toBe(2);
    expect(near.stderr).toContain('unknown flag --form (did you mean --format?)');
    const missing = await uptake('report', '--db');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('uptake report: --db: expected a value after it');
    const positional = await uptake('report', 'today');
    expect(positional.code).toBe(2);
    expect(positional.stderr).toContain('unexpected argument today');
  });

  it('--version prints the package version; --help lists the exit codes', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = await uptake('--version');
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = await uptake('--help');
    expect(help.stdout).toContain('Exit codes: 0 done, 1 failed');
  });

  it('commands that read a store refuse a missing file rather than create an empty store', async () => {
    for (const args of [['report'], ['export', '--out', 'none.csv'], ['forget', '--user', 'emp-1']]) {
      const result = await uptake(...args, '--db', './data/mistyped.duckdb');
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('--db ./data/mistyped.duckdb: no store there');
    }
    await expect(readFile(join(dir, 'data', 'mistyped.duckdb'))).rejects.toThrow(/ENOENT/);
    await expect(readFile(join(dir, 'none.csv'))).rejects.toThrow(/ENOENT/);
  }, 60_000);

  it('serve lists every config problem on a line of its own, and prints no deprecation warning', async () => {
    const bad = join(dir, 'two-problems.config.json');
    await writeFile(
      bad,
      JSON.stringify({ tools: [{ id: 'a', writeKey: 'k', identity: 'unverified' }], adminToken: 'short', minGroupSize: 2 }),
    );
    const result = await uptake('serve', '--config', bad, '--port', '0');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`uptake serve: 2 problem(s) in ${bad}:\n  adminToken: expected at least 16 characters`);
    expect(result.stderr).toContain('\n  minGroupSize: must be at least 5');

    const server = await spawnServe(['--db', './data/deprecation.duckdb'], dir);
    try {
      // The unverified-tool warning is printed after the app is built, on the same stream as Node's warnings.
      await expect.poll(() => server.output()).toContain('does not verify identity');
      expect(server.output()).not.toMatch(/Deprecation|DEP0/);
    } finally {
      await server.stop('SIGTERM');
    }
  }, 60_000);
});

describe('uptake without a config file', () => {
  const empty = useTempDir('uptake-cli-noconfig-');
  const bare = (...args: string[]) => runUptake(empty, args);

  it('demo, report and export work with every setting at its default; --tool then asks for --config', async () => {
    const demo = await bare('demo', '--employees', '40');
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/^demo: wrote [\d,]+ events for 40 employees/);
    const report = await bare('report');
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('groups under 10 people suppressed');
    expect(report.stderr).toContain("(no ./uptake.config.json: default settings, groups under 10 suppressed; prompts' uplift needs");
    const exported = await bare('export', '--out', 'events.ndjson');
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^events\.ndjson: \d+ events, ndjson/);
    const tool = await bare('report', '--tool', 'assistant');
    expect(tool.code).toBe(2);
    expect(tool.stderr).toContain('--tool: the tools are declared in the config file; give --config FILE');
    // An explicit --config that is not there is still an error naming it.
    const named = await bare('report', '--config', 'missing.json');
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('missing.json: cannot read the config file (ENOENT)');
  }, 120_000);
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
