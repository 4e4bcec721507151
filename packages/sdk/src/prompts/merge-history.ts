import { type ExposureStep, foldExposures } from '../rules/fold-exposures.js';
import type { ExposureHistory } from '../rules/types.js';

/** What this browser did with a prompt or survey, kept until the collector's history surely has it. */
export interface JournalEntry extends Omit<ExposureStep, 'at'> {
  /** The time of the event logged for it (ms), exactly as sent, so the collector's copy is recognised. */
  at: number;
}

const actions = new Set(['shown', 'held_out', 'snoozed', 'dismissed', 'answered']);

export const isJournalEntry = (x: unknown): x is JournalEntry => {
  const e = x as JournalEntry | null;
  return (e?.kind === 'prompt' || e?.kind === 'survey') && typeof e.id === 'string' && actions.has(e.action) && typeof e.at === 'number';
};

/**
 * The person's history as the collector last sent it, plus what this browser's tabs did since: a
 * show, a snooze or an answer counts on every tab at once, and after a reload before its event
 * reached the collector. A show the collector already has (same time in its `recentShows`) is not
 * counted twice.
 */
export function mergeHistory(server: ExposureHistory, journal: readonly JournalEntry[]): ExposureHistory {
  const known = new Set(server.recentShows);
  const steps = journal.map((entry): ExposureStep => ({ ...entry, at: new Date(entry.at).toISOString() }));
  const fresh = steps.filter((step) => step.action !== 'shown' || !known.has(step.at));
  return { ...server, ...foldExposures(server, fresh) };
}
