import type { ExposureHistory, Exposures } from '@uptake/sdk/rules';
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
 * Reads one (pseudonymized) person's exposure history, the fold of their prompt and survey events
 * (the rules' `foldExposures`, the fold the SDK applies to what its tabs did) kept as rollups, so
 * fatigue caps and "don't show again" hold across devices and sessions. The history carries the
 * exposures of `items`; the shows of other tools' items are in `recentShows`, without their ids.
 * `dialect` is the store's.
 */
export async function exposureHistory(query: SqlQuery, dialect: SqlDialect, userId: string, items: ToolItems): Promise<ExposureHistory> {
  const user = dialect.param(1);
  const ms = (column: string) => `${dialect.epochMs(`MAX(${column})`)}`;
  // The person_items and person_shows rollups (storage/metric-rollups.ts) hold what folding the
  // person's prompt and survey events gives (`foldExposures`), across their tools.
  const rows = await query(
    `SELECT kind, item_id, CAST(SUM(shows) AS INTEGER) AS shows, ${ms('last_shown')} AS last_shown,
            ${dialect.epochMs('MIN(held_out_at)')} AS held_out_at, MAX(CASE WHEN dismissed THEN 1 ELSE 0 END) AS dismissed,
            ${ms('last_snoozed')} AS last_snoozed, ${ms('last_answered')} AS last_answered
     FROM person_items WHERE user_id = ${user} AND id_is_text
     GROUP BY kind, item_id ORDER BY MIN(first_at), kind, item_id`,
    [userId],
  );
  const shows = await query(`SELECT ${dialect.epochMs('ts')} AS ms FROM person_shows WHERE user_id = ${user} ORDER BY ts DESC LIMIT 50`, [
    userId,
  ]);
  const at = (value: unknown) => (value === null || value === undefined ? null : new Date(Number(value)).toISOString());
  const folded: Exposures = { prompts: {}, surveys: {}, recentShows: shows.map((r) => at(r['ms']) as string) };
  for (const r of rows) {
    const book = r['kind'] === 'prompt' ? folded.prompts : folded.surveys;
    book[String(r['item_id'])] = {
      shows: Number(r['shows']),
      lastShown: at(r['last_shown']),
      heldOutAt: at(r['held_out_at']),
      dismissed: Number(r['dismissed']) === 1,
      lastSnoozed: at(r['last_snoozed']),
      lastAnswered: at(r['last_answered']),
    };
  }
  // A survey shown again after its last answer (a recurring one): its shows since that answer,
  // from the person's shows (person_items keeps totals only).
  for (const [id, e] of Object.entries(folded.surveys)) {
    if (!items.surveys.has(id) || e.lastAnswered === null || e.lastShown === null || e.lastShown <= e.lastAnswered) continue;
    const [since] = await query(
      `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM person_shows
       WHERE user_id = ${user} AND kind = 'survey' AND item_id = ${dialect.param(2)} AND ts > CAST(${dialect.param(3)} AS TIMESTAMPTZ)`,
      [userId, id, e.lastAnswered],
    );
    if (Number(since?.['n'] ?? 0) > 0) e.showsSinceAnswer = Number(since?.['n']);
  }
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
  // Each rollup's primary key starts with user_id: one index range on either store.
  const [training] = await query(
    `SELECT CAST(${day} AS VARCHAR) AS day, program, COALESCE(cohort, ${dialect.isoWeek(day)}) AS cohort
     FROM person_trainings WHERE user_id = ${user} ORDER BY ts, id LIMIT 1`,
    [userId],
  );
  const [usage] = await query(`SELECT CAST(MAX(day) AS VARCHAR) AS day FROM daily_usage WHERE user_id = ${user}`, [userId]);
  if (training) {
    history.trainedAt = String(training['day']);
    history.program = training['program'] == null ? null : String(training['program']);
    history.cohort = String(training['cohort']);
  }
  if (usage?.['day'] != null) history.lastUsageDay = String(usage['day']);
  return history;
}
