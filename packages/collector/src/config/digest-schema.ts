import { z } from 'zod';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Where one digest goes, and about whom. */
export const digestTargetSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected 1–64 characters of a-z 0-9 -')
    .describe('Names the digest in the deliveries log and in `uptake digest --name`.'),
  format: z
    .enum(['json', 'slack', 'teams'])
    .describe('json (generic), slack (incoming webhook) or teams (Adaptive Card through a Teams workflow).'),
  url: z
    .string()
    .min(1)
    .refine((u) => u.startsWith('env:') || /^https?:\/\//.test(u), 'expected an http(s) URL or env:NAME')
    .describe('The webhook to POST to; env:NAME to read it from the environment (webhook URLs are secrets).'),
  scope: z
    .union([
      z.literal('organisation'),
      z.strictObject({ team: z.string().min(1).max(120).describe('The team trait value, as identify sends it.') }),
    ])
    .describe('"organisation", or { "team": "…" } for one team (opt-in per team) beside the organisation.'),
});

/** Weekly digests to chat webhooks: opt-in, one entry per target. */
export const digestsSchema = z.strictObject({
  weekday: z.enum(weekdays).default('monday').describe('The day digests go out (UTC). Default monday.'),
  hourUtc: z.number().int().min(0).max(23).default(8).describe('The hour (UTC) they go out from. Default 8.'),
  targets: z
    .array(digestTargetSchema)
    .min(1, 'declare at least one target')
    .superRefine((targets, ctx) => {
      const names = new Set<string>();
      targets.forEach((t, i) => {
        if (names.has(t.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `"${t.name}" is used twice` });
        names.add(t.name);
      });
    })
    .describe('Each digest: its name, format, webhook and scope.'),
});

export type DigestTarget = z.output<typeof digestTargetSchema>;
export type DigestsConfig = z.output<typeof digestsSchema>;
export const weekdayNumbers: Record<(typeof weekdays)[number], number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 0,
};
