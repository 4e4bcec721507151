import { type SurveyConfig, surveySchema } from '@uptake/sdk/protocol';
import type { Store } from '../storage/store.js';
import { ItemVersions } from './item-versions.js';

/**
 * The surveys whose results the metrics report: the config file's, then the studio's that were ever
 * published, as last published (their questions name the answers), unless the file took their id.
 */
export async function measuredSurveys(store: Store, fileSurveys: readonly SurveyConfig[]): Promise<SurveyConfig[]> {
  const fileIds = new Set(fileSurveys.map((s) => s.id));
  const studio = (await new ItemVersions(store).latest()).flatMap((v) => {
    if (v.kind !== 'survey' || v.live === null || fileIds.has(v.id)) return [];
    const parsed = surveySchema.safeParse(v.live);
    return parsed.success ? [parsed.data] : [];
  });
  return [...fileSurveys, ...studio];
}
