import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { clusterUplift } from '../../src/stats/cluster-analysis.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useFreshStore } from '../helpers/use-fresh-store.js';
import { ev } from './metric-data.js';

const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken: 'team-uplift-admin-token-0123456789',
  minGroupSize: 5,
  prompts: [
    {
      id: 'team-tip',
      audience: { holdout: 0.5, randomizeBy: 'team' },
      trigger: { event: 'ai.output_rejected' },
      content: { title: 'Ask it to critique first' },
      goal: { event: 'ai.feature_used', withinDays: 7 },
    },
  ],
});

// Three shown teams (10, 12, 8 people; 3, 6, 2 converted) and three held out (10, 9, 11; 2, 1, 4):
// the worked example of worked-examples.test.ts, now read from a store.
const teams = [
  { team: 'a', arm: 'prompt.shown', people: 10, converted: 3 },
  { team: 'b', arm: 'prompt.shown', people: 12, converted: 6 },
  { team: 'c', arm: 'prompt.shown', people: 8, converted: 2 },
  { team: 'd', arm: 'prompt.held_out', people: 10, converted: 2 },
  { team: 'e', arm: 'prompt.held_out', people: 9, converted: 1 },
  { team: 'f', arm: 'prompt.held_out', people: 11, converted: 4 },
];

function events(): StoredEvent[] {
  return teams.flatMap(({ team, arm, people, converted }) =>
    Array.from({ length: people }, (_, i) => {
      const id = `${team}-${i}`;
      const own = [ev(id, 'identify', '2026-06-01', { team }), ev(id, arm, '2026-06-10', { promptId: 'team-tip' })];
      return i < converted ? [...own, ev(id, 'ai.feature_used', '2026-06-12')] : own;
    }).flat(),
  );
}

describe.each(storeKinds)('a prompt randomized by team in /v1/metrics, $kind store', ({ target }) => {
  const store = useFreshStore(target);

  it('an analyst’s test has the teams as units: interval, design effect and effective people of the cluster analysis', async () => {
    await store.insert(events());
    const m = await computeMetrics(store, config, { asOf: '2026-06-30' });
    const tip = m.prompts.find((p) => p.id === 'team-tip');
    const expected = clusterUplift(
      teams.slice(0, 3).map(({ people, converted }) => ({ people, converted })),
      teams.slice(3).map(({ people, converted }) => ({ people, converted })),
      { alpha: 0.05, tuning: 1000 },
    );
    expect(tip).toMatchObject({ treated: 30, control: 30, cuped: null, detected: false });
    expect(tip?.cluster?.teams).toEqual({ treated: 3, control: 3 });
    expect(tip?.cluster?.designEffect).toBeCloseTo(0.8818919, 6);
    expect(tip?.cluster?.effectivePeople).toBeCloseTo(expected.effectivePeople, 10);
    expect(tip?.alwaysValid).toEqual({ low: expected.alwaysValid.interval[0], high: expected.alwaysValid.interval[1] });
  });
});
