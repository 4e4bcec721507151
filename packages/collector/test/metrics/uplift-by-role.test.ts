import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { upliftTest } from '../../src/metrics/uplift-test.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store, StoredEvent } from '../../src/storage/store.js';
import { storeKinds, type StoreTarget } from '../helpers/store-targets.js';
import { ev } from './metric-data.js';

// A prompt's test as each reader gets it: 60 people shown the tip and 40 held out on 2026-06-01;
// half of each arm used the goal feature in the 14 days before (on 2026-05-25), and they convert
// far more often (shown 24 of 30 vs 6 of 30; held out 12 of 20 vs 2 of 20). A second prompt, with
// no effect at all, makes Benjamini–Hochberg's family two.
const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_a', identity: 'unverified', origins: ['*'] }],
  adminToken: 'uplift-by-role-admin-token',
  pseudonymSecret: 'uplift-by-role-pseudonym-secret',
  minGroupSize: 5,
  prompts: [
    { id: 'tip', trigger: { event: 'ai.request' }, content: { title: 'Tip' }, goal: { event: 'ai.feature_used', withinDays: 7 } },
    { id: 'flat', trigger: { event: 'ai.request' }, content: { title: 'Flat' }, goal: { event: 'report.generated', withinDays: 7 } },
  ],
});

function organisation(): StoredEvent[] {
  const events: StoredEvent[] = [];
  const arm = (name: 'prompt.shown' | 'prompt.held_out', prefix: string, size: number, withBefore: number, withoutBefore: number) => {
    for (let i = 0; i < size; i++) {
      const id = `${prefix}-${i}`;
      const before = i < size / 2;
      events.push(ev(id, name, '2026-06-01', { promptId: 'tip' }), ev(id, name, '2026-06-01', { promptId: 'flat' }));
      if (before) events.push(ev(id, 'ai.feature_used', '2026-05-25'));
      if (i % 2 === 0) events.push(ev(id, 'report.generated', '2026-06-02'));
      const converts = before ? i < withBefore : i - size / 2 < withoutBefore;
      if (converts) events.push(ev(id, 'ai.feature_used', '2026-06-03'));
    }
  };
  arm('prompt.shown', 'shown', 60, 24, 6);
  arm('prompt.held_out', 'held', 40, 12, 2);
  return events;
}

describe.each(storeKinds)("a prompt's test for each reader, $kind store", ({ target: makeTarget }) => {
  let target: StoreTarget;
  let store: Store;
  beforeAll(async () => {
    target = await makeTarget();
    store = await openStore(target.location);
    await store.insert(organisation());
  });
  afterAll(async () => {
    await store.close();
    await target.dispose();
  });

  it('an analyst gets CUPED on each person’s 14 days before, and the verdicts across both prompts', async () => {
    const m = await computeMetrics(store, config, { asOf: '2026-06-14' });
    const [tip, flat] = m.prompts;
    expect(tip).toMatchObject({ treated: 60, control: 40, convTreated: 30 / 60, convControl: 14 / 40 });
    // Shown: 30 people with one goal event before (x = 1/14 a day), 24 of them converted; held out: 20, 12 converted.
    const expected = upliftTest({
      treated: { people: 60, converted: 30 },
      control: { people: 40, converted: 14 },
      covariate: { treated: { events: 30, squares: 30, converted: 24 }, control: { events: 20, squares: 20, converted: 12 } },
    });
    expect(tip?.cuped).toEqual(expected.cuped);
    expect(tip?.alwaysValid).toEqual(expected.alwaysValid);
    // The covariate explains much of who converts: the interval narrows by √(1 − reduction).
    expect(tip?.cuped?.varianceReduction).toBeGreaterThan(0.3);
    expect(tip?.pValue).toBe(expected.pValue);
    // Half of each arm generated a report after exposure: no effect, no covariate (no report before).
    expect(flat).toMatchObject({ uplift: 0, detected: false });
    expect(flat?.cuped?.varianceReduction).toBe(0);
    // Two prompts in the family: the smaller p doubles, the larger stays (running minimum from the top).
    const ps = [tip?.pValue as number, flat?.pValue as number];
    expect(tip?.adjustedPValue).toBeCloseTo(Math.min(1, 2 * Math.min(...ps), Math.max(...ps)), 12);
    expect(flat?.adjustedPValue).toBe(Math.max(...ps));
  });

  it('a viewer gets the interval from the released counts and no CUPED (it reads each person’s history)', async () => {
    const m = await computeMetrics(store, config, { asOf: '2026-06-14' }, { exact: false, today: '2026-06-20' });
    const [tip, flat] = m.prompts;
    expect(m.figuresAsOf).toBe('2026-06-14');
    expect(tip?.cuped).toBeNull();
    expect(flat?.cuped).toBeNull();
    const released = (n: number | null, rate: number | null) => ({
      people: n as number,
      converted: Math.round((rate as number) * (n as number)),
    });
    const fromReleased = upliftTest({
      treated: released(tip?.treated ?? null, tip?.convTreated ?? null),
      control: released(tip?.control ?? null, tip?.convControl ?? null),
      covariate: null,
    });
    expect(tip?.alwaysValid).toEqual(fromReleased.alwaysValid);
    expect(tip?.detected).toBe(fromReleased.detected);
    expect(typeof tip?.adjustedPValue).toBe('number');
  });
});
