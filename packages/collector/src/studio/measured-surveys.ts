import { type SurveyConfig, surveySchema } from '@uptake/sdk/protocol';
import type { Store } from '../storage/store.js';
import { measuredItems } from './measured-items.js';

/** The surveys whose results the metrics report: the config file's, then the studio's ever published (`measuredItems`). */
export function measuredSurveys(store: Store, fileSurveys: readonly SurveyConfig[]): Promise<SurveyConfig[]> {
  return measuredItems(store, 'survey', surveySchema, fileSurveys);
}
