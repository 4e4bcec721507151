import type { SqlQuery } from '../storage/store.js';

/** What one person has seen of one prompt or survey, across every device. */
export interface Exposure {
  /** Times shown (`prompt.shown` / `survey.shown`). */
  shows: number;
  lastShown: string | null;
  /** When the person was held out (a prompt's control group), if ever. */
  heldOutAt: string | null;
  /** "Don't show again" (`*.dismissed` with `reason: "dismiss"`): never again. */
  dismissed: boolean;
  /** Last "Not now" (`*.dismissed` with `reason: "snooze"`, or any other reason). */
  lastSnoozed: string | null;
  /** Surveys: when the person last answered a question of it. */
  lastAnswered: string | null;
}

/** A person's exposure history: per prompt and per survey id, and when anything was last shown. */
export interface ExposureHistory {
  prompts: Record<string, Exposure>;
  surveys: Record<string, Exposure>;
  /** Times any prompt or survey was shown, newest first, at most 50: global fatigue caps count these. */
  recentShows: string[];
}

const empty = (): Exposure => ({ shows: 0, lastShown: null, heldOutAt: null, dismissed: false, lastSnoozed: null, lastAnswered: null });

/**
 * Reads the prompt and survey events of one (pseudonymized) person and folds them into their
 * exposure history, so fatigue caps and "don't show again" hold across devices and sessions.
 */
export async function exposureHistory(query: SqlQuery, userId: string): Promise<ExposureHistory> {
  const rows = await query(
    `SELECT name, CAST(EXTRACT(EPOCH FROM ts) * 1000 AS BIGINT) AS ms, (props->>'promptId') AS prompt_id, (props->>'surveyId') AS survey_id, (props->>'reason') AS reason
     FROM events WHERE user_id = $1 AND (name LIKE 'prompt.%' OR name LIKE 'survey.%')
     ORDER BY ts, id`,
    [userId],
  );
  const history: ExposureHistory = { prompts: {}, surveys: {}, recentShows: [] };
  for (const r of rows) {
    const name = String(r['name']);
    const [kind, action] = name.split('.') as ['prompt' | 'survey', string];
    const id = kind === 'prompt' ? r['prompt_id'] : r['survey_id'];
    if (typeof id !== 'string' || (kind !== 'prompt' && kind !== 'survey')) continue;
    const at = new Date(Number(r['ms'])).toISOString();
    const book = kind === 'prompt' ? history.prompts : history.surveys;
    const e = (book[id] ??= empty());
    if (action === 'shown') {
      e.shows++;
      e.lastShown = at;
      history.recentShows.unshift(at);
    } else if (action === 'held_out') {
      e.heldOutAt ??= at;
    } else if (action === 'dismissed') {
      if (r['reason'] === 'dismiss') e.dismissed = true;
      else e.lastSnoozed = at;
    } else if (action === 'answered') {
      e.lastAnswered = at;
    }
  }
  history.recentShows = history.recentShows.slice(0, 50);
  return history;
}
