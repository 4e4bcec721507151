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
    lastUsageDay: null,
    program: null,
    cohort: null,
  };
  const day = dialect.utcDay('ts');
  const [training] = await query(
    `SELECT CAST(${day} AS VARCHAR) AS day, ${json('program')} AS program, COALESCE(${json('cohort')}, ${dialect.isoWeek(day)}) AS cohort
     FROM events WHERE name = 'training.completed' AND user_id = ${user} ORDER BY ts, id LIMIT 1`,
    [userId],
  );
  // The rollup's primary key starts with user_id: one index range on either store.
  const [usage] = await query(`SELECT CAST(MAX(day) AS VARCHAR) AS day FROM daily_usage WHERE user_id = ${user}`, [userId]);
  if (training) {
    history.trainedAt = String(training['day']);
    history.program = training['program'] == null ? null : String(training['program']);
    history.cohort = String(training['cohort']);
  }
  if (usage?.['day'] != null) history.lastUsageDay = String(usage['day']);
  return history;
}
