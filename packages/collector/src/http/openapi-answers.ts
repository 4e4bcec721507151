import { z } from 'zod';
import { promptSchema, surveySchema } from '@uptake/sdk/protocol';
import type { AuditEntry } from '../audit/audit-entry.js';
import type { ExportRow } from '../export/export-row.js';
import { capabilities, roles } from '../config/roles.js';
import type { DigestPreview } from '../digest/preview-digests.js';
import type { ImportCounts } from '../import/import-training.js';
import type { KitAdded } from '../kit/add-kit.js';
import type { TextAnswer } from '../metrics/survey-answer-rows.js';
import { type ForgetCounts, type PersonTableName, personTables } from '../storage/person-tables.js';
import type { StoreSummary } from '../storage/store.js';
import type { ReachEstimate } from '../studio/reach-types.js';
import type { ItemSummary, ItemVersion, ItemView } from '../studio/studio-item.js';
import type { StatementCounts } from '../xapi/store-statements.js';
import type { LiveMessage } from './live-message.js';
import type { Same, Wire } from './openapi-operation.js';

// The collector's JSON answers that the protocol package does not define, as zod schemas for the
// OpenAPI document (docs/api.md). Each is held against the route's own answer type by a `Same`
// check at the end of this file, so a field added to one and not the other fails to compile.

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();

