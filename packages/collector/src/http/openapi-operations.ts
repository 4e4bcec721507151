import { collectorOperations } from './openapi-collector-operations.js';
import type { Operation } from './openapi-operation.js';
import { wireOperations } from './openapi-wire-operations.js';

/** The groups of operations, in the order docs/api.md shows them. */
export const tags = [
  {
    name: 'Tools',
    description: "What a tool's pages call with its public write key: events in, prompts and surveys out, the SDK's scripts.",
  },
  { name: 'Collector', description: 'The collector itself: health, this document, tokens, the audit log, the dashboard.' },
] as const;

/**
 * Every route of the collector, one entry each (a test holds them against the routes Fastify
 * registers). A new route adds its entry to the table of its group; docs/DECISIONS.md says how.
 */
export const operations: readonly Operation[] = [...wireOperations, ...collectorOperations];
