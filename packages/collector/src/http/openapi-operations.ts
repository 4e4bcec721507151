import { collectorOperations } from './openapi-collector-operations.js';
import { importOperations } from './openapi-import-operations.js';
import type { Operation } from './openapi-operation.js';
import { readOperations } from './openapi-read-operations.js';
import { studioOperations } from './openapi-studio-operations.js';
import { wireOperations } from './openapi-wire-operations.js';

/** The groups of operations (an operation's `tag`), in the order docs/api.md shows them. */
export const tags = [
  {
    name: 'Tools',
    description: "What a tool's pages call with its public write key: events in, prompts and surveys out, the SDK's scripts.",
  },
  { name: 'Figures', description: 'Metrics, counts, exports, survey text answers, digests and the live view, by the role of the token.' },
  {
    name: 'Studio',
    description: 'Prompts and surveys changed without a restart: drafts, versions, publishing, previews, reach (editor, admin).',
  },
  { name: 'Import and erasure', description: 'Facts from their source (training rows, xAPI statements) and erasing a person.' },
  { name: 'Collector', description: 'The collector itself: health, this document, tokens, the audit log, the dashboard.' },
] as const;

/**
 * Every route of the collector, one entry each: a test holds them against the routes Fastify
 * registers, and replays each entry's `tryIt` against a collector holding the demo data. A new
 * route adds its entry to the table of its group (docs/DECISIONS.md, "The API reference").
 */
export const operations: readonly Operation[] = [
  ...wireOperations,
  ...readOperations,
  ...studioOperations,
  ...importOperations,
  ...collectorOperations,
];
