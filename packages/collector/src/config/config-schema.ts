import { digestsSchema } from './digest-schema.js';
import { z } from 'zod';
import { eventNameSchema, fatigueSchema, limits, promptSchema, surveySchema } from '@uptake/sdk/protocol';
import { importTool } from './import-tool.js';
import { tokenProblems, tokenSchema } from './token-schema.js';
import { xapiConfigSchema } from '../xapi/xapi-config.js';

/** A value given literally, or `env:NAME` to read it from the environment when the config loads. */
const secret = z.string().min(1, 'expected a non-empty string or env:NAME');

export const toolSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'expected 1–64 characters of A-Z a-z 0-9 _ . -')
    // Imported events carry this tool; a tool of that name could pass its events off as imported.
    .refine((id) => id !== importTool, `"${importTool}" is reserved for events of uptake import`)
    .describe('Names the tool in events, metrics and the `tool` filter.'),
  writeKey: z
    .string()
    .min(1)
    .max(limits.writeKeyMaxLength, `at most ${limits.writeKeyMaxLength} characters`)
    .describe("The tool's public key, in its pages' script tag; it lets a page send events for this tool and nothing more."),
  /** Origins allowed to send for this tool, e.g. `https://assistant.corp.example`; `"*"` allows any. */
  origins: z
    .array(z.string().regex(/^(\*|https?:\/\/[^/\s]+)$/, 'expected "*" or an origin such as https://assistant.corp.example (no path)'))
    .default([])
    .describe(
      'Origins whose pages may send for this tool, e.g. https://assistant.corp.example; "*" allows any. Default none (server-side senders only).',
    ),
  /**
   * The secret the tool's backend signs user ids with (`userHash`, SPEC "Identity verification"); a
   * list, newest first, during a rotation.
   */
  identitySecret: z
    .union([secret, z.array(secret).min(1, 'expected at least one secret')])
    .optional()
    .describe(
      "Secret (or env:NAME) the tool's backend computes userHash = HMAC-SHA-256(secret, userId) with; a list, newest first, while rotating. Keep an old secret for at least maxEventAgeDays after adding a new one.",
    ),
  /** `"unverified"`: the tool does not prove user ids; anyone holding its write key can write in a person's name. */
  identity: z
    .literal('unverified')
    .optional()
    .describe('Say "unverified" for a tool that does not send userHash: anyone holding its write key can then act as any user id.'),
});

/** Usage days in 28 from which use is moderate, and heavy: light is 1 … moderateFrom − 1. */
const usageDaysIn28 = z
  .number({ error: 'expected a whole number of usage days from 2 to 28' })
  .int('expected a whole number of usage days from 2 to 28')
  .min(2, 'expected a whole number of usage days from 2 to 28')
  .max(28, 'expected a whole number of usage days from 2 to 28');

export const intensitySchema = z
  .strictObject({
    moderateFrom: usageDaysIn28.default(4).describe('Usage days in 28 from which use is moderate (light below). Default 4.'),
    heavyFrom: usageDaysIn28.default(12).describe('Usage days in 28 from which use is heavy. Default 12.'),
  })
  .refine((i) => i.heavyFrom > i.moderateFrom, {
    path: ['heavyFrom'],
    message: 'expected more usage days than moderateFrom: heavy use is more than moderate use',
  });

