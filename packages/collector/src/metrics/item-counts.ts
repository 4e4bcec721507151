import type { SurveyConfig } from '@uptake/sdk/protocol';
import type { UptakeConfig } from '../config/config-schema.js';
import type { CountSession } from './count-metrics.js';
import { promptClicks } from './prompt-clicks.js';
import { surveyAnswerRows } from './survey-answer-rows.js';
import { type SurveyCounts, surveyCounts } from './survey-counts.js';
import type { MetricsQuery } from './types.js';

/** The exact counts behind the results per item that the metrics' counts do not hold already. */
export interface ItemCounts {
  /** Per prompt id, the treated people who clicked its action. */
  clicks: Map<string, number>;
  surveys: SurveyCounts[];
}

/** The surveys a request reports: the config's (file and studio), for the filtered tool (or every tool). */
export function reportedSurveys(config: UptakeConfig, q: MetricsQuery): SurveyConfig[] {
  return config.surveys.filter((s) => q.tool === undefined || s.tools === undefined || s.tools.includes(q.tool));
}

/** Counts the items' results in the metrics' read session (`q` being the day and filters the counts are for). */
export async function countItems(
  session: CountSession,
  config: UptakeConfig,
  q: MetricsQuery,
  promptIds: readonly string[],
): Promise<ItemCounts> {
  const sql = session.sqlFor(q);
  const restrict = q.program !== undefined || q.cohort !== undefined;
  const surveys = reportedSurveys(config, q);
  const answered = surveys.map((s) => ({ id: s.id, textQuestions: s.questions.filter((x) => x.type === 'text').map((x) => x.id) }));
  const rows = await surveyAnswerRows(session.query, sql, answered, restrict);
  return { clicks: await promptClicks(session.query, sql, promptIds, restrict), surveys: surveyCounts(surveys, rows) };
}
