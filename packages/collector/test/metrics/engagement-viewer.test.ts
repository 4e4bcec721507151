import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store, StoredEvent } from '../../src/storage/store.js';
import { storeKinds, type StoreTarget } from '../helpers/store-targets.js';
import { addDays, ev, usedOn } from './metric-data.js';

// Engaged use, intensity and time saved as a viewer reads them (SPEC "Viewers cannot difference"):
// small groups hidden with secondary suppression and left out, counts and hours perturbed within
// their bounds; an analyst reads the exact figures, small groups listed as suppressed.
const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_a', identity: 'unverified', origins: ['*'] }],
  adminToken: 'metrics-admin-token-0123',
  minGroupSize: 5,
});
const A = '2026-06-28'; // a Sunday: a viewer's figures are as of it
const today = '2026-07-01';

/**
 * 14 people, each using AI on 2 days (light) and logging one task of 30 minutes on A; the first 8
 * accept an output (engaged). Roles: analyst ×9, engineer ×3, designer ×2: engineer and designer are
 * under 5 (hidden), together 5 (enough). The last 2 people use AI on 12 days: heavy, a band of 2.
 */
function events(): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (let i = 0; i < 14; i++) {
    const user = `v${i}`;
    const role = i < 9 ? 'analyst' : i < 12 ? 'engineer' : 'designer';
    out.push(ev(user, 'identify', addDays(A, -60), { role }));
    const days = i >= 12 ? 12 : 2;
    for (let d = 0; d < days; d++) out.push(usedOn(user, addDays(A, -d)));
    if (i < 8) out.push(ev(user, 'ai.output_accepted', A));
    out.push(ev(user, 'task.completed', A, { workflow: 'close', aiAssisted: true, minutesSaved: 30 }));
  }
  return out;
}

describe.each(storeKinds)('engaged use and time saved for a viewer, $kind store', ({ target: makeTarget }) => {
  let target: StoreTarget;
  let store: Store;

  beforeAll(async () => {
    target = await makeTarget();
    store = await openStore(target.location);
    await store.insert(events());
  });
  afterAll(async () => {
    await store.close();
    await target.dispose();
  });

  it('an analyst reads exact figures, small groups listed as suppressed', async () => {
    const m = await computeMetrics(store, config, { asOf: A });
    expect(m.engaged?.activity).toEqual({ active: 14, engaged: 8, share: 8 / 14, suppressed: false });
    expect(m.intensity).toMatchObject({ active: 14, light: 12, moderate: 0, heavy: 2, suppressed: false });
    expect(m.timeSaved?.perTask).toEqual({ method: 'per-task', people: 14, hours: 7, hoursPerPerson: 0.5, suppressed: false });
    expect(m.timeSaved?.role.map((r) => [r.key, r.perTask.people, r.perTask.suppressed])).toEqual([
      ['analyst', 9, false],
      ['designer', null, true],
      ['engineer', null, true],
    ]);
  });

  it('a viewer reads perturbed figures within their bounds, small groups and bands hidden and left out', async () => {
    const m = await computeMetrics(store, config, { asOf: A }, { exact: false, today });
    expect(m.figuresAsOf).toBe(A);
    const e = m.engaged?.activity;
    // Counts under 100 people move by at most 2; the engaged stay within the released active.
    expect(Math.abs((e?.active as number) - 14)).toBeLessThanOrEqual(2);
    expect(Math.abs((e?.engaged as number) - 8)).toBeLessThanOrEqual(2);
    expect(e?.engaged as number).toBeLessThanOrEqual(e?.active as number);
    // The heavy band (2) is hidden, and the moderate (0) with it: together still under 5, so the light too.
    expect([m.intensity?.light, m.intensity?.moderate, m.intensity?.heavy]).toEqual([null, null, null]);
    const perTask = m.timeSaved?.perTask;
    expect(Math.abs((perTask?.people as number) - 14)).toBeLessThanOrEqual(2);
    // Hours move by as many mean contributions (0.5 h) as the people count may: at most 1 h from 7.
    expect(Math.abs((perTask?.hours as number) - 7)).toBeLessThanOrEqual(1);
    expect(m.timeSaved?.role.map((r) => r.key)).toEqual(['analyst']);
    expect(m.timeSaved?.hiddenGroups).toEqual({ programs: 0, role: 2, team: 0 });
  });
});
