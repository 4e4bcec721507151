import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { upliftTest } from '../../src/metrics/uplift-test.js';
import { clusterUplift } from '../../src/stats/cluster-analysis.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useFreshStore } from '../helpers/use-fresh-store.js';
import { ev } from './metric-data.js';

const byTeam = (id: string) => ({
  id,
  audience: { holdout: 0.5, randomizeBy: 'team' as const },
  trigger: { event: 'ai.output_rejected' },
  content: { title: 'Ask it to critique first' },
  goal: { event: 'ai.feature_used', withinDays: 7 },
});

const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken: 'team-uplift-admin-token-0123456789',
  pseudonymSecret: 'team-uplift-pseudonym-secret',
  minGroupSize: 5,
  prompts: [byTeam('team-tip'), byTeam('team-spread'), byTeam('team-few')],
});

type Arm = 'prompt.shown' | 'prompt.held_out';
interface Team {
  team: string;
  arm: Arm;
  people: number;
  converted: number;
}

// Three shown teams (10, 12, 8 people; 3, 6, 2 converted) and three held out (10, 9, 11; 2, 1, 4):
// the worked example of worked-examples.test.ts, now read from a store.
const teams: Team[] = [
  { team: 'a', arm: 'prompt.shown', people: 10, converted: 3 },
  { team: 'b', arm: 'prompt.shown', people: 12, converted: 6 },
  { team: 'c', arm: 'prompt.shown', people: 8, converted: 2 },
  { team: 'd', arm: 'prompt.held_out', people: 10, converted: 2 },
  { team: 'e', arm: 'prompt.held_out', people: 9, converted: 1 },
  { team: 'f', arm: 'prompt.held_out', people: 11, converted: 4 },
];

// Teams that differ far more than their arms do: 70 of 120 shown against 36 of 120 held out. Counted
// person by person that is a clear effect; with the teams as units (three an arm, rates 0.9, 0.1,
// 0.75 against 0.05, 0.75, 0.1) it is not.
const spread: Team[] = [
  { team: 's1', arm: 'prompt.shown', people: 40, converted: 36 },
  { team: 's2', arm: 'prompt.shown', people: 40, converted: 4 },
  { team: 's3', arm: 'prompt.shown', people: 40, converted: 30 },
  { team: 's4', arm: 'prompt.held_out', people: 40, converted: 2 },
  { team: 's5', arm: 'prompt.held_out', people: 40, converted: 30 },
  { team: 's6', arm: 'prompt.held_out', people: 40, converted: 4 },
];

// Two teams an arm, but one shown team has 3 people: a viewer's release hides it, and with it (so
// that the hidden hold minGroupSize together) the other shown team.
const few: Team[] = [
  { team: 'g', arm: 'prompt.shown', people: 40, converted: 36 },
  { team: 'h', arm: 'prompt.shown', people: 3, converted: 1 },
  { team: 'i', arm: 'prompt.held_out', people: 40, converted: 4 },
  { team: 'j', arm: 'prompt.held_out', people: 40, converted: 6 },
];

function events(promptId: string, list: readonly Team[]): StoredEvent[] {
  return list.flatMap(({ team, arm, people, converted }) =>
    Array.from({ length: people }, (_, i) => {
      const id = `${team}-${i}`;
      const own = [ev(id, 'identify', '2026-06-01', { team }), ev(id, arm, '2026-06-10', { promptId })];
      return i < converted ? [...own, ev(id, 'ai.feature_used', '2026-06-12')] : own;
    }).flat(),
  );
}

const clustersOf = (list: readonly Team[], arm: Arm) =>
  list.filter((t) => t.arm === arm).map(({ people, converted }) => ({ people, converted }));
const armOf = (list: readonly Team[], arm: Arm) => {
  const teamsOfArm = clustersOf(list, arm);
  return { people: teamsOfArm.reduce((s, t) => s + t.people, 0), converted: teamsOfArm.reduce((s, t) => s + t.converted, 0) };
};
const sequence = { alpha: 0.05, tuning: 1000 };
// A viewer's figures are those of the last complete week: Sunday 2026-06-28.
const asViewer = { exact: false, today: '2026-07-01' } as const;