/** Every refusal: `{"error": "<words>"}`; an invalid studio item adds each problem with its field. */
export const errorSchema = z.object({
  error: z.string().describe('What is wrong, in words, naming the field or parameter.'),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const healthSchema = z.object({ ok: z.literal(true) });

export const storeSummarySchema = z.object({
  events: z.number().int(),
  users: z.number().int(),
  byName: z.array(z.object({ name: z.string(), events: z.number().int() })),
});

export const toolListSchema = z.object({ tools: z.array(z.string()).describe("The config's tool ids (write keys are not listed).") });

export const whoamiSchema = z.object({ name: z.string(), role: z.enum(roles), capabilities: z.array(z.enum(capabilities)) });

export const auditLogSchema = z.object({
  entries: z.array(
    z.object({
      at: instant,
      token: z.string().nullable().describe("The token's name; null when the request carried no valid token."),
      role: z.enum(roles).nullable(),
      method: z.string(),
      endpoint: z.string().describe('The route and its non-personal query, e.g. /v1/export?format=csv&user=<person>.'),
      status: z.number().int(),
      rows: z.number().int(),
    }),
  ),
});

const digestFigure = z.object({
  label: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  trend: z.array(z.number().nullable()).describe('The last 4 weeks, oldest first; null where suppressed.'),
  organisation: z.number().nullable().optional(),
  kind: z.enum(['count', 'rate']),
});

export const digestPreviewsSchema = z.object({
  previews: z.array(
    z.union([
      z.object({
        name: z.string(),
        digest: z.object({
          name: z.string(),
          scope: z.union([z.literal('organisation'), z.object({ team: z.string() })]),
          week: z.object({ from: day, to: day }),
          title: z.string(),
          figures: z.array(digestFigure),
        }),
      }),
      z.object({ name: z.string(), withheld: z.string().describe('Why it would not go out today.') }),
    ]),
  ),
});

export const surveyTextAnswersSchema = z.object({
  survey: z.string(),
  question: z.string(),
  asOf: day,
  answers: z.array(z.object({ value: z.string(), wave: z.number().int(), week: z.string() })),
});

const personTableNames = personTables.map((t) => t.table) as [PersonTableName, ...PersonTableName[]];

export const erasureSchema = z.object({
  deleted: z.record(z.enum(personTableNames), z.number().int()).describe('Rows deleted per table (events, then the rollups).'),
});

export const importCountsSchema = z.object({
  rows: z.number().int(),
  events: z.number().int().describe('Events the rows make: one per row, two when it has a role or team.'),
  inserted: z.number().int(),
  existing: z.number().int(),
});

const refusedStatement = z.object({
  index: z.number().int(),
  id: z.string().optional(),
  error: z.string(),
  conflict: z.literal(true).optional(),
});

export const statementCountsSchema = z.object({
  statements: z.number().int(),
  stored: z.number().int(),
  duplicates: z.number().int(),
  ignored: z.number().int().describe('Statements of other verbs: acknowledged, not stored.'),
  refused: z.array(refusedStatement),
});

/** A refusal of `POST /xAPI/statements`; when statements were refused, which, and the ids of those stored or acknowledged. */
export const xapiRefusalSchema = errorSchema.extend({
  refused: z.array(refusedStatement).optional().describe('When statements were refused: each by its index, with the reason.'),
  ids: z.array(z.string().nullable()).optional().describe('Per statement, its id, or null when refused.'),
});

export const xapiAboutSchema = z.object({ version: z.array(z.string()) });

const itemKind = z.enum(['prompt', 'survey']);
const itemStatus = z.enum(['draft', 'live', 'paused', 'archived']);
const itemBody = z.union([promptSchema, surveySchema]);

export const itemSummarySchema = z.object({
  kind: itemKind,
  id: z.string(),
  status: itemStatus,
  version: z.number().int().nullable().describe('The latest version; null for an item of the config file.'),
  source: z.enum(['file', 'studio']),
  liveVersion: z.number().int().nullable(),
  unpublished: z.boolean(),
  title: z.string(),
  savedBy: z.string().nullable(),
  savedAt: instant.nullable(),
  warning: z.string().optional(),
});

export const itemListSchema = z.object({ items: z.array(itemSummarySchema) });

export const itemViewSchema = itemSummarySchema.extend({
  draft: itemBody,
  live: itemBody.nullable(),
  etag: z.string().nullable().describe('Send it as If-Match with the next change; null for the config file’s items.'),
});

const versionFields = {
  kind: itemKind,
  id: z.string(),
  version: z.number().int(),
  change: z.enum(['save', 'publish', 'pause', 'archive']),
  status: itemStatus,
  liveVersion: z.number().int().nullable(),
  savedBy: z.string(),
  savedAt: instant,
};

export const itemVersionSchema = z.object({ ...versionFields, draft: itemBody, live: itemBody.nullable() });

export const itemVersionsSchema = z.object({ versions: z.array(z.object(versionFields)) });

const previewFields = { kind: itemKind, id: z.string(), version: z.number().int(), expiresAt: instant };

export const previewCodeSchema = z.object({
  ...previewFields,
  code: z.string().describe('Open a page of the tool with ?uptake-preview=<code>.'),
  links: z.array(z.object({ tool: z.string(), url: z.string() })),
});

export const previewedItemSchema = z.object({ ...previewFields, item: itemBody });

const reachFigure = z.union([z.object({ about: z.number().int() }), z.object({ fewerThan: z.number().int() })]);

export const reachEstimateSchema = z.object({
  kind: itemKind,
  id: z.string(),
  asOf: day,
  tools: z.array(z.string()),
  minGroupSize: z.number().int(),
  figures: z.object({ people: reachFigure, shown: reachFigure, heldOut: reachFigure.nullable() }),
  notEstimated: z.array(z.string()),
  basis: z.array(z.string()),
  summary: z.string(),
});

const props = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** One line of an NDJSON export (and one row of CSV and Parquet): an event as stored. */
export const exportRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  ts: instant.describe('The event time, corrected for the device clock.'),
  receivedAt: instant,
  userId: z.string().nullable().describe('The pseudonym the store keeps (unless the config turns pseudonymization off).'),
  anonymousId: z.string().nullable(),
  sessionId: z.string().nullable(),
  tool: z.string(),
  props,
});

const livePerson = {
  person: z.string().optional().describe('A per-stream alias (6 hex characters), never an id.'),
  identified: z.boolean().optional(),
};

