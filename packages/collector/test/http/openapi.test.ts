import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectorVersion } from '../../src/collector-version.js';
import { parseConfig } from '../../src/config/load-config.js';
import type { Role } from '../../src/config/roles.js';
import { generateDemo } from '../../src/demo/generate-demo.js';
import { openapiDocument, operationId } from '../../src/http/openapi-document.js';
import type { Operation } from '../../src/http/openapi-operation.js';
import { operations } from '../../src/http/openapi-operations.js';
import { registeredRoutes } from '../../src/http/route-list.js';
import { type TempCollector, tempCollector } from '../helpers/temp-collector.js';
import { curlCommand, tryItRequest } from '../../src/http/openapi-try-it.js';

const document = openapiDocument(collectorVersion());
const docId = 'https://uptake.dev/openapi.json';
type Json = Record<string, unknown>;

/** Ajv over the document's components: `validate('Metrics', value)`. */
function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: docId, ...(document as Json) });
  return (ref: string, value: unknown): string[] => {
    const validate = ajv.getSchema(`${docId}${ref}`) ?? ajv.compile({ $ref: `${docId}${ref}` });
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  };
}

/** Tokens of each role, as the replayed requests send them. */
const tokens: Record<Role, string> = {
  viewer: 'viewer-token-0123456789abcdef0123456789',
  analyst: 'analyst-token-0123456789abcdef012345678',
  editor: 'editor-token-0123456789abcdef0123456789',
  admin: 'admin-token-0123456789abcdef',
};

function replayConfig(webhook: string) {
  return parseConfig({
    tools: [{ id: 'assistant', writeKey: 'wk_assistant_example', identity: 'unverified', origins: ['*'] }],
    adminToken: tokens.admin,
    tokens: [
      { name: 'team-leads', role: 'viewer', token: tokens.viewer },
      { name: 'hr-analytics', role: 'analyst', token: tokens.analyst },
      { name: 'enablement', role: 'editor', token: tokens.editor },
    ],
    maxEventAgeDays: 36_500,
    pseudonymize: false,
    prompts: [
      {
        id: 'critique-tip',
        audience: { sample: 1, holdout: 0.1 },
        trigger: { event: 'ai.output_rejected', count: 2, withinDays: 1 },
        content: { title: 'Critique' },
        goal: { event: 'ai.feature_used', props: { feature: 'critique' }, withinDays: 7 },
      },
    ],
    surveys: [
      {
        id: 'behavior-check',
        trigger: { daysSinceTraining: [90, 120] },
        questions: [
          { id: 'applied', type: 'choice', text: 'Have you applied it?', options: ['yes', 'no'] },
          { id: 'example', type: 'text', text: 'An example?' },
        ],
      },
    ],
    digests: { targets: [{ name: 'leadership', format: 'json', url: webhook, scope: 'organisation' }] },
  });
}

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

