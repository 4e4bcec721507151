import { describe, expect, it } from 'vitest';
import { fitStoreModel, readStoreModel } from '../../src/model/store-model.js';
import { readTimelines } from '../../src/model/read-timelines.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useFreshStore } from '../helpers/use-fresh-store.js';
import { at, organisationEvents, origin } from './forgetting-events.js';
import { forgettingOrganisation } from './forgetting-organisation.js';

describe.each(storeKinds)('the next-use model on a store: $kind', ({ target }) => {
  const store = useFreshStore(target);

  it('reads timelines from the rollup, fits, keeps the model with its date and quality, and beats both baselines held out', async () => {
    await store.syncUsageEvents([]);
    const events = organisationEvents(400);
    for (let i = 0; i < events.length; i += 5000) await store.insert(events.slice(i, i + 5000));
    const timelines = await readTimelines(store);
    expect(timelines).toHaveLength(400);
    const expected = forgettingOrganisation(3, 400, 240);
    const dayZero = origin / 864e5;
    const shape = (p: { usageDays: readonly number[]; trainedDay: number | null }, shift: number) =>
      JSON.stringify([p.usageDays.length, p.trainedDay! - shift, p.usageDays.map((d) => d - shift)]);
    expect(timelines.map((p) => shape(p, dayZero)).sort()).toEqual(expected.map((p) => shape(p, 0)).sort());

    const stored = await fitStoreModel(store, { now: at(241), evaluate: {} });
    expect(stored.usageUntil).toBe('2026-10-27');
    expect(stored.evaluation?.split).toBe('2026-09-01');
    const e = stored.evaluation!;
    expect(e.model.logLoss).toBeLessThan(Math.min(e.population.logLoss, e.cohort.logLoss));
    expect(e.model.auc).toBeGreaterThan(Math.max(e.population.auc, e.cohort.auc));
    expect(await readStoreModel(store)).toEqual(JSON.parse(JSON.stringify(stored)));
    expect(JSON.stringify(stored)).not.toContain('person-');
  }, 90_000);

  it('refuses to fit on too little usage, saying how much there is', async () => {
    await store.syncUsageEvents([]);
    await store.insert(
      organisationEvents(2)
        .filter((e) => e.userId === 'person-0')
        .slice(0, 10),
    );
    await expect(fitStoreModel(store, { now: at(241) })).rejects.toThrow(
      /not enough usage to fit: \d+ observations of 1 person \(at least 200/,
    );
    expect(await readStoreModel(store)).toBeUndefined();
  });
});