describe.each(storeKinds)('a prompt randomized by team in /v1/metrics, $kind store', ({ target }) => {
  const store = useFreshStore(target);

  it('an analyst’s test has the teams as units: interval, design effect and effective people of the cluster analysis', async () => {
    await store.insert(events('team-tip', teams));
    const m = await computeMetrics(store, config, { asOf: '2026-06-30' });
    const tip = m.prompts.find((p) => p.id === 'team-tip');
    const expected = clusterUplift(clustersOf(teams, 'prompt.shown'), clustersOf(teams, 'prompt.held_out'), sequence);
    expect(tip).toMatchObject({ treated: 30, control: 30, cuped: null, detected: false, noVerdict: null });
    expect(tip?.cluster?.teams).toEqual({ treated: 3, control: 3 });
    expect(tip?.cluster?.designEffect).toBeCloseTo(0.8818919, 6);
    expect(tip?.cluster?.effectivePeople).toBeCloseTo(expected.effectivePeople, 10);
    expect(tip?.alwaysValid).toEqual({ low: expected.alwaysValid.interval[0], high: expected.alwaysValid.interval[1] });
  });

  it('where counting people one by one would detect an effect and the teams do not, an admin and a viewer both get "not detected"', async () => {
    await store.insert(events('team-spread', spread));
    // The person-level test on the exact arms says detected: the case this guards against.
    const personLevel = upliftTest({ treated: armOf(spread, 'prompt.shown'), control: armOf(spread, 'prompt.held_out'), covariate: null });
    expect(personLevel.detected).toBe(true);

    const exact = (await computeMetrics(store, config, { asOf: '2026-06-30' })).prompts.find((p) => p.id === 'team-spread');
    const expected = clusterUplift(clustersOf(spread, 'prompt.shown'), clustersOf(spread, 'prompt.held_out'), sequence);
    expect(exact).toMatchObject({ treated: 120, control: 120, detected: false, detectedAfterFdr: false, noVerdict: null });
    expect(exact?.alwaysValid).toEqual({ low: expected.alwaysValid.interval[0], high: expected.alwaysValid.interval[1] });
    expect(exact?.cluster?.teams).toEqual({ treated: 3, control: 3 });

    const viewer = await computeMetrics(store, config, { asOf: '2026-06-30' }, asViewer);
    expect(viewer.figuresAsOf).toBe('2026-06-28');
    const seen = viewer.prompts.find((p) => p.id === 'team-spread');
    expect(seen?.suppressed).toBe(false);
    // The person-level test on the arms as the viewer sees them would say detected; the viewer is not told so.
    const released = (n: number | null, rate: number | null) => ({
      people: n as number,
      converted: Math.round((rate as number) * (n as number)),
    });
    const personLevelReleased = upliftTest({
      treated: released(seen?.treated ?? null, seen?.convTreated ?? null),
      control: released(seen?.control ?? null, seen?.convControl ?? null),
      covariate: null,
    });
    expect(personLevelReleased.detected).toBe(true);
    expect(seen?.detected).toBe(false);
    expect(seen?.detectedAfterFdr).toBe(false);
    expect(seen?.pValue).toBeGreaterThan(0.05);
    expect(seen?.alwaysValid).not.toEqual(personLevelReleased.alwaysValid);
    expect(seen?.cuped).toBeNull();
    // The teams are the units of the viewer's test too: every team here has at least minGroupSize people.
    expect(seen?.cluster?.teams).toEqual({ treated: 3, control: 3 });
    expect(seen?.noVerdict).toBeNull();
    // Its estimate is the teams' uplift, moved only by the noise of six team cells (±2 on 40 people each).
    const centre = ((seen?.alwaysValid?.low as number) + (seen?.alwaysValid?.high as number)) / 2;
    expect(Math.abs(centre - expected.uplift)).toBeLessThan(0.1);
    // From released (noisy) team counts, each a cell of its own with a stable name: asking on
    // another day of the same week gives the same test.
    const again = await computeMetrics(store, config, { asOf: '2026-06-29' }, asViewer);
    expect(again.prompts.find((p) => p.id === 'team-spread')).toEqual(seen);
  });

  it('with fewer than 2 teams an arm a viewer may see, a viewer gets no verdict and says why; an admin gets the teams’ test', async () => {
    await store.insert(events('team-few', few));
    const personLevel = upliftTest({ treated: armOf(few, 'prompt.shown'), control: armOf(few, 'prompt.held_out'), covariate: null });
    expect(personLevel.detected).toBe(true);

    const exact = (await computeMetrics(store, config, { asOf: '2026-06-30' })).prompts.find((p) => p.id === 'team-few');
    const expected = clusterUplift(clustersOf(few, 'prompt.shown'), clustersOf(few, 'prompt.held_out'), sequence);
    expect(exact).toMatchObject({ treated: 43, control: 80, detected: false, noVerdict: null });
    expect(exact?.alwaysValid).toEqual({ low: expected.alwaysValid.interval[0], high: expected.alwaysValid.interval[1] });
    expect(exact?.cluster?.teams).toEqual({ treated: 2, control: 2 });

    const seen = (await computeMetrics(store, config, { asOf: '2026-06-30' }, asViewer)).prompts.find((p) => p.id === 'team-few');
    // Both arms are large enough to show; the test is not.
    expect(seen?.suppressed).toBe(false);
    expect(seen?.uplift).not.toBeNull();
    expect(seen).toMatchObject({
      alwaysValid: null,
      cuped: null,
      pValue: null,
      detected: null,
      adjustedPValue: null,
      detectedAfterFdr: null,
      cluster: null,
      noVerdict: 'too-few-teams',
    });
  });
});