describe('the OpenAPI document (GET /openapi.json, docs/api.md)', () => {
  let collector: TempCollector;
  let sink: Server;

  beforeAll(async () => {
    // The digests' webhook: the collector sends the week's digest when it starts.
    sink = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    collector = await tempCollector(replayConfig(`http://127.0.0.1:${(sink.address() as AddressInfo).port}/hook`));
    await generateDemo(collector.store, collector.config, { seed: 11, employees: 300, until: '2026-11-29', tool: 'assistant' });
  }, 120_000);

  afterAll(async () => {
    await collector?.stop();
    sink?.close();
  });

  it('has exactly one operation for every route the collector registers, and no operation without a route', () => {
    const routes = registeredRoutes(collector.app).map((r) => key(r.method, r.path));
    expect(routes.length).toBeGreaterThan(20);
    const documented = operations.map((op) => key(op.method, op.path));
    expect(new Set(documented).size, 'one entry per route').toBe(documented.length);
    expect([...routes].sort()).toEqual([...documented].sort());
  });

  it('is served at GET /openapi.json, as generated', async () => {
    const res = await fetch(`${collector.url}/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(document);
  });

  it('has the shape of an OpenAPI 3.1 document', () => {
    expect(document['openapi']).toBe('3.1.0');
    const info = document['info'] as Json;
    expect(info['title']).toBe('Uptake collector');
    expect(info['version']).toBe(collectorVersion());
    const ids = new Set<string>();
    const tagNames = (document['tags'] as { name: string }[]).map((t) => t.name);
    for (const [path, item] of Object.entries(document['paths'] as Record<string, Record<string, Json>>)) {
      expect(path).toMatch(/^\//);
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(item)) {
        expect(['get', 'put', 'post', 'delete']).toContain(method);
        expect(ids.has(op['operationId'] as string), `${op['operationId']} is unique`).toBe(false);
        ids.add(op['operationId'] as string);
        expect(tagNames).toContain((op['tags'] as string[])[0]);
        expect(Object.keys(op['responses'] as Json).length).toBeGreaterThan(0);
        for (const status of Object.keys(op['responses'] as Json)) expect(status).toMatch(/^[1-5]\d\d$/);
        const declared = ((op['parameters'] ?? []) as { name: string; in: string; required: boolean }[]).filter((p) => p.in === 'path');
        expect(declared.map((p) => p.name).sort(), `${method} ${path} declares its path parameters`).toEqual(pathParams);
        for (const p of declared) expect(p.required).toBe(true);
        for (const requirement of (op['security'] ?? []) as Json[])
          for (const scheme of Object.keys(requirement))
            expect(Object.keys((document['components'] as Json)['securitySchemes'] as Json)).toContain(scheme);
      }
    }
    expect(ids.size).toBe(operations.length);
  });

  it('resolves every $ref, and each component compiles as JSON Schema 2020-12', () => {
    const refs = new Set<string>();
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) k === '$ref' && typeof v === 'string' ? refs.add(v) : walk(v);
    };
    walk(document);
    expect(refs.size).toBeGreaterThan(10);
    const schemas = (document['components'] as Json)['schemas'] as Json;
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
    const validate = validator();
    for (const name of Object.keys(schemas)) expect(() => validate(`#/components/schemas/${name}`, null)).not.toThrow();
  });

  it('holds examples that validate against their schemas (and a wrong one that does not)', () => {
    const validate = validator();
    let checked = 0;
    for (const op of operations) {
      for (const answer of op.answers) {
        if (!answer.json || answer.example === undefined) continue;
        expect(validate(`#/components/schemas/${answer.json.name}`, answer.example), `${operationId(op)} ${answer.status}`).toEqual([]);
        checked++;
      }
      if (op.body?.example !== undefined) {
        expect(validate(`#/components/schemas/${op.body.name}Input`, op.body.example), `${operationId(op)} body`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(25);
    // A missing field, and a field the schema does not name, are both caught.
    expect(validate('#/components/schemas/BatchAnswer', { accepted: 1, duplicates: 0 })).not.toEqual([]);
    expect(validate('#/components/schemas/BatchAnswer', { accepted: 1, duplicates: 0, rejected: [], extra: 1 })).not.toEqual([]);
  });

  it("docs/api.md's code blocks are the requests replayed below and the examples checked above", () => {
    const page = readFileSync(new URL('../../../../docs/api.md', import.meta.url), 'utf8');
    const blocks = [...page.matchAll(/^```(\w+)\n([\s\S]*?)\n```$/gm)].map((m) => ({ lang: m[1], text: m[2] as string }));
    const curls = blocks.filter((b) => b.lang === 'sh').map((b) => b.text);
    const replayedCurls = operations.filter((op) => op.tryIt).map(curlCommand);
    expect(curls).toEqual(replayedCurls);
    const examples = operations.flatMap((op) => op.answers.filter((a) => a.json && a.example !== undefined).map((a) => a.example));
    const jsonBlocks = blocks.filter((b) => b.lang === 'json');
    expect(jsonBlocks.length).toBeGreaterThan(20);
    for (const block of jsonBlocks) expect(examples).toContainEqual(JSON.parse(block.text));
    expect(blocks.every((b) => b.lang === 'sh' || b.lang === 'json')).toBe(true);
  });

  describe('replayed against a collector holding the demo data', () => {
    const replayed = operations.filter((op): op is Operation & { tryIt: NonNullable<Operation['tryIt']> } => op.tryIt !== undefined);

    it.each(replayed.map((op) => [key(op.method, op.path), op] as const))('%s answers as documented', async (_name, op) => {
      const { path, init } = tryItRequest(op, op.tryIt.role ? tokens[op.tryIt.role] : undefined);
      const res = await fetch(`${collector.url}${path}`, { ...init, redirect: 'manual' });
      const [first] = op.answers;
      const text = await res.text();
      expect(res.status, text.slice(0, 500)).toBe(first?.status);
      if (first?.json) {
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(validator()(`#/components/schemas/${first.json.name}`, JSON.parse(text))).toEqual([]);
      } else if (first?.contentType) {
        const type = res.headers.get('content-type') ?? '';
        expect(
          [first.contentType].flat().some((t) => type.startsWith(t)),
          type,
        ).toBe(true);
      }
      if (first?.items) {
        const lines = text.split('\n').filter(Boolean);
        expect(lines.length, 'the example request gets rows').toBeGreaterThan(0);
        const validate = validator();
        for (const line of lines.slice(0, 200)) expect(validate(`#/components/schemas/${first.items.name}`, JSON.parse(line))).toEqual([]);
      }
    });

    it('replays most operations', () => {
      expect(replayed.length).toBeGreaterThan(operations.length * 0.7);
    });

    const get = async (path: string, role?: Role) => {
      const res = await fetch(`${collector.url}${path}`, role ? { headers: { Authorization: `Bearer ${tokens[role]}` } } : {});
      return { status: res.status, body: (await res.json()) as unknown };
    };

    it("a viewer's metrics (weekly figures, hidden groups, when an arm will be known) match the Metrics schema", async () => {
      const { status, body } = await get('/v1/metrics?asOf=2026-11-29', 'viewer');
      expect(status).toBe(200);
      expect(body).toHaveProperty('figuresAsOf');
      expect(body).toHaveProperty('hiddenGroups');
      expect(validator()('#/components/schemas/Metrics', body)).toEqual([]);
    });

    it("a batch answer's warnings match the BatchAnswer schema", async () => {
      const identify = { id: 'ev-identify-0001', name: 'identify', ts: '2026-11-29T10:00:00.000Z', userId: 'u-9', tool: 'assistant' };
      const res = await fetch(`${collector.url}/v1/batch`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ writeKey: 'wk_assistant_example', events: [{ ...identify, props: { program: 'made-up' } }] }),
      });
      const body = (await res.json()) as { warnings?: string[] };
      expect(body.warnings?.[0]).toMatch(/program not stored/);
      expect(validator()('#/components/schemas/BatchAnswer', body)).toEqual([]);
    });

    it('refusals match the Error schema, an invalid studio item with its issues', async () => {
      const validate = validator();
      const unauthorized = await get('/v1/metrics');
      expect(unauthorized.status).toBe(401);
      expect(validate('#/components/schemas/Error', unauthorized.body)).toEqual([]);
      const res = await fetch(`${collector.url}/v1/admin/prompts/broken`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens.editor}` },
        body: JSON.stringify({ id: 'broken', trigger: {}, content: { title: '' } }),
      });
      const invalid = (await res.json()) as { issues?: unknown[] };
      expect(res.status).toBe(400);
      expect(invalid.issues?.length).toBeGreaterThan(0);
      expect(validate('#/components/schemas/Error', invalid)).toEqual([]);
    });

    it("GET /v1/live's messages match the LiveMessage schema", async () => {
      const abort = new AbortController();
      const res = await fetch(`${collector.url}/v1/live?tool=assistant`, {
        headers: { Authorization: `Bearer ${tokens.analyst}` },
        signal: abort.signal,
      });
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const messages: Json[] = [];
      let buffer = '';
      const next = async (type: string) => {
        while (!messages.some((m) => m['type'] === type)) {
          const { value } = await reader.read();
          buffer += new TextDecoder().decode(value);
          const parts = buffer.split('\n\n');
          buffer = parts.pop() ?? '';
          for (const part of parts) if (part.startsWith('data: ')) messages.push(JSON.parse(part.slice(6)) as Json);
        }
      };
      await next('hello');
      const event = {
        id: 'ev-live-00000001',
        name: 'ai.output_accepted',
        ts: '2026-11-29T10:00:00.000Z',
        userId: 'u-9',
        tool: 'assistant',
      };
      await fetch(`${collector.url}/v1/batch`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ writeKey: 'wk_assistant_example', events: [event, { ...event, id: 'bad' }] }),
      });
      await next('accepted');
      await next('refused');
      abort.abort();
      const validate = validator();
      for (const message of messages) expect(validate('#/components/schemas/LiveMessage', message), JSON.stringify(message)).toEqual([]);
    });
  });
});
