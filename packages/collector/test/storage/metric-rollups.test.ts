import type { Props } from '@uptake/sdk';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config-schema.js';
import { countMetrics } from '../../src/metrics/count-metrics.js';
import { exposureHistory } from '../../src/prompts/exposure-history.js';
import { metricRollupTables } from '../../src/storage/metric-rollups.js';
import { duckdbMigrations, postgresMigrations } from '../../src/storage/migrations.js';
import type { Store, StoredEvent } from '../../src/storage/store.js';
import { usageRollupTables } from '../../src/storage/usage-rollup.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useFreshStore } from '../helpers/use-fresh-store.js';

function event(id: string, name: string, ts: string, userId: string | null, props: Props = {}, tool = 'assistant'): StoredEvent {
  return { id, name, ts: new Date(ts), receivedAt: new Date(ts), userId, anonymousId: 'anon-1', sessionId: null, tool, props };
}

/** Events touching every metric rollup, with ties on time, two tools and an anonymous browser. */
const events: StoredEvent[] = [
  event('a1', 'prompt.shown', '2026-11-02T10:00:00Z', 'u-1', { promptId: 'tip' }),
  event('a0', 'prompt.held_out', '2026-11-02T10:00:00Z', 'u-1', { promptId: 'tip' }, 'editor'),
  event('a2', 'prompt.shown', '2026-11-03T09:00:00.123Z', 'u-1', { promptId: 'tip' }),
  event('a3', 'prompt.dismissed', '2026-11-04T09:00:00Z', 'u-1', { promptId: 'tip', reason: 'later' }),
  event('a4', 'prompt.dismissed', '2026-11-05T09:00:00Z', 'u-1', { promptId: 'tip', reason: 'dismiss' }),
  event('a5', 'prompt.shown', '2026-11-05T09:00:00Z', 'u-1', { promptId: 5 }),
  event('a6', 'survey.shown', '2026-11-06T09:00:00Z', 'u-1', { surveyId: 'behavior-check' }),
  event('a7', 'survey.answered', '2026-11-06T09:01:00Z', 'u-1', { surveyId: 'behavior-check', questionId: 'applied', value: 'no' }),
  event('a8', 'survey.answered', '2026-11-06T09:02:00Z', 'u-1', { surveyId: 'behavior-check', questionId: 'applied', value: 'yes' }),
  event('a9', 'survey.answered', '2026-11-07T09:02:00Z', 'u-1', { surveyId: 'behavior-check', questionId: 'applied', value: 'no' }),
  event('b1', 'ai.output_shown', '2026-11-02T10:00:00Z', 'u-1'),
  event('b2', 'ai.output_accepted', '2026-11-02T11:00:00Z', 'u-1'),
  event('b3', 'ai.output_shown', '2026-11-02T12:00:00Z', null),
  event('b4', 'ai.output_rejected', '2026-11-03T12:00:00Z', 'u-2', {}, 'editor'),
  event('c1', 'perf.vital', '2026-11-02T10:00:00Z', 'u-1', { metric: 'LCP', value: 2500.5, rating: 'good' }),
  event('c2', 'perf.vital', '2026-11-02T10:00:00Z', null, { metric: 'CLS', value: 1e-7, rating: 'good' }),
  event('c3', 'perf.vital', '2026-11-02T10:00:00Z', 'u-2', { metric: 'INP', value: '200', rating: 'good' }),
  event('d1', 'prompt.held_out', '2026-11-03T10:00:00Z', 'u-2', { promptId: 'tip' }),
  event('d2', 'ai.feature_used', '2026-11-04T10:00:00Z', 'u-2', { feature: 'critique' }),
  event('d3', 'ai.feature_used', '2026-11-02T15:00:00Z', 'u-1', { feature: 'critique' }, 'editor'),
  // The recurring survey shown again after its last answer.
  event('a10', 'survey.shown', '2026-11-08T09:00:00Z', 'u-1', { surveyId: 'behavior-check' }),
  // Trainings: two of one program at one instant (the smaller id is the first), another program, none.
  event('t1', 'training.completed', '2026-11-01T09:00:00Z', 'u-1', { program: 'basics', cohort: 'spring' }),
  event('t0', 'training.completed', '2026-11-01T09:00:00Z', 'u-1', { program: 'basics', cohort: 'autumn' }),
  event('t2', 'training.completed', '2026-11-05T09:00:00Z', 'u-1', { program: 'advanced' }),
  event('t3', 'training.completed', '2026-10-30T09:00:00Z', 'u-2', {}),
  event('t4', 'training.completed', '2026-10-29T09:00:00Z', 'u-2', {}),
  // Traits: a role and a team, a team alone, one with neither (no row), an anonymous browser's (no row).
  event('i1', 'identify', '2026-10-01T09:00:00Z', 'u-1', { role: 'leader', team: 'sales' }),
  event('i2', 'identify', '2026-11-03T09:00:00Z', 'u-1', { team: 'ops' }),
  event('i3', 'identify', '2026-11-03T09:00:00Z', 'u-2', { plan: 'pro' }),
  event('i4', 'identify', '2026-11-03T09:00:00Z', null, { role: 'leader' }),
];

/** The rollups a rebuild makes again: usage (with the tool and without) and metrics. */
const rebuilt = [...usageRollupTables, ...metricRollupTables];

async function rollupRows(store: Store): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const table of rebuilt) {
    const all = await store.query(`SELECT * FROM ${table}`);
    rows[table] = all.map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, String(v)]))).sort();
  }
  return rows;
}

