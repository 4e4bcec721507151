import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { fitClaimPrefix, fitWhenDue } from '../../src/model/fit-when-due.js';
import { readStoreModel } from '../../src/model/store-model.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/store.js';
import { startCollector } from '../../src/start-collector.js';
import { storeKinds, type StoreTarget } from '../helpers/store-targets.js';
import { testConfig } from '../helpers/temp-collector.js';
import { at, organisationEvents } from './forgetting-events.js';
import { forgettingOrganisation } from './forgetting-organisation.js';

// The daily fit of the half-life model that `uptake serve` runs for adaptive items (issue 18).

const adaptive = async () => true;

async function storeOrganisation(store: Store, people: number) {
  await store.syncUsageEvents([]);
  const events = organisationEvents(people);
  for (let i = 0; i < events.length; i += 5000) await store.insert(events.slice(i, i + 5000));
}

describe.each(storeKinds)('the daily fit of the half-life model: $kind', ({ kind, target: makeTarget }) => {
  let target: StoreTarget;
  let store: Store;
  beforeEach(async () => {
    target = await makeTarget();
    store = await openStore(target.location);
  });
  afterEach(async () => {
    await store.close();
    await target.dispose();
  });

  it('fits nothing while no item is adaptive', async () => {
    await storeOrganisation(store, 50);
    expect(await fitWhenDue(store, async () => false, at(241))).toEqual({ status: 'not needed' });
    expect(await readStoreModel(store)).toBeUndefined();
  });

  it('fits once a day: then the model is fresh until a new day brings a day of usage it has not seen', async () => {
    await storeOrganisation(store, 300);
    const first = await fitWhenDue(store, adaptive, at(241));
    expect(first.status).toBe('fitted');
    expect((await readStoreModel(store))?.usageUntil).toBe('2026-10-27');
    expect(await fitWhenDue(store, adaptive, at(241, 23))).toEqual({ status: 'fresh' });
    const next = await fitWhenDue(store, adaptive, at(242));
    expect(next.status).toBe('fitted');
    expect((await readStoreModel(store))?.usageUntil).toBe('2026-10-28');
    // Yesterday's claim is gone; only today's is kept.
    expect(await store.getSetting(`${fitClaimPrefix}2026-10-28`)).toBeUndefined();
    expect(await store.getSetting(`${fitClaimPrefix}2026-10-29`)).toBeDefined();
  }, 60_000);

  it('tries a day with too little usage once, and again the next day', async () => {
    await storeOrganisation(store, 3);
    const first = await fitWhenDue(store, adaptive, at(241));
    expect(first).toEqual({
      status: 'too little usage',
      detail: expect.stringMatching(/^not enough usage to fit: \d+ observations of 3 people/),
    });
    expect(await fitWhenDue(store, adaptive, at(241, 20))).toEqual({ status: 'claimed' });
    expect((await fitWhenDue(store, adaptive, at(242))).status).toBe('too little usage');
    expect(await readStoreModel(store)).toBeUndefined();
  });

  it('fits once when several collectors look at the same moment', async () => {
    await storeOrganisation(store, 300);
    // On PostgreSQL, two collectors: a second store open on the same database.
    const other = kind === 'postgres' ? await openStore(target.location) : store;
    try {
      const outcomes = await Promise.all([store, other, store, other].map((s) => fitWhenDue(s, adaptive, at(241))));
      expect(outcomes.map((o) => o.status).sort()).toEqual(['claimed', 'claimed', 'claimed', 'fitted']);
    } finally {
      if (other !== store) await other.close();
    }
  }, 60_000);

  it('uptake serve fits at start when the config has an adaptive prompt', async () => {
    await storeOrganisation(store, 300);
    await store.close();
    const config = parseConfig({
      ...testConfig,
      prompts: [
        {
          id: 'recap-adaptive',
          audience: { holdout: 0.2 },
          trigger: { adaptive: { targetRecall: 0.8 } },
          content: { title: 'One thing from your AI training' },
          goal: { event: 'practice.completed', withinDays: 7 },
        },
      ],
    });
    const collector = await startCollector({ config, ...target.location, port: 0 });
    try {
      const deadline = Date.now() + 30_000;
      while (!(await readStoreModel(collector.store)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const kept = await readStoreModel(collector.store);
      // Usage up to yesterday, today being now: the organisation's last day of usage is older.
      expect(kept?.usageUntil).toBe(new Date(Date.now() - 864e5).toISOString().slice(0, 10));
      expect(kept?.people).toBe(forgettingOrganisation(3, 300, 240).filter((p) => p.usageDays.length > 0).length);
    } finally {
      await collector.close();
      store = await openStore(target.location);
    }
  }, 60_000);
});
