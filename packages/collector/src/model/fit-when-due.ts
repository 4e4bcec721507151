import { randomUUID } from 'node:crypto';
import { runRepeatedly } from '../run-repeatedly.js';
import type { Store } from '../storage/store.js';
import { FitError, fitStoreModel, readStoreModel, type StoredModel } from './store-model.js';

/** The settings key, followed by the UTC day, that a collector claims to fit the model that day. */
export const fitClaimPrefix = 'halfLifeModelFit:';

const dayMs = 864e5;
const dayText = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

export type FitOutcome =
  | { status: 'fitted'; stored: StoredModel }
  /** No live item has an adaptive trigger: nothing reads the model. */
  | { status: 'not needed' }
  /** The kept model has seen yesterday's usage already. */
  | { status: 'fresh' }
  /** Today's fit was claimed, by this collector earlier today or by another one sharing the store. */
  | { status: 'claimed' }
  | { status: 'too little usage'; detail: string };

/**
 * Fits the half-life model when an adaptive item is live and the kept model has not seen
 * yesterday's usage: at most once a UTC day. Collectors sharing a store each try; the day is
 * claimed in the store's settings (`initSetting` writes only when unset), so one of them fits and
 * the others leave it. A day with too little usage is tried again the next day; a fit that failed
 * for another reason (the store was away) gives its claim back, so the next look tries again.
 */
export async function fitWhenDue(store: Store, hasAdaptive: () => Promise<boolean>, now: Date): Promise<FitOutcome> {
  if (!(await hasAdaptive())) return { status: 'not needed' };
  const today = Math.floor(now.getTime() / dayMs);
  const kept = await readStoreModel(store);
  if (kept && kept.usageUntil >= dayText(today - 1)) return { status: 'fresh' };
  const claim = `${fitClaimPrefix}${dayText(today)}`;
  const me = randomUUID();
  if ((await store.initSetting(claim, me)) !== me) return { status: 'claimed' };
  // The days before keep no claim: one key a day would otherwise pile up in the settings.
  await store.putSetting(`${fitClaimPrefix}${dayText(today - 1)}`, undefined);
  try {
    return { status: 'fitted', stored: await fitStoreModel(store, { now }) };
  } catch (error) {
    if (error instanceof FitError) return { status: 'too little usage', detail: error.message };
    await store.putSetting(claim, undefined);
    throw error;
  }
}

/** Runs `fitWhenDue` now and every `everyMs` (an hour); returns the stop function. */
export function scheduleFits(
  store: Store,
  hasAdaptive: () => Promise<boolean>,
  log: { info(message: string): void; warn(message: string): void },
  everyMs = 3_600_000,
): () => void {
  return runRepeatedly(async () => {
    try {
      const outcome = await fitWhenDue(store, hasAdaptive, new Date());
      if (outcome.status === 'fitted')
        log.info(
          `half-life model fitted on ${outcome.stored.observations} observations of ${outcome.stored.people} people (usage up to ${outcome.stored.usageUntil})`,
        );
      else if (outcome.status === 'too little usage') log.info(`half-life model not fitted today: ${outcome.detail}`);
    } catch (error) {
      log.warn(`half-life model: the fit failed (${(error as Error).message}); will try again in an hour`);
    }
  }, everyMs);
}
