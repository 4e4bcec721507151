import { z } from 'zod';
import { eventSchema, promptSchema, surveySchema } from '@uptake/sdk/protocol';
import { roles, rolesWith, tokenNeeded } from '../config/roles.js';
import { errorSchema } from './openapi-answers.js';
import type { Access, Named, Operation, Parameter } from './openapi-operation.js';
import { operations, tags } from './openapi-operations.js';
import { curlCommand } from './openapi-try-it.js';

/** A JSON Schema object, as the document holds it. */
type JsonSchema = Record<string, unknown>;

/** The words each refusal status gets, in every operation that may answer it. */
const refusalWords: Readonly<Record<number, string>> = {
  400: 'The request is not valid: the error names the field or parameter.',
  401: 'No credentials, or ones no one holds: an unknown write key, a missing or wrong token.',
  403: "The token's role may not do this (the error names the role needed), or the page's origin is not the tool's.",
  404: 'Nothing by that name.',
  409: 'Conflict with what is stored (the error says what).',
  412: '`If-Match` is not the latest version: reload and try again.',
  413: 'Too large: at most 500 events and 1 MiB per request.',
  415: 'The Content-Type is not accepted (the error names the one to send).',
  429: 'Too many requests from this address; `Retry-After` says when to try again.',
  503: 'Storage unavailable; `Retry-After` says when to try again.',
};

/** Schemas that several answers and bodies hold: each becomes one component, referenced wherever it appears. */
const shared: readonly Named[] = [
  { name: 'Error', schema: errorSchema },
  { name: 'Event', schema: eventSchema },
  { name: 'Prompt', schema: promptSchema },
  { name: 'Survey', schema: surveySchema },
];

const componentRef = (name: string) => `#/components/schemas/${name}`;

/** The words for who may call an operation, as the reference shows them. */
export function accessWords(access: Access): string {
  switch (access.kind) {
    case 'public':
      return 'Public.';
    case 'writeKey':
      return `A tool's write key (public), in the ${access.in}; a browser's Origin must be one of the tool's.`;
    case 'token':
      return 'Any valid token (Bearer).';
    case 'role':
      return `${tokenNeeded(access.capability).replace(/^a/, 'A')} (Bearer${access.basic ? ', or Basic with the token as the password' : ''}).`;
  }
}

function security(access: Access): Record<string, string[]>[] | undefined {
  switch (access.kind) {
    case 'public':
      return [];
    case 'writeKey':
      return access.in === 'query' ? [{ writeKey: [] }] : [];
    case 'token':
      return [{ bearer: [] }];
    case 'role': {
      // OpenAPI 3.1 lets an http scheme's requirement list the roles it needs.
      const needed = rolesWith(access.capability);
      return access.basic ? [{ bearer: needed }, { basic: needed }] : [{ bearer: needed }];
    }
  }
}

/** The component names of the schemas, each schema under one name only. */
class Names {
  private readonly byName = new Map<string, z.ZodType>();
  readonly registry = z.registry<{ id: string }>();

  add({ name, schema }: Named): void {
    const held = this.byName.get(name);
    if (held !== undefined && held !== schema) throw new Error(`two schemas are named ${name} in the OpenAPI document`);
    const named = this.registry.get(schema)?.id;
    if (named !== undefined && named !== name) throw new Error(`one schema is named both ${named} and ${name}`);
    this.byName.set(name, schema);
    this.registry.add(schema, { id: name });
  }
}

/** The registry's schemas as components; a request body's take the suffix `Input` (defaults are optional there). */
function components(names: Names, io: 'input' | 'output'): Record<string, JsonSchema> {
  const suffix = io === 'input' ? 'Input' : '';
  const { schemas } = z.toJSONSchema(names.registry, { io, unrepresentable: 'any', uri: (id) => componentRef(`${id}${suffix}`) });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, { $schema: _s, $id: _i, ...schema }]) => [`${name}${suffix}`, schema as JsonSchema]),
  );
}

const parameterSchema = (schema: z.ZodType | undefined): JsonSchema => {
  if (!schema) return { type: 'string' };
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
};

function parameter(p: Parameter): JsonSchema {
  return { name: p.name, in: p.in, description: p.description, required: p.required ?? false, schema: parameterSchema(p.schema) };
}