describe.each(storeKinds)('metric rollups: $kind', ({ target: makeTarget }) => {
  const store = useFreshStore(makeTarget);

  it('are the same kept by inserts in any order, with duplicates, as rebuilt from the events', async () => {
    const reversed = [...events].reverse();
    for (let i = 0; i < reversed.length; i += 3) await store.insert(reversed.slice(i, i + 3));
    await store.insert(events.slice(0, 8)); // written twice: duplicates change nothing
    const kept = await rollupRows(store);
    expect(kept['person_items']?.length).toBe(5);
    expect(kept['survey_answers']?.length).toBe(2);
    expect(kept['vital_samples']?.length).toBe(2);
    // u-1 used two tools on 2 November: two rows with the tool, one without.
    expect(kept['daily_usage']?.length).toBe(4);
    expect(kept['person_usage_days']?.length).toBe(3);
    expect(kept['person_trainings']?.length).toBe(3);
    expect(kept['person_traits']?.length).toBe(2);
    await store.rebuildRollups();
    expect(await rollupRows(store)).toEqual(kept);
  });

  it('are filled by the upgrade of a store from before the usage days, trainings and traits rollups as the inserts fill them', async () => {
    await store.insert(events);
    const kept = await rollupRows(store);
    const migrations = store.kind === 'duckdb' ? duckdbMigrations : postgresMigrations;
    const ours = migrations.filter((m) => /person_usage_days|person_trainings|person_traits/.test(m.sql)).map((m) => m.version);
    expect(ours).toHaveLength(3);
    // The store as it was: none of the three tables, and person_shows without the prompt or survey.
    for (const sql of [
      'DROP TABLE person_usage_days',
      'DROP TABLE person_trainings',
      'DROP TABLE person_traits',
      'DROP TABLE person_shows',
      'CREATE TABLE person_shows (user_id VARCHAR NOT NULL, ts TIMESTAMPTZ NOT NULL, id VARCHAR NOT NULL)',
      `DELETE FROM schema_migrations WHERE version IN (${ours.join(', ')})`,
    ])
      await store.execute(sql);
    await store.migrate();
    expect(await rollupRows(store)).toEqual(kept);
  });

  it('give the exposure history the fold of the events gives', async () => {
    await store.insert(events);
    const history = await store.lookupSession((query) =>
      exposureHistory(query, store.dialect, 'u-1', { prompts: new Set(['tip', '5']), surveys: new Set(['behavior-check']) }),
    );
    expect(history.prompts).toEqual({
      tip: {
        shows: 2,
        lastShown: '2026-11-03T09:00:00.123Z',
        heldOutAt: '2026-11-02T10:00:00.000Z',
        dismissed: true,
        lastSnoozed: '2026-11-04T09:00:00.000Z',
        lastAnswered: null,
      },
    });
    expect(history.surveys['behavior-check']).toMatchObject({ shows: 2, lastAnswered: '2026-11-07T09:02:00.000Z', showsSinceAnswer: 1 });
    expect(history.recentShows).toEqual([
      '2026-11-08T09:00:00.000Z',
      '2026-11-06T09:00:00.000Z',
      '2026-11-03T09:00:00.123Z',
      '2026-11-02T10:00:00.000Z',
    ]);
    expect(history).toMatchObject({ trainedAt: '2026-11-01', program: 'basics', cohort: 'autumn' });
    const other = await store.lookupSession((query) =>
      exposureHistory(query, store.dialect, 'u-2', { prompts: new Set(), surveys: new Set() }),
    );
    expect(other).toMatchObject({ trainedAt: '2026-10-29', program: null, cohort: '2026-W44' });
  });

  it('lose a person at erasure, and an erasure before a time folds the events left', async () => {
    await store.insert(events);
    const counts = await store.forget('u-1', new Date('2026-11-03T00:00:00Z'));
    expect(counts).toMatchObject({
      daily_usage: 2,
      person_usage_days: 1,
      daily_outputs: 1,
      person_items: 1,
      person_shows: 1,
      vital_samples: 1,
    });
    const before = await rollupRows(store);
    await store.rebuildRollups();
    expect(await rollupRows(store)).toEqual(before);
    await store.forget('u-1');
    const [left] = await store.query(
      `SELECT ${rebuilt.map((t) => `(SELECT count(*) FROM ${t} WHERE user_id = 'u-1') AS ${t}`).join(', ')}`,
    );
    expect(Object.values(left ?? {}).map(Number)).toEqual(rebuilt.map(() => 0));
  });

  // Prompt uplift's conversions read the goal events themselves (goals are config), so retention does change those.
  it('keep the counts of outputs, web-vitals and the behaviour check when retention purges the raw events', async () => {
    await store.insert(events);
    const config = configSchema.parse({
      tools: [{ id: 'assistant', writeKey: 'wk-assistant-0123', identity: 'unverified', origins: ['*'] }],
      adminToken: 'admin-token-0123456789abcdef',
      minGroupSize: 5,
      prompts: [
        {
          id: 'tip',
          trigger: { event: 'ai.output_rejected' },
          content: { title: 'Tip' },
          goal: { event: 'ai.feature_used', withinDays: 7 },
        },
      ],
    });
    const figures = () =>
      countMetrics(store, config, { asOf: '2026-11-20' }, async (c) => ({
        outputs: c.outputs,
        exposed: c.prompts.map((p) => [p.treated.people, p.control.people]),
        vitals: c.vitals,
        behaviorCheck: c.behaviorCheck,
      }));
    const before = await figures();
    expect(before.outputs).toEqual({ shown: 2, accepted: 1, edited: 0, rejected: 1, people: 3 });
    expect(before.exposed).toEqual([[0, 2]]);
    expect(before.vitals.map((v) => v.metric)).toEqual(['LCP', 'CLS']);
    await store.purge(new Date('2026-11-30T00:00:00Z'), []);
    expect(await figures()).toEqual(before);
  });
});
