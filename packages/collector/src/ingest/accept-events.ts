import { eventSchema, formatIssues, limits, type Rejection } from '@uptake/sdk/protocol';
import type { StoredEvent } from '../storage/store.js';
import type { Pseudonymize } from './pseudonymizer.js';
import { earliestTs, hasProtoKey, nulField, wellFormed, wellFormedProps } from './storable-text.js';

/** What to do with each event of a batch that passed the envelope checks. */
export interface AcceptContext {
  /** The tool the write key belongs to: events must name it. */
  tool: string;
  receivedAt: Date;
  /** The batch's `sentAt`, when given: event times are shifted by `receivedAt − sentAt`. */
  sentAt?: Date;
  pseudonymize: Pseudonymize;
}

/**
 * Validates each event on its own, corrects its clock and pseudonymizes its ids. Valid events come
 * back as rows to store; invalid ones as rejections naming the field, so one bad event costs only itself.
 */
export function acceptEvents(events: unknown[], ctx: AcceptContext): { rows: StoredEvent[]; rejected: Rejection[] } {
  const skew = ctx.sentAt ? ctx.receivedAt.getTime() - ctx.sentAt.getTime() : 0;
  const latest = ctx.receivedAt.getTime() + limits.maxFutureMs;
  const rows: StoredEvent[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set<string>();
  events.forEach((raw, index) => {
    const parsed = eventSchema.safeParse(raw);
    const rawId =
      raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
        ? (raw as { id: string }).id.slice(0, 64)
        : undefined;
    if (!parsed.success) {
      rejected.push({ index, ...(rawId === undefined ? {} : { id: rawId }), error: formatIssues(parsed.error) });
      return;
    }
    const e = parsed.data;
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
    const nul = nulField({ userId: e.userId, anonymousId: e.anonymousId, sessionId: e.sessionId, tool: e.tool }, e.props);
    if (nul) {
      rejected.push({ index, id: e.id, error: `${nul}: contains a NUL character (U+0000), which cannot be stored` });
      return;
    }
    // A batch that repeats an id stores it once; the repeat counts as a duplicate, not an error.
    if (seen.has(e.id)) return;
    seen.add(e.id);
    rows.push({
      id: e.id,
      name: e.name,
      ts: new Date(ts),
      receivedAt: ctx.receivedAt,
      userId: e.userId === undefined ? null : ctx.pseudonymize(wellFormed(e.userId)),
      anonymousId: e.anonymousId === undefined ? null : ctx.pseudonymize(wellFormed(e.anonymousId)),
      sessionId: e.sessionId === undefined ? null : wellFormed(e.sessionId),
      tool: e.tool,
      props: wellFormedProps(e.props),
    });
  });
  return { rows, rejected };
}