/** The collector's config file, `uptake.config.json`. */
export const configSchema = z
  .strictObject({
    // Editors find the JSON Schema through this key; the collector ignores it.
    $schema: z.string().optional().describe("Path or URL of this file's JSON Schema, for editor autocomplete; ignored by the collector."),
    tools: z.array(toolSchema).min(1, 'declare at least one tool').describe('The internal AI tools that send events, one entry each.'),
    adminToken: secret
      .refine((t) => t.startsWith('env:') || t.length >= 16, 'expected at least 16 characters (or env:NAME)')
      .describe('Bearer token of role admin (metrics, exports, imports, erasure); at least 16 characters, or env:NAME.'),
    /** More tokens, each with a name (for the audit log) and a role; `adminToken` is role admin, named `admin`. */
    tokens: z
      .array(tokenSchema)
      .default([])
      .describe('Named tokens with a role (viewer, analyst, editor, admin), e.g. for the HR team; adminToken is role admin. Default none.'),
    /** Events besides `ai.*` that count as using AI at work. */
    usageEvents: z
      .array(eventNameSchema)
      .default([])
      .describe('Events besides ai.* that count as using AI at work (e.g. task.completed). Default none.'),
    /** Usage events that count as engaged use, besides accepting or editing an AI output. */
    engagedEvents: z
      .array(eventNameSchema)
      .default([])
      .describe(
        'Usage events (ai.* or in usageEvents) that count as engaged use besides accepting or editing an AI output, e.g. ai.feature_used. Default none.',
      ),
    /** Usage days in 28 from which a person's use is moderate, and heavy (light below). */
    intensity: intensitySchema
      .default({ moderateFrom: 4, heavyFrom: 12 })
      .describe('Usage days in the last 28 that make use moderate or heavy (light below). Default moderate from 4, heavy from 12.'),
    /** Groups smaller than this are reported as suppressed; never below 5. */
    minGroupSize: z
      .number()
      .int()
      .min(5, 'must be at least 5: smaller groups could identify people')
      .default(10)
      .describe('Figures about fewer people than this are suppressed; at least 5. Default 10.'),
    /** Raw behavioural events older than this many days are purged; absent keeps them forever. */
    retentionDays: z
      .number()
      .int()
      .positive('expected a positive whole number of days')
      .optional()
      .describe('Raw behavioural events older than this many days are purged daily. Default: kept.'),
    /** Store user and anonymous ids as keyed hashes (default). */
    pseudonymize: z.boolean().default(true).describe('Store user and anonymous ids as keyed hashes. Default true.'),
    /** Key of the id hashes; generated on first start and kept in the store when absent. */
    pseudonymSecret: secret
      .optional()
      .describe('Key of the id hashes (or env:NAME). Default: generated on first start and kept in a 0600 key file beside the store.'),
    /** How many prompts and surveys one person sees at most. */
    fatigue: fatigueSchema
      .default({ perDay: 1, perWeek: 3 })
      .describe('Caps over all prompts and surveys together, per person, across devices.'),
    /** Requests per minute per write key and client address, before `429`. */
    rateLimit: z
      .strictObject({
        perMinute: z.number().int().positive().describe('Batches per minute per write key and client address. Default 6000.'),
        configPerMinute: z
          .number()
          .int()
          .positive()
          .default(600)
          .describe('GET /v1/config requests per minute per client address. Default 600.'),
        authFailuresPerMinute: z
          .number()
          .int()
          .positive()
          .default(20)
          .describe('Failed authentications per minute per client address before 429. Default 20.'),
      })
      .default({ perMinute: 6000, configPerMinute: 600, authFailuresPerMinute: 20 })
      .describe('Requests per minute per client address before 429.'),
    /** Whose `X-Forwarded-For` names the client: `true` for any proxy, or the proxies' addresses and CIDR ranges. */
    trustProxy: z
      .union([z.boolean(), z.array(z.string().min(1))])
      .default(false)
      .describe(
        "Behind a load balancer: true, or the proxies' addresses or CIDR ranges whose X-Forwarded-For names the client (rate limits count per client address). Default false.",
      ),
    /** A write-key event older than this before its receipt is refused; at least the SDK's own 7-day queue limit. */
    maxEventAgeDays: z
      .number()
      .int()
      .min(7, "must be at least 7, the SDK's own queue age limit")
      .default(7)
      .describe(
        'Write-key events more than this many days before their receipt are refused (imports with a token may be older). Default 7.',
      ),
    /** A person's events past this many on one UTC day are refused. */
    maxEventsPerPersonPerDay: z
      .number()
      .int()
      .positive()
      .default(5000)
      .describe("A person's events past this many on one UTC day are refused. Default 5000."),
    /** Group commit: write at `maxEvents` pending events or `maxDelayMs` after the first. */
    groupCommit: z
      .strictObject({
        maxEvents: z.number().int().positive().default(5000).describe('Write once this many events are pending. Default 5000.'),
        maxDelayMs: z.number().nonnegative().default(2).describe('Write this long after the first pending event. Default 2.'),
      })
      .default({ maxEvents: 5000, maxDelayMs: 2 })
      .describe('Batches from many requests are written to the store together (acknowledged once durable).'),
    prompts: z
      .array(promptSchema)
      .default([])
      .describe('Contextual tips; the first one due, in this order, is shown (docs/product-owners.md).'),
    surveys: z.array(surveySchema).default([]).describe('Pulse surveys; considered after the prompts, in this order.'),
    digests: digestsSchema
      .optional()
      .describe('Weekly digests of the figures to Slack, Microsoft Teams or any JSON webhook (docs/analysts.md). Default none.'),
    xapi: xapiConfigSchema,
  })
  .superRefine((config, ctx) => {
    const toolIds = new Set(config.tools.map((t) => t.id));
    const seen = (list: { id: string }[], path: 'tools' | 'prompts' | 'surveys') => {
      const ids = new Set<string>();
      list.forEach((item, i) => {
        if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `"${item.id}" is used twice` });
        ids.add(item.id);
      });
    };
    seen(config.tools, 'tools');
    config.tools.forEach((tool, i) => {
      if (tool.identitySecret === undefined && tool.identity === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['tools', i, 'identitySecret'],
          message:
            'set identitySecret (env:NAME) so pages must prove who the user is, or say "identity": "unverified" to accept user ids as given (docs/tool-teams.md)',
        });
      if (tool.identitySecret !== undefined && tool.identity !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['tools', i, 'identity'],
          message: 'a tool with an identitySecret is verified: remove "identity"',
        });
    });
    const keys = new Set<string>();
    config.tools.forEach((tool, i) => {
      if (keys.has(tool.writeKey)) ctx.addIssue({ code: 'custom', path: ['tools', i, 'writeKey'], message: 'used by another tool' });
      keys.add(tool.writeKey);
    });
    for (const problem of tokenProblems(config.tokens, { adminToken: config.adminToken, writeKeys: [...keys] }))
      ctx.addIssue({ code: 'custom', ...problem });
    config.engagedEvents.forEach((name, i) => {
      if (!name.startsWith('ai.') && !config.usageEvents.includes(name))
        ctx.addIssue({
          code: 'custom',
          path: ['engagedEvents', i],
          message: `"${name}" is not a usage event: engaged use is a kind of use, so name an ai.* event or one of usageEvents${config.usageEvents.length ? ` (${config.usageEvents.join(', ')})` : ' (none declared)'}`,
        });
    });
    seen(config.prompts, 'prompts');
    seen(config.surveys, 'surveys');
    for (const path of ['prompts', 'surveys'] as const) {
      config[path].forEach((item, i) => {
        item.tools?.forEach((tool, j) => {
          if (!toolIds.has(tool))
            ctx.addIssue({
              code: 'custom',
              path: [path, i, 'tools', j],
              message: `unknown tool "${tool}"; declared: ${[...toolIds].join(', ')}`,
            });
        });
      });
    }
  });

export type UptakeConfig = z.output<typeof configSchema>;
/** A tool as the config file declares it: its id, write key and allowed origins. */
export type DeclaredTool = z.output<typeof toolSchema>;
