import type { StoredEvent } from '../storage/store.js';

/** The columns of every export, in order (SPEC "The collector"). */
export const exportColumns = ['id', 'name', 'ts', 'receivedAt', 'userId', 'anonymousId', 'sessionId', 'tool', 'props'] as const;

/** One export row with SPEC's columns: `ts` corrected, times ISO-8601 UTC, `props` an object. */
export interface ExportRow {
  id: string;
  name: string;
  ts: string;
  receivedAt: string;
  userId: string | null;
  anonymousId: string | null;
  sessionId: string | null;
  tool: string;
  props: StoredEvent['props'];
}

/** The export row of a stored event. */
export function exportRow(e: StoredEvent): ExportRow {
  return {
    id: e.id,
    name: e.name,
    ts: e.ts.toISOString(),
    receivedAt: e.receivedAt.toISOString(),
    userId: e.userId,
    anonymousId: e.anonymousId,
    sessionId: e.sessionId,
    tool: e.tool,
    props: e.props,
  };
}
