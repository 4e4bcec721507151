import { importTool } from '../config/import-tool.js';
import { acceptEvents } from '../ingest/accept-events.js';
import type { Store, StoredEvent } from '../storage/store.js';
import { type CompletionFact, readStatement, type StatementRules } from './read-statement.js';
import { factEventId } from './statement-identity.js';

/** A statement not stored, by its position in the request or file. */
export interface RefusedStatement {
  index: number;
  id?: string;
  error: string;
  /** Its id is stored already for a statement that does not match it (xAPI's `409 Conflict`). */
  conflict?: true;
}

/** What storing statements did. */
export interface StatementCounts {
  statements: number;
  /** Completions stored now. */
  stored: number;
  /** Completions stored before (the same statement sent again). */
  duplicates: number;
  /** Statements of other verbs: acknowledged, not stored. */
  ignored: number;
  refused: RefusedStatement[];
}

/** `StatementCounts` and, per statement, its id (given or derived), or null when refused. */
export interface StatementsOutcome extends StatementCounts {
  ids: (string | null)[];
}

/** Where completions go: the facts kept under event ids, and a way to store new ones. */
export interface StatementSink {
  /** The statement fingerprints kept with these event ids, for the ids stored already. */
  fingerprints(eventIds: readonly string[]): Promise<Map<string, string | null>>;
  /** Stores events (ids unique within a call) and resolves with how many were new. */
  insert(events: StoredEvent[]): Promise<number>;
}

/** The fingerprints of a store's events, read in slices of 500 ids. */
export function storedFingerprints(store: Store): StatementSink['fingerprints'] {
  return async (ids) => {
    const found = new Map<string, string | null>();
    for (let first = 0; first < ids.length; first += 500) {
      const slice = ids.slice(first, first + 500);
      const rows = await store.query(
        `SELECT id, ${store.dialect.jsonText('props', 'statement')} AS statement FROM events WHERE id IN (${slice.map((_, i) => store.dialect.param(i + 1)).join(', ')})`,
        slice,
      );
      for (const row of rows) found.set(String(row['id']), row['statement'] === null ? null : String(row['statement']));
    }
    return found;
  };
}

const conflictWords = (id: string) =>
  `id: statement ${id} is stored already with different content; statements are immutable (send a changed statement under a new id)`;

/**
 * Stores the completions among `statements` as `training.completed` events (`props: { program,
 * statement }`, the event id derived from the statement id), pseudonymized like the training
 * import so they join with the tools' events. Valid statements are stored even when others are
 * refused (docs/DECISIONS.md); a statement id stored already stores nothing, and is refused as a
 * conflict when its content differs. `firstIndex` numbers the statements of a file read in parts.
 */
export async function storeStatements(
  statements: readonly unknown[],
  rules: StatementRules,
  sink: StatementSink,
  firstIndex = 0,
): Promise<StatementsOutcome> {
  const outcome: StatementsOutcome = { statements: statements.length, stored: 0, duplicates: 0, ignored: 0, refused: [], ids: [] };
  const facts: { index: number; fact: CompletionFact }[] = [];
  const seen = new Map<string, string | null>();
  statements.forEach((raw, i) => {
    const index = firstIndex + i;
    const reading = readStatement(raw, rules);
    if (reading.kind === 'refused') {
      outcome.refused.push({ index, ...(reading.statementId === undefined ? {} : { id: reading.statementId }), error: reading.error });
      outcome.ids.push(null);
      return;
    }
    const fingerprint = reading.kind === 'completion' ? reading.fingerprint : null;
    if (seen.has(reading.statementId)) {
      if (seen.get(reading.statementId) !== fingerprint) {
        outcome.refused.push({
          index,
          id: reading.statementId,
          error: `id: ${reading.statementId} is used by another statement of this request with different content`,
        });
        outcome.ids.push(null);
        return;
      }
    }
    seen.set(reading.statementId, fingerprint);
    outcome.ids.push(reading.statementId);
    if (reading.kind === 'ignored') outcome.ignored++;
    else facts.push({ index, fact: reading });
  });
  const kept = await sink.fingerprints([...new Set(facts.map(({ fact }) => factEventId(fact.statementId)))]);
  const fresh: { index: number; fact: CompletionFact }[] = [];
  const inRequest = new Set<string>();
  for (const entry of facts) {
    const { statementId, fingerprint } = entry.fact;
    const eventId = factEventId(statementId);
    if (!kept.has(eventId) && !inRequest.has(eventId)) {
      inRequest.add(eventId);
      fresh.push(entry);
    } else if (kept.has(eventId) && kept.get(eventId) !== fingerprint) {
      outcome.refused.push({ index: entry.index, id: statementId, error: conflictWords(statementId), conflict: true });
      outcome.ids[entry.index - firstIndex] = null;
    } else outcome.duplicates++;
  }
  const wire = fresh.map(({ fact }) => ({
    id: factEventId(fact.statementId),
    name: 'training.completed',
    ts: fact.completedAt.toISOString(),
    userId: fact.userId,
    tool: importTool,
    props: { program: fact.program, statement: fact.fingerprint },
  }));
  const { rows, rejected } = acceptEvents(wire, { tool: importTool, receivedAt: rules.receivedAt, pseudonymize: rules.pseudonymize });
  for (const r of rejected) {
    const { index, fact } = fresh[r.index] as { index: number; fact: CompletionFact };
    outcome.refused.push({ index, id: fact.statementId, error: `actor: ${r.error}` });
    outcome.ids[index - firstIndex] = null;
  }
  const inserted = rows.length ? await sink.insert(rows) : 0;
  outcome.stored = inserted;
  // Sent by another request between the look-up and the insert: stored once, by that one.
  outcome.duplicates += rows.length - inserted;
  outcome.refused.sort((a, b) => a.index - b.index);
  return outcome;
}
