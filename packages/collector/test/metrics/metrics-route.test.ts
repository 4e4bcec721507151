import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { useCollector } from '../helpers/use-collector.js';
import { addDays, answered, ev, trainedOn, usedOn } from './metric-data.js';

const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken: 'route-admin-token-0123',
  minGroupSize: 5,
  pseudonymize: false,
  prompts: [{ id: 'tip', trigger: { event: 'ai.request' }, content: { title: 'Tip' }, goal: { event: 'ai.feature_used', withinDays: 7 } }],
});
const auth = { Authorization: 'Bearer route-admin-token-0123' };

/** A mixed organisation: 60 people over three cohorts, decaying usage, answers, a prompt with a holdout. */
function organisation(): StoredEvent[] {
  const start = '2026-03-02';
  const events: StoredEvent[] = [];
  for (let i = 0; i < 60; i++) {
    const u = `p${i}`;
    const trained = addDays(start, (i % 3) * 14);
    events.push(trainedOn(u, trained, { program: i % 2 ? 'workshop' : 'twelve-week' }));
    events.push(
      ev(u, 'identify', trained, {
        role: ['executive', 'leader', 'professional', 'technical'][i % 4] as string,
        team: i % 5 ? 'finance' : 'sales',
      }),
    );
    for (let d = 0; d < 120; d += 1 + (i % 4))
      if ((i * 7 + d) % 11 > d / 20) events.push(usedOn(u, addDays(trained, d), d % 3 ? 'ai.request' : 'ai.output_shown'));
    if (i % 2)
      events.push(
        answered(u, addDays(trained, 90), 'applied', i % 3 ? 'yes' : 'no'),
        answered(u, addDays(trained, 90), 'example', 'Summarised the supplier contracts before the review'),
      );
    events.push(ev(u, i % 4 ? 'prompt.shown' : 'prompt.held_out', addDays(trained, 10), { promptId: 'tip' }));
    if (i % 3 === 0) events.push(ev(u, 'ai.feature_used', addDays(trained, 12), { feature: 'critique' }));
  }
  return events;
}

describe('GET /v1/metrics', () => {
  const c = useCollector('duckdb', config);

  beforeAll(async () => {
    await c.store.insert(organisation());
  });

  it('answers SPEC keys for an asOf, needs the admin token', async () => {
    expect((await fetch(`${c.url}/v1/metrics?asOf=2026-07-31`)).status).toBe(401);
    const res = await fetch(`${c.url}/v1/metrics?asOf=2026-07-31`, { headers: auth });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual([
      'asOf',
      'minGroupSize',
      'filters',
      'activity',
      'adoption',
      'sustained',
      'behaviorCheck',
      'gap',
      'outputs',
      'cohorts',
      'segments',
      'prompts',
      'programs',
      'vitals',
      'engaged',
      'intensity',
      'timeSaved',
      'funnels',
      'surveys',
    ]);
    expect(body.asOf).toBe('2026-07-31');
    expect(body.adoption.trained).toBe(60);
    expect(body.cohorts).toHaveLength(3);
    expect(body).toEqual(await computeMetrics(c.store, config, { asOf: '2026-07-31' }));
  });

  it('filters change the figures', async () => {
    const get = async (query: string) => (await fetch(`${c.url}/v1/metrics?${query}`, { headers: auth })).json();
    const all = await get('asOf=2026-07-31');
    const workshop = await get('asOf=2026-07-31&program=workshop');
    expect(workshop.adoption.trained).toBe(30);
    expect(workshop.filters).toEqual({ tool: null, program: 'workshop', cohort: null });
    const cohort = await get(`asOf=2026-07-31&cohort=${encodeURIComponent(all.cohorts[0].cohort)}`);
    expect(cohort.adoption.trained).toBe(20);
    // On 2026-03-20 the third cohort (trained 2026-03-30) is not trained yet.
    const earlier = await get('asOf=2026-03-20');
    expect(earlier.adoption.trained).toBe(40);
  });

  it('a bad filter is a 400 naming it', async () => {
    const bad = async (query: string) => {
      const res = await fetch(`${c.url}/v1/metrics?${query}`, { headers: auth });
      expect(res.status).toBe(400);
      return (await res.json()).error;
    };
    expect(await bad('asOf=2026-02-30')).toBe('asOf: expected a day YYYY-MM-DD, got "2026-02-30"');
    expect(await bad('asOf=yesterday')).toBe('asOf: expected a day YYYY-MM-DD, got "yesterday"');
    // A future day, the far future included, is a 400, never a 503.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(await bad(`asOf=${tomorrow}`)).toMatch(new RegExp(`^asOf: ${tomorrow} is after today`));
    expect(await bad('asOf=9999-12-31')).toMatch(/^asOf: 9999-12-31 is after today/);
    expect(await bad('tool=nope')).toBe('tool: unknown tool "nope"; declared: assistant');
  });
});

/** The paths of the numbers an answer shows: every number not under `suppressed: true`, nulls left out. */
function shownFigures(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return [path];
  if (value === null || typeof value !== 'object' || (value as { suppressed?: unknown }).suppressed === true) return [];
  return Object.entries(value).flatMap(([key, v]) => shownFigures(v, path ? `${path}.${key}` : key));
}

/**
 * Figures the organisation's data makes non-null and not suppressed at each day, whatever the filter:
 * two answers that agree only because both hide or lack them prove nothing. On 2026-04-15 no one is
 * 90 days past training yet; by 2026-09-30 the usage has ended (no outputs, no daily activity).
 */
const shownAt: Record<string, string[]> = {
  '2026-04-15': ['activity.stickiness', 'adoption.rate', 'sustained.d30.rate', 'outputs.acceptanceRate', 'cohorts.0.fit.halfLifeDays'],
  '2026-06-30': [
    'activity.stickiness',
    'adoption.rate',
    'sustained.d90.rate',
    'behaviorCheck.rate',
    'gap.share',
    'outputs.acceptanceRate',
    'cohorts.2.fit.halfLifeDays',
    'segments.team.1.sustainedD90',
  ],
  '2026-09-30': ['activity.mau', 'adoption.rate', 'sustained.d90.rate', 'behaviorCheck.rate', 'gap.share', 'programs.0.fit.halfLifeDays'],
};

describe('both stores give identical results on the same data', () => {
  const duck = useCollector('duckdb', config);
  const pg = useCollector('postgres', config);

  beforeAll(async () => {
    const events = organisation();
    await Promise.all([duck.store.insert(events), pg.store.insert(events)]);
  });

  it.each(Object.keys(shownAt))('asOf %s, with and without filters', async (asOf) => {
    for (const q of [{ asOf }, { asOf, program: 'workshop' }, { asOf, tool: 'assistant' }]) {
      const [a, b] = await Promise.all([computeMetrics(duck.store, config, q), computeMetrics(pg.store, config, q)]);
      expect(shownFigures(a)).toEqual(expect.arrayContaining([...shownAt[asOf]!, 'adoption.trained']));
      if (!q.program) expect(shownFigures(a)).toContain('prompts.0.uplift');
      expect(b).toEqual(a);
    }
  });
});
