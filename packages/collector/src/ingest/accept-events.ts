import { eventSchema, formatIssues, limits, type Rejection } from '@uptake/sdk/protocol';
import type { StoredEvent } from '../storage/store.js';
import type { Pseudonymize } from './pseudonymizer.js';
import { fastEvent } from './fast-event.js';
import { controlInId, earliestTs, hasProtoKey, nulField, plainText, wellFormed, wellFormedProps } from './storable-text.js';

/**
 * What a public write key may not do (SPEC "Facts come from their source"): absent for server-side
 * sources holding a token (imports, backfills), which may send training facts and any past time.
 */
export interface WriteKeyRules {
  /** Events older than this before their receipt are refused. */
  maxEventAgeMs: number;
  /** For a tool with identity verification: whether the batch proves this user id. */
  verified?: (userId: string) => boolean;
}

const asIs = (text: string) => text;

/** Traits of `identify` that only imported training may set: a page could otherwise invent programs and cohorts. */
const importedTraits = ['program', 'cohort'] as const;

/** What to do with each event of a batch that passed the envelope checks. */
export interface AcceptContext {
  /** The tool the write key belongs to: events must name it. */
  tool: string;
  receivedAt: Date;
  /** The batch's `sentAt`, when given: event times are shifted by `receivedAt − sentAt`. */
  sentAt?: Date;
  pseudonymize: Pseudonymize;
  /** Set when the batch came with a write key. */
  writeKey?: WriteKeyRules;
}

/**
 * Validates each event on its own, corrects its clock and pseudonymizes its ids. Valid events come
 * back as rows to store; invalid ones as rejections naming the field, so one bad event costs only itself.
 */
export function acceptEvents(
  events: unknown[],
  ctx: AcceptContext,
): { rows: StoredEvent[]; indexes: number[]; rejected: Rejection[]; warnings: string[] } {
  const skew = ctx.sentAt ? ctx.receivedAt.getTime() - ctx.sentAt.getTime() : 0;
  const latest = ctx.receivedAt.getTime() + limits.maxFutureMs;
  const rows: StoredEvent[] = [];
  /** Each row's position in the batch. */
  const indexes: number[] = [];
  const rejected: Rejection[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const rules = ctx.writeKey;
  const oldest = rules ? ctx.receivedAt.getTime() - rules.maxEventAgeMs : -Infinity;
  events.forEach((raw, index) => {
    // The compiled happy path first; zod decides, and words the errors, for everything else.
    let e = fastEvent(raw);
    if (e === undefined) {
      const parsed = eventSchema.safeParse(raw);
      if (!parsed.success) {
        const rawId =
          raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
            ? (raw as { id: string }).id.slice(0, 64)
            : undefined;
        rejected.push({ index, ...(rawId === undefined ? {} : { id: rawId }), error: formatIssues(parsed.error) });
        return;
      }
      e = parsed.data;
    }
    if (hasProtoKey(raw)) {
      rejected.push({ index, id: e.id, error: 'props: keys must not be __proto__, constructor or prototype' });
      return;
    }
    if (e.tool !== ctx.tool) {
      rejected.push({ index, id: e.id, error: `tool: the write key belongs to tool "${ctx.tool}", not "${e.tool}"` });
      return;
    }
    const ts = Date.parse(e.ts) + skew;
    if (ts > latest) {
      rejected.push({ index, id: e.id, error: 'ts: more than 24 hours in the future after clock correction' });
      return;
    }
    if (ts < earliestTs) {
      rejected.push({ index, id: e.id, error: 'ts: before the year 1 after clock correction' });
      return;
    }
    if (rules) {
      const refused = writeKeyRefusal(e.name, e.userId, ts < oldest, rules);
      if (refused) {
        rejected.push({ index, id: e.id, error: refused });
        return;
      }
    }
    const plain = plainText(e);
    if (!plain) {
      const nul = nulField({ userId: e.userId, anonymousId: e.anonymousId, sessionId: e.sessionId, tool: e.tool }, e.props);
      if (nul) {
        rejected.push({ index, id: e.id, error: `${nul}: contains a NUL character (U+0000), which cannot be stored` });
        return;
      }
      const control = controlInId({ userId: e.userId, anonymousId: e.anonymousId, sessionId: e.sessionId });
      if (control) {
        rejected.push({ index, id: e.id, error: `${control.field}: contains a control character (${control.char}); ids may not` });
        return;
      }
    }
    // A batch that repeats an id stores it once; the repeat counts as a duplicate, not an error.
    if (seen.has(e.id)) return;
    seen.add(e.id);
    let props = e.props;
    if (rules && e.name === 'identify') {
      const dropped = importedTraits.filter((trait) => trait in props);
      if (dropped.length) {
        props = Object.fromEntries(Object.entries(props).filter(([key]) => !dropped.includes(key as 'program')));
        warnings.push(
          `events[${index}].props: ${dropped.join(' and ')} not stored; they come from imported training (uptake import training), not from a page`,
        );
      }
    }
    indexes.push(index);
    const text = plain ? asIs : wellFormed;
    rows.push({
      id: e.id,
      name: e.name,
      ts: new Date(ts),
      receivedAt: ctx.receivedAt,
      userId: e.userId === undefined ? null : ctx.pseudonymize(text(e.userId)),
      anonymousId: e.anonymousId === undefined ? null : ctx.pseudonymize(text(e.anonymousId)),
      sessionId: e.sessionId === undefined ? null : text(e.sessionId),
      tool: e.tool,
      props: plain ? props : wellFormedProps(props),
    });
  });
  return { rows, indexes, rejected, warnings };
}

/** Why a write key may not send this event, or `undefined` when it may. */
function writeKeyRefusal(name: string, userId: string | undefined, tooOld: boolean, rules: WriteKeyRules): string | undefined {
  if (name === 'training.completed')
    return 'name: training.completed comes from imported training (uptake import training, POST /v1/import/training), not from a write key';
  if (tooOld)
    return `ts: more than ${Math.round(rules.maxEventAgeMs / 864e5)} days before receipt (maxEventAgeDays); older events come from an import with a token`;
  if (userId !== undefined && rules.verified && !rules.verified(userId))
    return "userId: no valid userHash for this user id in the batch's identities; this tool verifies identity (docs/tool-teams.md)";
  return undefined;
}
