import type { Exposure, ExposureHistory } from '../rules/types.js';

/** What this browser did with a prompt or survey, kept until the collector's history surely has it. */
export interface JournalEntry {
  kind: 'prompt' | 'survey';
  id: string;
  action: 'shown' | 'held_out' | 'snoozed' | 'dismissed' | 'answered';
  /** The time of the event logged for it (ms), exactly as sent, so the collector's copy is recognised. */
  at: number;
}

const actions = new Set(['shown', 'held_out', 'snoozed', 'dismissed', 'answered']);

export const isJournalEntry = (x: unknown): x is JournalEntry => {
  const e = x as JournalEntry | null;
  return (e?.kind === 'prompt' || e?.kind === 'survey') && typeof e.id === 'string' && actions.has(e.action) && typeof e.at === 'number';
};

export const emptyExposure = (): Exposure => ({
  shows: 0,
  lastShown: null,
  heldOutAt: null,
  dismissed: false,
  lastSnoozed: null,
  lastAnswered: null,
});

const later = (a: string | null, b: string): string => (a !== null && a >= b ? a : b);

/**
 * The person's history as the collector last sent it, plus what this browser's tabs did since: a
 * show, a snooze or an answer counts on every tab at once, and after a reload before its event
 * reached the collector. A show the collector already has (same time in its `recentShows`) is not
 * counted twice.
 */
export function mergeHistory(server: ExposureHistory, journal: readonly JournalEntry[]): ExposureHistory {
  const copy = (book: Record<string, Exposure>) => Object.fromEntries(Object.entries(book).map(([id, e]) => [id, { ...e }]));
  const merged: ExposureHistory = {
    ...server,
    prompts: copy(server.prompts),
    surveys: copy(server.surveys),
    recentShows: [...server.recentShows],
  };
  const known = new Set(server.recentShows);
  for (const entry of journal) {
    const at = new Date(entry.at).toISOString();
    const e = ((entry.kind === 'prompt' ? merged.prompts : merged.surveys)[entry.id] ??= emptyExposure());
    if (entry.action === 'shown') {
      e.lastShown = later(e.lastShown, at);
      if (known.has(at)) continue;
      known.add(at);
      e.shows++;
      merged.recentShows.push(at);
    } else if (entry.action === 'held_out') e.heldOutAt ??= at;
    else if (entry.action === 'snoozed') e.lastSnoozed = later(e.lastSnoozed, at);
    else if (entry.action === 'dismissed') e.dismissed = true;
    else e.lastAnswered = later(e.lastAnswered, at);
  }
  merged.recentShows.sort().reverse();
  return merged;
}
