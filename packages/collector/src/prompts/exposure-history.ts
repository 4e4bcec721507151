import type { Exposure, ExposureHistory } from '@uptake/sdk/rules';
import type { SqlDialect } from '../storage/sql-dialect.js';
import type { SqlQuery } from '../storage/store.js';

export type { Exposure, ExposureHistory };

const empty = (): Exposure => ({ shows: 0, lastShown: null, heldOutAt: null, dismissed: false, lastSnoozed: null, lastAnswered: null });

/**
 * Reads the prompt and survey events of one (pseudonymized) person and folds them into their
 * exposure history, so fatigue caps and "don't show again" hold across devices and sessions.
 * `dialect` is the store's.
 */
export async function exposureHistory(query: SqlQuery, dialect: SqlDialect, userId: string): Promise<ExposureHistory> {
  const json = (key: string) => dialect.jsonText('props', key);
  const user = dialect.param(1);
  const rows = await query(
    `SELECT name, ${dialect.epochMs('ts')} AS ms, ${json('promptId')} AS prompt_id, ${json('surveyId')} AS survey_id, ${json('reason')} AS reason
     FROM events WHERE user_id = ${user} AND (name LIKE 'prompt.%' OR name LIKE 'survey.%')
     ORDER BY ts, id`,
    [userId],
  );
  const history: ExposureHistory = { prompts: {}, surveys: {}, recentShows: [], trainedAt: null, lastUsageAt: null };
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
      // "Don't show again" ends a prompt. A survey has only its close button: closing it is "not
      // now", and its `maxShows` bounds how often it is offered (docs/DECISIONS.md).
      if (r['reason'] === 'dismiss' && kind === 'prompt') e.dismissed = true;
      else e.lastSnoozed = at;
    } else if (action === 'answered') {
      e.lastAnswered = at;
    }
  }
  history.recentShows = history.recentShows.slice(0, 50);
  // The rollup's primary key starts with user_id: one index range on either store.
  const [facts] = await query(
    `SELECT (SELECT ${dialect.epochMs('MIN(ts)')} FROM events WHERE name = 'training.completed' AND user_id = ${user}) AS trained_ms,
            (SELECT CAST(MAX(day) AS VARCHAR) FROM daily_usage WHERE user_id = ${user}) AS last_day`,
    [userId],
  );
  if (facts?.['trained_ms'] != null) history.trainedAt = new Date(Number(facts['trained_ms'])).toISOString().slice(0, 10);
  if (facts?.['last_day'] != null)
    history.lastUsageAt = new Date(Date.parse(`${String(facts['last_day'])}T00:00:00Z`) + 86_400_000 - 1).toISOString();
  return history;
}
