import { z } from 'zod';

/** A value given literally, or `env:NAME` to read it from the environment when the config loads. */
const secret = z.string().min(1, 'expected a non-empty string or env:NAME');

export const toolSchema = z.object({
  id: z.string().min(1).max(64, 'at most 64 characters'),
  writeKey: z.string().min(1).max(128, 'at most 128 characters'),
  /** Origins allowed to send for this tool, e.g. `https://assistant.corp.example`; `"*"` allows any. */
  origins: z.array(z.string().min(1)).default([]),
});

/** The collector's config file, `uptake.config.json`. Prompts and surveys get their full schema with the rule engine. */
export const configSchema = z.object({
  $schema: z.string().optional(),
  tools: z.array(toolSchema).min(1, 'declare at least one tool'),
  adminToken: secret,
  usageEvents: z.array(z.string().min(1)).default([]),
  minGroupSize: z.number().int().min(5, 'must be at least 5: smaller groups could identify people').default(10),
  /** Raw events older than this many days are purged; absent keeps them forever. */
  retentionDays: z.number().int().positive().optional(),
  /** Store user and anonymous ids as keyed hashes (default). */
  pseudonymize: z.boolean().default(true),
  /** Key of the id hashes; generated on first start and kept in the store when absent. */
  pseudonymSecret: secret.optional(),
  fatigue: z.object({ perDay: z.number().int().nonnegative(), perWeek: z.number().int().nonnegative() }).optional(),
  prompts: z.array(z.unknown()).default([]),
  surveys: z.array(z.unknown()).default([]),
});

export type UptakeConfig = z.output<typeof configSchema>;
export type ToolConfig = z.output<typeof toolSchema>;