/** `get /v1/admin/{kinds}/{id}` → `getV1AdminKindsId`. */
export function operationId(op: Pick<Operation, 'method' | 'path'>): string {
  const words = op.path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return op.method + words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

function operationObject(op: Operation): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const answer of op.answers) {
    const content = answer.json
      ? {
          'application/json': {
            schema: { $ref: componentRef(answer.json.name) },
            ...(answer.example === undefined ? {} : { example: answer.example }),
          },
        }
      : answer.contentType
        ? Object.fromEntries(
            [answer.contentType].flat().map((type) => [
              type,
              // OpenAPI 3.2's itemSchema, ahead of it: the schema of each line or `data:` of a stream.
              { schema: { type: 'string' }, ...(answer.items ? { 'x-itemSchema': { $ref: componentRef(answer.items.name) } } : {}) },
            ]),
          )
        : undefined;
    const headers = answer.headers
      ? Object.fromEntries(
          Object.entries(answer.headers).map(([name, words]) => [name, { description: words, schema: { type: 'string' } }]),
        )
      : undefined;
    responses[String(answer.status)] = {
      description: answer.description,
      ...(headers ? { headers } : {}),
      ...(content ? { content } : {}),
    };
  }
  for (const status of op.refusals ?? []) {
    const words = refusalWords[status];
    if (!words) throw new Error(`no words for a ${status} refusal (${op.method} ${op.path})`);
    responses[String(status)] ??= { description: words, content: { 'application/json': { schema: { $ref: componentRef('Error') } } } };
  }
  const body = op.body
    ? {
        requestBody: {
          required: true,
          content: {
            [op.body.contentType ?? 'application/json']: {
              schema: { $ref: componentRef(`${op.body.name}Input`) },
              ...(op.body.example === undefined ? {} : { example: op.body.example }),
            },
          },
        },
      }
    : {};
  const sec = security(op.access);
  return {
    operationId: operationId(op),
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, `Access: ${accessWords(op.access)}`].filter(Boolean).join('\n\n'),
    ...(sec === undefined ? {} : { security: sec }),
    ...(op.parameters?.length ? { parameters: op.parameters.map(parameter) } : {}),
    ...body,
    responses,
    // The example request the tests replay, as Redoc and others show code samples.
    ...(op.tryIt ? { 'x-codeSamples': [{ lang: 'Shell', label: 'curl', source: curlCommand(op) }] } : {}),
  };
}

/** Every `$ref` under `value`. */
function refsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsIn(v, into);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') into.add(v);
      else refsIn(v, into);
    }
  }
  return into;
}

/** The components the paths reach, directly or through other components. */
function reachable(paths: JsonSchema, all: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const kept: Record<string, JsonSchema> = {};
  const queue = [...refsIn(paths)];
  for (let ref = queue.shift(); ref !== undefined; ref = queue.shift()) {
    const name = ref.replace('#/components/schemas/', '');
    const schema = all[name];
    if (schema === undefined || kept[name]) continue;
    kept[name] = schema;
    queue.push(...refsIn(schema));
  }
  return Object.fromEntries(
    Object.keys(kept)
      .sort()
      .map((name) => [name, kept[name] as JsonSchema]),
  );
}

/** The OpenAPI 3.1 document of the collector's HTTP API, generated from the operations and their zod schemas. */
export function openapiDocument(version: string, list: readonly Operation[] = operations): JsonSchema {
  const outputs = new Names();
  const inputs = new Names();
  for (const named of shared) {
    outputs.add(named);
    inputs.add(named);
  }
  for (const op of list) {
    for (const answer of op.answers) {
      if (answer.json) outputs.add(answer.json);
      if (answer.items) outputs.add(answer.items);
    }
    if (op.body) inputs.add(op.body);
  }
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of list) {
    const path = (paths[op.path] ??= {});
    if (path[op.method]) throw new Error(`two operations for ${op.method} ${op.path}`);
    path[op.method] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Uptake collector',
      version,
      description:
        'The HTTP API of the Uptake collector: events in from tools, prompts and surveys out, figures, exports, the studio, imports ' +
        'and erasure. Generated from the zod schemas that check requests and answers; docs/api.md is the same reference as a page.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'The collector that serves this document.' }],
    tags: tags.map(({ name, description }) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: `A token of the config (adminToken, or a tokens entry with a role: ${roles.join(', ')}). What each role may do: docs/operators.md.`,
        },
        basic: { type: 'http', scheme: 'basic', description: 'For xAPI clients: any user name, the token as the password.' },
        writeKey: { type: 'apiKey', in: 'query', name: 'writeKey', description: "A tool's write key: public, it names the tool." },
      },
      schemas: reachable(paths, { ...components(outputs, 'output'), ...components(inputs, 'input') }),
    },
  };
}
