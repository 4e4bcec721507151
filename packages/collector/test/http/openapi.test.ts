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
import { tryItRequest } from '../../src/http/openapi-try-it.js';

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
    // Until every group has its table: each operation is a registered route.
    for (const op of documented) expect(routes).toContain(op);
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
    expect(checked).toBeGreaterThan(5);
    expect(validate('#/components/schemas/BatchAnswer', { accepted: 1, duplicates: 0 })).not.toEqual([]);
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
        expect(res.headers.get('content-type')).toContain(first.contentType);
      }
    });

    it('replays most operations', () => {
      expect(replayed.length).toBeGreaterThan(operations.length * 0.7);
    });
  });
});
