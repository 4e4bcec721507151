import { type ExposureHistory, type ExposureStep, exposureAction, foldExposures } from '@uptake/sdk/rules';
import type { SqlDialect } from '../storage/sql-dialect.js';
import type { SqlQuery } from '../storage/store.js';

/** The ids of the prompts and surveys of the tool asking: other items' shows count only as instants. */
export interface ToolItems {
  prompts: ReadonlySet<string>;
  surveys: ReadonlySet<string>;
}

const only = <T>(book: Record<string, T>, ids: ReadonlySet<string>) =>
  Object.fromEntries(Object.entries(book).filter(([id]) => ids.has(id)));

/**
 * Reads the prompt and survey events of one (pseudonymized) person and folds them into their
 * exposure history (the rules' `foldExposures`, the fold the SDK applies to what its tabs did), so
 * fatigue caps and "don't show again" hold across devices and sessions. The history carries the
 * exposures of `items`; the shows of other tools' items are in `recentShows`, without their ids.
 * `dialect` is the store's.
 */
export async function exposureHistory(query: SqlQuery, dialect: SqlDialect, userId: string, items: ToolItems): Promise<ExposureHistory> {
  const json = (key: string) => dialect.jsonText('props', key);
  const user = dialect.param(1);
  const rows = await query(
    `SELECT name, ${dialect.epochMs('ts')} AS ms, ${json('promptId')} AS prompt_id, ${json('surveyId')} AS survey_id, ${json('reason')} AS reason
     FROM events WHERE user_id = ${user} AND (name LIKE 'prompt.%' OR name LIKE 'survey.%')
     ORDER BY ts, id`,
    [userId],
  );
  const steps: ExposureStep[] = [];
  for (const r of rows) {
    const [kind, what] = String(r['name']).split('.') as ['prompt' | 'survey', string];
    const id = kind === 'prompt' ? r['prompt_id'] : r['survey_id'];
    const action = exposureAction(kind, what, r['reason']);
    if (typeof id !== 'string' || (kind !== 'prompt' && kind !== 'survey') || !action) continue;
    steps.push({ kind, id, action, at: new Date(Number(r['ms'])).toISOString() });
  }
  const folded = foldExposures({ prompts: {}, surveys: {}, recentShows: [] }, steps);
  const history: ExposureHistory = {
    prompts: only(folded.prompts, items.prompts),
    surveys: only(folded.surveys, items.surveys),
    recentShows: folded.recentShows.slice(0, 50),
    trainedAt: null,
    lastUsageAt: null,
  };
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
