import type { PromptConfig, SurveyConfig } from '@uptake/sdk/protocol';
import { emptyExposure, type ExposureHistory } from '@uptake/sdk/rules';
import { dueDayOf } from '../model/due-day.js';
import type { HalfLifeModel } from '../model/half-life.js';
import { queryTimelines } from '../model/read-timelines.js';
import type { SqlDialect } from '../storage/sql-dialect.js';
import type { SqlQuery } from '../storage/store.js';

const dayText = (day: number) => new Date(day * 864e5).toISOString().slice(0, 10);

/**
 * Gives each `adaptive` item of the history its due day for this (pseudonymized) person
 * (`exposure.dueDay`), from their usage days, training and role read here and the store's fitted
 * model: the day is all the browser learns of them. Reads nothing when no item is adaptive.
 */
export async function addDueDays(
  query: SqlQuery,
  dialect: SqlDialect,
  userId: string,
  items: { prompts: readonly PromptConfig[]; surveys: readonly SurveyConfig[] },
  history: ExposureHistory,
  model: () => Promise<HalfLifeModel | undefined>,
): Promise<void> {
  const adaptive = [
    ...items.prompts.map((item) => ({ item, book: history.prompts })),
    ...items.surveys.map((item) => ({ item, book: history.surveys })),
  ].filter(({ item }) => item.trigger.adaptive !== undefined);
  if (adaptive.length === 0) return;
  const [person] = await queryTimelines(query, dialect, { userId });
  if (!person) return;
  const fitted = await model();
  for (const { item, book } of adaptive) {
    const day = dueDayOf(person, item.trigger.adaptive!, fitted);
    if (day !== undefined) (book[item.id] ??= emptyExposure()).dueDay = dayText(day);
  }
}
