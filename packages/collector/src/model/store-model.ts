import type { Store } from '../storage/store.js';
import { type Evaluation, evaluateOnHeldOutTime } from './evaluate-model.js';
import { fitHalfLife } from './fit-half-life.js';
import type { HalfLifeModel } from './half-life.js';
import { featureNames, observationsOf } from './observations.js';
import { readTimelines } from './read-timelines.js';

/** The store's setting that keeps the fitted model: aggregates only, nothing about a person. */
export const modelSetting = 'halfLifeModel';
/** Fewer observations than this say too little to fit eight weights. */
export const minObservations = 200;

export interface StoredModel {
  model: HalfLifeModel;
  /** When it was fitted, and the last day whose usage it saw (`YYYY-MM-DD`). */
  fittedAt: string;
  usageUntil: string;
  people: number;
  observations: number;
  /** Mean log-loss on the fitting data. */
  loss: number;
  /** Held-out quality against the baselines, when asked for. */
  evaluation?: Evaluation & { split: string };
}

export class FitError extends Error {}

const dayText = (day: number) => new Date(day * 864e5).toISOString().slice(0, 10);
const dayOf = (text: string) => Math.floor(Date.parse(`${text}T00:00:00Z`) / 864e5);

/**
 * Fits the half-life model on the store's usage up to yesterday (days whose usage is complete) and
 * keeps it in the store's settings with its fit date and quality; with `evaluate`, first judges it on
 * the weeks after `split` (default: the last 8 weeks) against one curve for everyone and the cohort fit.
 */
export async function fitStoreModel(
  store: Store,
  options: { tool?: string | undefined; now?: Date; evaluate?: { split?: string | undefined } } = {},
): Promise<StoredModel> {
  const now = options.now ?? new Date();
  const until = Math.floor(now.getTime() / 864e5) - 1;
  const timelines = await readTimelines(store, { tool: options.tool });
  const all = { from: Number.NEGATIVE_INFINITY, until };
  const observations = timelines.flatMap((person) => observationsOf(person, all));
  if (observations.length < minObservations)
    throw new FitError(
      `not enough usage to fit: ${observations.length} observations of ${timelines.length} ${timelines.length === 1 ? 'person' : 'people'} (at least ${minObservations}; each needs a usage day and a week to follow it at least 7 days later)`,
    );
  let evaluation: StoredModel['evaluation'];
  if (options.evaluate) {
    const split = options.evaluate.split === undefined ? until - 56 : dayOf(options.evaluate.split);
    if (!(split <= until - 13))
      throw new FitError(`--split ${dayText(split)}: needs at least two weeks of usage after it (usage runs to ${dayText(until)})`);
    evaluation = { split: dayText(split), ...evaluateOnHeldOutTime(timelines, { from: Number.NEGATIVE_INFINITY, split, until }) };
  }
  const { loss, ...model } = fitHalfLife(featureNames, observations);
  const stored: StoredModel = {
    model,
    fittedAt: now.toISOString(),
    usageUntil: dayText(until),
    people: timelines.filter((p) => p.usageDays.length > 0).length,
    observations: observations.length,
    loss,
    ...(evaluation ? { evaluation } : {}),
  };
  await store.putSetting(modelSetting, JSON.stringify(stored));
  return stored;
}

/** The model last fitted on this store, if any. */
export async function readStoreModel(store: Store): Promise<StoredModel | undefined> {
  const text = await store.getSetting(modelSetting);
  return text === undefined ? undefined : (JSON.parse(text) as StoredModel);
}

/**
 * The stored model's weights, read again at most every `maxAgeMs`: collectors sharing a store see
 * a model another one fitted within that time, and `/v1/config` reads no setting per request.
 */
export function storedModelReader(store: Store, maxAgeMs = 60_000): () => Promise<HalfLifeModel | undefined> {
  let cached: { at: number; model: Promise<HalfLifeModel | undefined> } | undefined;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at >= maxAgeMs) {
      const model = readStoreModel(store).then((stored) => stored?.model);
      // A failed read is not kept: the next request tries again.
      model.catch(() => {
        cached = undefined;
      });
      cached = { at: now, model };
    }
    return cached.model;
  };
}
