import type { Rejection } from '@uptake/sdk/protocol';
import type { DeclaredTool } from '../config/config-schema.js';
import type { Pseudonymize } from '../ingest/pseudonymizer.js';
import type { StoredEvent } from '../storage/store.js';
import type { LiveItem } from './live-events.js';

/** What `POST /v1/batch` made of a batch it took: the rows stored, the events refused by index. */
export interface BatchOutcome {
  receivedAt: Date;
  /** The write key's tool. */
  tool: string;
  /** The batch's events as sent. */
  events: readonly unknown[];
  rows: readonly StoredEvent[];
  /** Each row's position in the batch. */
  indexes: readonly number[];
  rejected: readonly Rejection[];
  warnings: readonly string[];
  duplicates: number;
  pseudonymize: Pseudonymize;
}

/** A string as sent, cut to `max` characters; anything else is left out. */
const clip = (value: unknown, max: number): string | undefined => (typeof value === 'string' ? value.slice(0, max) : undefined);

/** The person of an event as sent: what the store would keep for its user id, else its anonymous id. */
function sentPerson(event: Record<string, unknown>, pseudonymize: Pseudonymize): { pseudonym?: string; identified?: boolean } {
  const valid = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= 128;
  if (valid(event['userId'])) return { pseudonym: pseudonymize(event['userId']), identified: true };
  if (valid(event['anonymousId'])) return { pseudonym: pseudonymize(event['anonymousId']), identified: false };
  return {};
}

/** A batch's events in their order: each stored one as stored, each refused one with its reason. */
export function batchItems(outcome: BatchOutcome): LiveItem[] {
  const receivedAt = outcome.receivedAt.toISOString();
  const refused = new Map(outcome.rejected.map((r) => [r.index, r]));
  const rowAt = new Map(outcome.indexes.map((index, i) => [index, outcome.rows[i] as StoredEvent]));
  const notes = new Map<number, string>();
  for (const warning of outcome.warnings) {
    const index = /^events\[(\d+)\]/.exec(warning)?.[1];
    if (index !== undefined) notes.set(Number(index), warning.replace(/^events\[\d+\]\./, ''));
  }
  const items: LiveItem[] = [];
  outcome.events.forEach((sent, index) => {
    const rejection = refused.get(index);
    if (rejection) {
      const event = sent && typeof sent === 'object' ? (sent as Record<string, unknown>) : {};
      const id = rejection.id ?? clip(event['id'], 64);
      const name = clip(event['name'], 64);
      const ts = clip(event['ts'], 40);
      items.push({
        type: 'refused',
        receivedAt,
        index,
        tool: outcome.tool,
        ...(id === undefined ? {} : { id }),
        ...(name === undefined ? {} : { name }),
        ...(ts === undefined ? {} : { ts }),
        ...sentPerson(event, outcome.pseudonymize),
        reason: rejection.error,
      });
      return;
    }
    const row = rowAt.get(index);
    // A repeat of an id earlier in the same batch is neither stored nor refused: its first copy speaks for it.
    if (!row) return;
    const pseudonym = row.userId ?? row.anonymousId;
    const note = notes.get(index);
    items.push({
      type: 'accepted',
      receivedAt,
      id: row.id,
      ts: row.ts.toISOString(),
      tool: row.tool,
      name: row.name,
      props: row.props,
      ...(pseudonym === null ? {} : { pseudonym, identified: row.userId !== null }),
      ...(note === undefined ? {} : { note }),
    });
  });
  if (outcome.duplicates > 0) items.push({ type: 'duplicates', receivedAt, tool: outcome.tool, count: outcome.duplicates });
  return items;
}

/** A batch refused as a whole, with the words and status of its answer. */
export function batchRefusal(
  body: unknown,
  status: number,
  reason: string,
  toolsByKey: ReadonlyMap<string, DeclaredTool>,
  receivedAt = new Date(),
): LiveItem {
  const batch = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const writeKey = clip(batch['writeKey'], 64);
  const events = Array.isArray(batch['events']) ? (batch['events'] as unknown[]) : undefined;
  const known = typeof batch['writeKey'] === 'string' ? toolsByKey.get(batch['writeKey'])?.id : undefined;
  // An unknown key names no tool: the tools its events claim let a filtered stream show it to that tool's team.
  const claimed = new Set<string>();
  if (known === undefined)
    for (const event of events ?? []) {
      const tool = event && typeof event === 'object' ? clip((event as Record<string, unknown>)['tool'], 64) : undefined;
      if (tool !== undefined) claimed.add(tool);
    }
  return {
    type: 'batch-refused',
    receivedAt: receivedAt.toISOString(),
    status,
    reason,
    tools: known === undefined ? [...claimed] : [known],
    ...(events === undefined ? {} : { events: events.length }),
    ...(writeKey === undefined ? {} : { writeKey }),
  };
}
