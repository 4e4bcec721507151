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
 * How far the collector's copy of a show may lie from the time this browser journaled it: the
 * collector shifts each event by `receivedAt − sentAt` (transit and the device's clock error).
 */
export const sameShowMs = 5 * 60_000;

/**
 * The person's history as the collector last sent it, plus what this browser's tabs did since: a
 * show, a snooze or an answer counts on every tab at once, and after a reload before its event
 * reached the collector. A show the collector already has is not counted twice: each of its
 * `recentShows` stands for at most one journaled show within `sameShowMs`, the nearest first.
 */
export function mergeHistory(server: ExposureHistory, journal: readonly JournalEntry[]): ExposureHistory {
  // Runs after every host event: each instant is parsed once, and a journal without shows pairs nothing.
  const shown = journal.filter((entry) => entry.action === 'shown');
  const pairs: [number, JournalEntry, number][] = [];
  if (shown.length) {
    server.recentShows.forEach((iso, i) => {
      const at = Date.parse(iso);
      for (const entry of shown) {
        const distance = Math.abs(at - entry.at);
        if (distance <= sameShowMs) pairs.push([distance, entry, i]);
      }
    });
  }
  const known = new Set<JournalEntry>();
  const used = new Set<number>();
  for (const [, entry, i] of pairs.sort((a, b) => a[0] - b[0])) {
    if (known.has(entry) || used.has(i)) continue;
    known.add(entry);
    used.add(i);
  }
  const fresh = journal
    .filter((entry) => !known.has(entry))
    .map((entry): ExposureStep => ({ ...entry, at: new Date(entry.at).toISOString() }));
  return { ...server, ...foldExposures(server, fresh) };
}
