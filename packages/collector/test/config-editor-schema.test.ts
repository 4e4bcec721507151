import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import jsonService from 'vscode-json-languageservice';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../src/config/load-config.js';

// VS Code's JSON support is this library: these tests ask it what an editor would show for a
// config file, with the JSON Schema committed in the repository.
const { getLanguageService, TextDocument } = jsonService;
const schemaPath = fileURLToPath(new URL('../uptake.config.schema.json', import.meta.url));
const exampleConfig = fileURLToPath(new URL('../../../examples/uptake.config.json', import.meta.url));
const schemaUri = `file://${schemaPath}`;

/** The language service as VS Code sets it up: schemas fetched by URI, relative `$schema` paths resolved against the file. */
function editor(settings: { fileMatch?: string[] } = {}) {
  const service = getLanguageService({
    schemaRequestService: async (uri) => {
      if (uri !== schemaUri) throw new Error(`unexpected schema request ${uri}`);
      return readFile(schemaPath, 'utf8');
    },
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
  });
  // `json.schemas` in VS Code's settings: [{ "fileMatch": ["uptake.config.json"], "url": "…" }].
  if (settings.fileMatch) service.configure({ validate: true, schemas: [{ uri: schemaUri, fileMatch: settings.fileMatch }] });
  return service;
}

function open(text: string, uri = `file://${fileURLToPath(new URL('../../../examples/', import.meta.url))}uptake.config.json`) {
  const doc = TextDocument.create(uri, 'json', 1, text);
  return { doc, json: getLanguageService({}).parseJSONDocument(doc) };
}

async function problems(service: ReturnType<typeof editor>, text: string, uri?: string): Promise<string[]> {
  const { doc, json } = open(text, uri);
  return (await service.doValidation(doc, json)).map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

/** Completion labels at the `|` in `text`. */
async function complete(service: ReturnType<typeof editor>, text: string): Promise<string[]> {
  const offset = text.indexOf('|');
  const { doc, json } = open(text.slice(0, offset) + text.slice(offset + 1));
  const list = await service.doComplete(doc, doc.positionAt(offset), json);
  return (list?.items ?? []).map((i) => i.label.replace(/^"|"$/g, ''));
}

const withSchema = (body: string) => `{ "$schema": "../packages/collector/uptake.config.schema.json", ${body} }`;
const base = `"tools": [{ "id": "assistant", "writeKey": "wk_assistant" }], "adminToken": "env:UPTAKE_ADMIN_TOKEN"`;

describe('editor support for uptake.config.json (VS Code JSON language service, committed JSON Schema)', () => {
  it('finds the schema through a "$schema" key and reports no problem in the example config', async () => {
    expect(await problems(editor(), await readFile(exampleConfig, 'utf8'))).toEqual([]);
  });

  it('finds the schema through json.schemas settings (fileMatch), without a "$schema" key', async () => {
    const text = `{ ${base}, "prompts": [{ "id": "tip", "trigger": { "event": "ai.output_rejected", "withinDay": 1 }, "content": { "title": "Hi" } }] }`;
    const messages = await problems(editor({ fileMatch: ['uptake.config.json'] }), text);
    expect(messages.join('\n')).toMatch(/withinDay.*not allowed/);
  });

  it('underlines the mistakes the collector refuses: an unknown key, a share above 1, an unknown question type', async () => {
    const text = withSchema(`${base}, "fatigue": { "perDay": 1, "perWeek": 3, "perMonth": 9 },
      "prompts": [{ "id": "tip", "audience": { "holdout": 1.5 }, "trigger": { "event": "ai.output_rejected" }, "content": { "title": "Hi" } }],
      "surveys": [{ "id": "pulse", "trigger": { "spaced": [7] }, "questions": [{ "id": "q", "type": "stars", "text": "How?" }] }]`);
    const messages = (await problems(editor(), text)).join('\n');
    expect(messages).toMatch(/perMonth.*not allowed/);
    expect(messages).toMatch(/1\.5|maximum|1/);
    expect(messages).toMatch(/scale|nps|choice|multi|text|number/);
    // The collector refuses the same file, naming the same fields.
    expect(() => checkConfig(JSON.parse(text))).toThrow(/fatigue: .*perMonth/);
  });

  it('completes the keys of a trigger, of a question, and the values of `on` and `type`', async () => {
    const service = editor();
    const trigger = await complete(service, withSchema(`${base}, "prompts": [{ "id": "tip", "trigger": { | } }]`));
    expect(trigger).toEqual(
      expect.arrayContaining(['event', 'count', 'withinDays', 'inactiveDays', 'daysSinceTraining', 'spaced', 'selector', 'on', 'url']),
    );
    const on = await complete(service, withSchema(`${base}, "prompts": [{ "id": "tip", "trigger": { "selector": "#ask", "on": | } }]`));
    expect(on).toEqual(expect.arrayContaining(['focus', 'click', 'hover']));
    const type = await complete(service, withSchema(`${base}, "surveys": [{ "id": "s", "questions": [{ "type": | }] }]`));
    expect(type).toEqual(expect.arrayContaining(['scale', 'nps', 'choice', 'multi', 'text', 'number']));
    const top = await complete(service, withSchema(`${base}, |`));
    expect(top).toEqual(expect.arrayContaining(['prompts', 'surveys', 'fatigue', 'usageEvents', 'minGroupSize']));
  });

  it('describes a key on hover', async () => {
    const text = withSchema(
      `${base}, "prompts": [{ "id": "tip", "audience": { "holdout": 0.1 }, "trigger": { "event": "ai.output_rejected", "withinDays": 1 }, "content": { "title": "Hi" } }]`,
    );
    const { doc, json } = open(text);
    const hover = async (key: string) => {
      const result = await editor().doHover(doc, doc.positionAt(text.indexOf(`"${key}"`) + 2), json);
      return JSON.stringify(result?.contents ?? '');
    };
    expect(await hover('withinDays')).toContain('Count the event over the last this many days');
    expect(await hover('holdout')).toContain('control group');
  });

  it('the collector accepts a "$schema" key (a string, ignored) and refuses anything else there', () => {
    const config = {
      $schema: './uptake.config.schema.json',
      tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified' }],
      adminToken: 'env:UPTAKE_ADMIN_TOKEN',
    };
    expect(checkConfig(config).tools[0]?.id).toBe('assistant');
    expect(() => checkConfig({ ...config, $schema: 42 })).toThrow(/\$schema/);
  });

  it('ships in the npm package, where "$schema": "./node_modules/@uptake/collector/uptake.config.schema.json" finds it', async () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--workspace', 'packages/collector'], {
      cwd: root,
    });
    const [pack] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
    expect(pack?.files.map((f) => f.path)).toContain('uptake.config.schema.json');
  });
});
