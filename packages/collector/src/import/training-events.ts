import { createHash } from 'node:crypto';
import type { WireEventInput } from '@uptake/sdk/protocol';
import { importTool } from '../config/import-tool.js';
import { acceptEvents } from '../ingest/accept-events.js';
import type { Pseudonymize } from '../ingest/pseudonymizer.js';
import type { StoredEvent } from '../storage/store.js';
import type { TrainingRow } from './training-row.js';

/**
 * A deterministic id, so importing a file twice stores each event once. It hashes the stored (keyed)
 * user id, never the raw one: an unkeyed hash of an employee id would let anyone holding an export
 * test guesses, which is what pseudonymization prevents.
 */
function eventId(kind: 'trn' | 'idn', storedUserId: string, row: TrainingRow): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([kind, storedUserId, row.program, row.completedAt.toISOString()]))
    .digest('hex');
  return `${kind}_${hash.slice(0, 40)}`;
}

/**
 * The events of training rows: a `training.completed` (`props: { program, cohort? }`) per row and,
 * when the row has a role or team, an `identify` (`props: { role?, team? }`) at the same time. They
 * pass the collector's own validation and pseudonymization (`acceptEvents`), so they join with SDK
 * events. Repeated ids within the call are stored once.
 */
export function trainingEvents(rows: readonly TrainingRow[], pseudonymize: Pseudonymize, receivedAt = new Date()): StoredEvent[] {
  const wire: WireEventInput[] = [];
  for (const row of rows) {
    const stored = pseudonymize(row.userId);
    const base = { ts: row.completedAt.toISOString(), userId: row.userId, tool: importTool };
    wire.push({
      ...base,
      id: eventId('trn', stored, row),
      name: 'training.completed',
      props: { program: row.program, ...(row.cohort ? { cohort: row.cohort } : {}) },
    });
    if (row.role || row.team) {
      wire.push({
        ...base,
        id: eventId('idn', stored, row),
        name: 'identify',
        props: { ...(row.role ? { role: row.role } : {}), ...(row.team ? { team: row.team } : {}) },
      });
    }
  }
  const { rows: events, rejected } = acceptEvents(wire, { tool: importTool, receivedAt, pseudonymize });
  // Rows were validated with the same limits, so a rejection here is a bug, not bad input.
  if (rejected.length > 0) throw new Error(`training import built an invalid event: ${rejected[0]?.error}`);
  return events;
}