/** One `data:` message of `GET /v1/live`. */
export const liveMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), tool: z.string().optional(), name: z.string().optional() }),
  z.object({
    type: z.literal('accepted'),
    ...livePerson,
    receivedAt: instant,
    id: z.string(),
    ts: instant,
    tool: z.string(),
    name: z.string(),
    props,
    note: z.string().optional(),
  }),
  z.object({
    type: z.literal('refused'),
    ...livePerson,
    receivedAt: instant,
    index: z.number().int(),
    tool: z.string(),
    id: z.string().optional(),
    name: z.string().optional(),
    ts: z.string().optional(),
    reason: z.string(),
  }),
  z.object({
    type: z.literal('batch-refused'),
    receivedAt: instant,
    status: z.number().int(),
    reason: z.string(),
    tools: z.array(z.string()),
    events: z.number().int().optional(),
    writeKey: z.string().optional(),
  }),
  z.object({ type: z.literal('duplicates'), receivedAt: instant, tool: z.string(), count: z.number().int() }),
  z.object({ type: z.literal('skipped'), count: z.number().int() }),
  z.object({ type: z.literal('bye'), reason: z.string() }),
]);

const kitAudience = z.enum(['executive', 'leader', 'professional', 'technical']);
const kitItemLine = z.object({ kind: itemKind, id: z.string(), title: z.string() });
const kitFields = { audience: kitAudience, applies: z.string().describe('What the audience needs to apply, in a few words.') };

export const kitListSchema = z.object({ kits: z.array(z.object({ ...kitFields, items: z.array(kitItemLine) })) });

export const kitSchema = z.object({
  ...kitFields,
  items: z.array(kitItemLine.extend({ body: z.record(z.string(), z.unknown()).describe('The item as a config file holds it.') })),
});

export const kitAddedSchema = z.object({
  audience: kitAudience,
  added: z.array(z.string()).describe('The ids saved as drafts.'),
  skipped: z.array(z.string()).describe('The ids that exist already (in the config file or the studio), left as they are.'),
});

/** The answer of `GET /v1/admin/kits`. */
export type KitList = z.output<typeof kitListSchema>;
/** The answer of `GET /v1/admin/kits/{audience}`. */
export type KitAnswer = z.output<typeof kitSchema>;

/** The answer of `POST /v1/admin/{kinds}/{id}/preview`. */
export type PreviewCodeAnswer = z.output<typeof previewCodeSchema>;
/** The answer of `GET /v1/preview`. */
export type PreviewedItem = z.output<typeof previewedItemSchema>;
/** The answer of `GET /v1/whoami`. */
export type WhoAmI = z.output<typeof whoamiSchema>;
/** The answer of `GET /v1/tools`. */
export type ToolList = z.output<typeof toolListSchema>;

const checks: [
  Same<z.output<typeof storeSummarySchema>, StoreSummary>,
  Same<z.output<typeof auditLogSchema>['entries'][number], Wire<AuditEntry>>,
  Same<z.output<typeof digestPreviewsSchema>['previews'][number], DigestPreview>,
  Same<z.output<typeof surveyTextAnswersSchema>['answers'][number], TextAnswer>,
  Same<z.output<typeof importCountsSchema>, ImportCounts>,
  Same<z.output<typeof statementCountsSchema>, StatementCounts>,
  Same<z.output<typeof itemSummarySchema>, ItemSummary>,
  Same<z.output<typeof itemViewSchema>, ItemView>,
  Same<z.output<typeof itemVersionSchema>, ItemVersion>,
  Same<z.output<typeof reachEstimateSchema>, ReachEstimate>,
  Same<z.output<typeof exportRowSchema>, ExportRow>,
  Same<z.output<typeof liveMessageSchema>, LiveMessage>,
  Same<z.output<typeof erasureSchema>['deleted'], ForgetCounts>,
  Same<z.output<typeof kitAddedSchema>, KitAdded>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true];
void checks;
