import type { z } from 'zod';
import type { Capability, Role } from '../config/roles.js';

/**
 * Who may call an operation: anyone; a page holding a tool's public write key (and sending from
 * one of the tool's origins); any valid token; or a token whose role has `capability`
 * (`config/roles.ts`), as Bearer or, with `basic`, as the password of Basic.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'writeKey'; in: 'query' | 'body' }
  | { kind: 'token' }
  | { kind: 'role'; capability: Capability; basic?: boolean };

/** A schema the document names: it becomes `#/components/schemas/{name}` (`{name}Input` for a request body). */
export interface Named {
  name: string;
  schema: z.ZodType;
}

/** A query, path or header parameter; its value is a string unless `schema` says more. */
export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  description: string;
  required?: boolean;
  schema?: z.ZodType;
}

/** One answer of an operation: JSON of a named schema, or another content type. */
export interface Answer {
  status: number;
  description: string;
  json?: Named;
  /** The content type(s) of an answer that is not JSON (a script, an export's formats, an event stream). */
  contentType?: string | readonly string[];
  /** For a stream of JSON values (NDJSON lines, Server-Sent Events' `data:`): the schema of each one. */
  items?: Named;
  /** Response headers worth knowing, name → what it says. */
  headers?: Record<string, string>;
  /** An example of the JSON answer, typed by the schema (which is typed by the route's own answer type). */
  example?: unknown;
}

/**
 * A request the docs show (as a `curl` line) and the OpenAPI test sends to a collector holding the
 * demo data: its answer must have the first answer's status and validate against its schema.
 */
export interface TryIt {
  /** Path parameters, e.g. `{ kinds: 'prompts', id: 'critique-tip' }`. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** The role of the token sent as Bearer; none for a public or write-key operation. */
  role?: Role;
}

/** One operation of the collector's HTTP API, as `docs/api.md` and `GET /openapi.json` describe it. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI's form: `/v1/admin/{kinds}/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  parameters?: Parameter[];
  body?: Named & { contentType?: string; example?: unknown };
  /** The answers, the usual one first. */
  answers: Answer[];
  /** Statuses refused with `{"error": "..."}` (and the studio's `issues`), besides `answers`. */
  refusals?: number[];
  tryIt?: TryIt;
}

/** A JSON answer whose example is typed by its schema. */
export function json<S extends z.ZodType>(status: number, description: string, name: string, schema: S, example: z.output<S>): Answer {
  return { status, description, json: { name, schema }, example };
}

/** A request body whose example is typed by its schema's input. */
export function body<S extends z.ZodType>(name: string, schema: S, example: z.input<S>): Operation['body'] {
  return { name, schema, example };
}

/** A query parameter. */
export const query = (name: string, description: string, schema?: z.ZodType): Parameter => ({
  name,
  in: 'query',
  description,
  ...(schema ? { schema } : {}),
});

/** A path parameter (always required). */
export const pathParam = (name: string, description: string, schema?: z.ZodType): Parameter => ({
  name,
  in: 'path',
  description,
  required: true,
  ...(schema ? { schema } : {}),
});

/** `T` with every key required at every depth, so that an optional key one side lacks is a difference. */
type AllKeys<T> = T extends readonly unknown[]
  ? { [K in keyof T]: AllKeys<T[K]> }
  : T extends object
    ? { [K in keyof T]-?: AllKeys<T[K]> }
    : T;

/**
 * Whether `Same<A, B>` holds: each type is assignable to the other (a zod schema's output and a
 * route's answer type), optional keys included (an optional key in one and not the other fails).
 */
export type Same<A, B> = [AllKeys<A>] extends [AllKeys<B>] ? ([AllKeys<B>] extends [AllKeys<A>] ? true : false) : false;

/** A value's type as JSON sends it: dates become ISO strings. */
export type Wire<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
