import type { Exposure, ExposureHistory } from './types.js';

/** What a prompt or survey event means for the caps. */
export type ExposureAction = 'shown' | 'held_out' | 'snoozed' | 'dismissed' | 'answered';

/** One thing that happened between a person and one prompt or survey, at an instant (ISO). */
export interface ExposureStep {
  kind: 'prompt' | 'survey';
  id: string;
  action: ExposureAction;
  at: string;
}

/** The part of a person's history that their `prompt.*` and `survey.*` events make. */
export type Exposures = Pick<ExposureHistory, 'prompts' | 'surveys' | 'recentShows'>;

/**
 * What the event `<kind>.<what>` (with the `reason` of a dismissal) means for the caps, or
 * `undefined` when it means nothing (`prompt.clicked`). "Don't show again" ends a prompt. A survey
 * has only its close button: closing it is "Not now", and its `maxShows` bounds how often it is
 * offered (docs/DECISIONS.md).
 */
export function exposureAction(kind: 'prompt' | 'survey', what: string, reason: unknown): ExposureAction | undefined {
  if (what === 'dismissed') return reason === 'dismiss' && kind === 'prompt' ? 'dismissed' : 'snoozed';
  return what === 'shown' || what === 'held_out' || what === 'answered' ? what : undefined;
}

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
 * Folds steps, oldest first, into a copy of `from`: a show counts and is listed in `recentShows`
 * (newest first), the first holdout is kept, a dismissal ends the item, and the latest show, "Not
 * now" and answer are kept; the latest answer starts counting `showsSinceAnswer` anew. Every step
 * counts: leave out those `from` already holds.
 */
export function foldExposures(from: Exposures, steps: Iterable<ExposureStep>): Exposures {
  const copy = (book: Record<string, Exposure>) => Object.fromEntries(Object.entries(book).map(([id, e]) => [id, { ...e }]));
  const folded: Exposures = { prompts: copy(from.prompts), surveys: copy(from.surveys), recentShows: [...from.recentShows] };
  for (const { kind, id, action, at } of steps) {
    const e = ((kind === 'prompt' ? folded.prompts : folded.surveys)[id] ??= emptyExposure());
    if (action === 'shown') {
      e.shows++;
      if (e.lastAnswered !== null && at > e.lastAnswered) e.showsSinceAnswer = (e.showsSinceAnswer ?? 0) + 1;
      e.lastShown = later(e.lastShown, at);
      folded.recentShows.push(at);
    } else if (action === 'held_out') e.heldOutAt ??= at;
    else if (action === 'snoozed') e.lastSnoozed = later(e.lastSnoozed, at);
    else if (action === 'dismissed') e.dismissed = true;
    else if (e.lastAnswered === null || at >= e.lastAnswered) {
      e.lastAnswered = at;
      delete e.showsSinceAnswer;
    }
  }
  folded.recentShows.sort().reverse();
  return folded;
}
