import type { ZodType } from 'zod';
import { batchAnswerSchema, batchSchema, configAnswerSchema, eventSchema } from '../../packages/sdk/src/protocol/index.js';
import { parseConfig } from '../../packages/collector/src/config/load-config.js';
import type { Snippet } from './doc-snippets.js';

// JSON blocks of the docs, checked by the schemas the collector and the SDK really use: config by
// the collector's config schema (with the page's `env:` secrets set), wire messages by the protocol's.

/** The keys of a config block: a whole object, or top-level keys shown without their braces (`"tokens": [...]`). */
export function configKeys(snippet: Snippet): Record<string, unknown> {
  const where = `${snippet.doc} line ${snippet.line}`;
  let value: unknown;
  try {
    value = JSON.parse(snippet.text);
  } catch {
    try {
      value = JSON.parse(`{${snippet.text}}`);
    } catch (error) {
      throw new Error(`${where}: not JSON, nor top-level keys of a config: ${(error as Error).message}`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: a config block is an object`);
  return value as Record<string, unknown>;
}

/**
 * Adds each config block's keys to `base`, in the page's order, and loads the result the way
 * `uptake serve` does: a block the schema refuses fails with its page and line.
 */
export function pageConfig(base: Record<string, unknown>, blocks: Snippet[], env: Record<string, string>): Record<string, unknown> {
  let config = base;
  for (const block of blocks) {
    config = { ...config, ...configKeys(block) };
    parseConfig(config, `${block.doc} line ${block.line}`, env);
  }
  return config;
}

/** The protocol's messages a doc block may show, by the name its `<!-- snippet: wire NAME -->` marker gives. */
export const wireSchemas: Record<string, ZodType> = {
  batch: batchSchema,
  'batch-answer': batchAnswerSchema,
  'config-answer': configAnswerSchema,
  event: eventSchema,
};

/** Checks a wire block against the protocol's schema `name`; throws with the page, line and the schema's complaint. */
export function checkWireSnippet(snippet: Snippet, name: string): void {
  const schema = wireSchemas[name];
  if (!schema)
    throw new Error(`${snippet.doc} line ${snippet.line}: no wire schema "${name}" (known: ${Object.keys(wireSchemas).join(', ')})`);
  const result = schema.safeParse(JSON.parse(snippet.text));
  if (!result.success) throw new Error(`${snippet.doc} line ${snippet.line}: not a valid ${name}: ${result.error.message}`);
}
