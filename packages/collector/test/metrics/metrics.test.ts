import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { fitDecay } from '../../src/metrics/decay-fit.js';
import { newcombeInterval } from '../../src/metrics/newcombe.js';
import type { Metrics, MetricsQuery } from '../../src/metrics/types.js';
import { upliftFields } from '../../src/metrics/uplift-test.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store, StoredEvent } from '../../src/storage/store.js';
import { storeKinds, type StoreTarget } from '../helpers/store-targets.js';
import { addDays, answered, ev, trainedOn, usedOn } from './metric-data.js';

// Every expected number below is worked out by hand from the events of its test, not by the code.
const config = parseConfig({
  tools: [
    { id: 'assistant', writeKey: 'wk_a', identity: 'unverified', origins: ['*'] },
    { id: 'other', writeKey: 'wk_o', identity: 'unverified', origins: ['*'] },
  ],
  adminToken: 'metrics-admin-token-0123',
  usageEvents: ['report.generated'],
  minGroupSize: 5,
  prompts: [
    {
      id: 'critique-tip',
      trigger: { event: 'ai.output_rejected', count: 2, withinDays: 1 },
      content: { title: 'Ask it to critique first' },
      goal: { event: 'ai.feature_used', props: { feature: 'critique' }, withinDays: 7 },
    },
    { id: 'small', trigger: { event: 'ai.request' }, content: { title: 'Small' }, goal: { event: 'ai.feature_used', withinDays: 1 } },
    { id: 'no-goal', trigger: { event: 'ai.request' }, content: { title: 'No goal' } },
  ],
});

const cases = storeKinds.flatMap(({ kind, target }) => [
  { kind, target, source: 'the daily usage rollup' },
  { kind, target, source: 'a scan of the events' },
]);

describe.each(cases)('metrics on hand-built data, $kind store, usage from $source', ({ target: makeTarget, source }) => {
  let target: StoreTarget | undefined;
  let store: Store | undefined;

  afterEach(async () => {
    await store?.close();
    await target?.dispose();
    store = undefined;
    target = undefined;
  });

  async function metrics(events: StoredEvent[], q: Partial<MetricsQuery> & { asOf: string }): Promise<Metrics> {
    if (!store) {
      target = await makeTarget();
      store = await openStore(target.location);
      // The rollup counts the config's usage events only once told to; until then metrics scan the events.
      if (source === 'the daily usage rollup') await store.syncUsageEvents(config.usageEvents);
      await store.insert(events);
      expect(await store.rollupMatches(config.usageEvents)).toBe(source === 'the daily usage rollup');
    }
    return computeMetrics(store, config, q as MetricsQuery);
  }

  it('activity: DAU, WAU, MAU and stickiness at the window edges', async () => {
    const A = '2026-06-30';
    const m = await metrics(
      [
        usedOn('u1', A),
        ev('u1', 'ai.request', A, {}, { at: `${A}T23:59:59.999Z` }), // same person, same day: one user-day
        usedOn('u1', addDays(A, -1)),
        usedOn('u2', addDays(A, -6)), // last day of the WAU window
        usedOn('u3', addDays(A, -7)), // first day outside it
        usedOn('u4', addDays(A, -27)), // last day of the MAU window
        usedOn('u5', addDays(A, -28)), // outside
        ev('u6', 'ai.request', A, {}, { at: `${addDays(A, 1)}T00:00:00.000Z` }), // after asOf
        ev('u7', 'report.viewed', A), // not a usage event
        ev('u8', 'report.generated', A), // a configured usage event
        ev(null, 'ai.request', A, {}, { anonymousId: 'anon-1' }), // no user: not a person of these metrics
      ],
      { asOf: A },
    );
    // DAU {u1, u8}; WAU {u1, u2, u8}; MAU {u1, u2, u3, u4, u8}.
    // User-days in the 28 days: u1 ×2, u2, u3, u4, u8 = 6 → stickiness = 6 / 28 / 5.
    expect(m.activity).toEqual({ dau: 2, wau: 3, mau: 5, stickiness: 6 / 28 / 5, suppressed: false });
  });

  describe('trained population', () => {
    const A = '2026-06-30';
    const T = addDays(A, -40); // 2026-05-21: the 30-day window is T+17 … T+30 = 06-07 … 06-20
    const cohortA = { program: 'workshop', cohort: 'may-a' };
    const data = () => [
      trainedOn('t1', T, cohortA),
      trainedOn('t1', addDays(A, -5), { program: 'twelve-week' }), // a repeat: the first counts
      usedOn('t1', addDays(T, 30)), // last day of the window
      trainedOn('t2', T, cohortA),
      usedOn('t2', addDays(T, 17)), // first day of the window (day 14 counting back)
      trainedOn('t3', T, cohortA),
      trainedOn('t3', addDays(T, 10), cohortA),
      usedOn('t3', addDays(T, 16)), // the day before the window (day 15)
      trainedOn('t4', T, cohortA),
      usedOn('t4', addDays(T, 31)), // the day after
      trainedOn('t5', T, cohortA), // never used it
      trainedOn('t6', T, cohortA),
      usedOn('t6', addDays(T, 20)),
      trainedOn('t7', addDays(A, -30), { program: 'twelve-week' }), // 2026-05-31, T+30 = asOf: eligible
      usedOn('t7', A),
      trainedOn('t8', addDays(A, -29), { program: 'twelve-week' }), // 2026-06-01, T+30 = asOf+1: not eligible
      trainedOn('t9', addDays(A, 1)), // trained after asOf: not trained yet
      usedOn('t9', A),
    ];

    it('sustained usage at 30 days: the 14-day window edges, asOf itself, the first training counts', async () => {
      const m = await metrics(data(), { asOf: A });
      // Eligible: t1…t7 (7); active: t1 (day 30), t2 (day 17), t6, t7 = 4. t3 (day 16), t4 (day 31), t5 are not.
      expect(m.sustained.d30).toEqual({ eligible: 7, active: 4, rate: 4 / 7, suppressed: false });
      // No one is 60 or 90 days past training: zero eligible, under minGroupSize: suppressed.
      expect(m.sustained.d60).toEqual({ eligible: null, active: null, rate: null, suppressed: true });
      expect(m.sustained.d90).toEqual({ eligible: null, active: null, rate: null, suppressed: true });
    });

    it('adoption: trained on or before asOf, active in the last 28 days', async () => {
      const m = await metrics(data(), { asOf: A });
      // Trained: t1…t8 (t9 trains after asOf). Active since 06-03: t1, t2, t3 (06-06), t4, t6, t7 = 6.
      expect(m.adoption).toEqual({ trained: 8, active: 6, rate: 6 / 8, suppressed: false });
    });

    it('program filter: trainedAt is the first completion of that program', async () => {
      const workshop = await metrics(data(), { asOf: A, program: 'workshop' });
      // t1…t6: d30 eligible 6, active t1, t2, t6 = 3; adoption active t1, t2, t3, t4, t6 = 5.
      expect(workshop.sustained.d30).toEqual({ eligible: 6, active: 3, rate: 0.5, suppressed: false });
      expect(workshop.adoption).toEqual({ trained: 6, active: 5, rate: 5 / 6, suppressed: false });
      const twelve = await metrics(data(), { asOf: A, program: 'twelve-week' });
      // t1 (trained 06-25 in this program), t7, t8: three people, under minGroupSize.
      expect(twelve.adoption).toEqual({ trained: null, active: null, rate: null, suppressed: true });
      // Their activity would tell whether those three used AI today: suppressed too.
      expect(twelve.activity).toEqual({ dau: null, wau: null, mau: null, stickiness: null, suppressed: true });
      expect(workshop.activity.suppressed).toBe(false);
    });

    it('programs: each program on its own, its first completion as trainedAt, all its cohorts in one curve', async () => {
      const m = await metrics(data(), { asOf: A });
      // workshop: t1…t6, all trained at T (t3's second completion does not count). twelve-week: t1, t7, t8.
      const suppressedWindow = { eligible: null, active: null, rate: null, suppressed: true };
      expect(m.programs.map((p) => [p.program, p.size, p.suppressed])).toEqual([
        ['workshop', 6, false],
        ['twelve-week', null, true],
      ]);
      const [workshop, twelve] = m.programs;
      expect(twelve).toEqual({
        program: 'twelve-week',
        size: null,
        suppressed: true,
        sustained: { d30: suppressedWindow, d60: suppressedWindow, d90: suppressedWindow },
        retention: [],
        fit: null,
      });
      expect(workshop?.sustained).toEqual((await metrics(data(), { asOf: A, program: 'workshop' })).sustained);
      expect(workshop?.sustained.d30).toEqual({ eligible: 6, active: 3, rate: 0.5, suppressed: false });
      // T + 7k + 6 ≤ asOf = T + 40: weeks 0…4. Week 2 (T+14…T+20): t2, t3, t6; week 4 (T+28…T+34): t1, t4.
      const cell = (week: number, active: number) => ({ week, eligible: 6, active, rate: active / 6, suppressed: false });
      expect(workshop?.retention).toEqual([cell(0, 0), cell(1, 0), cell(2, 3), cell(3, 0), cell(4, 2)]);
      expect(workshop?.fit).toEqual(fitDecay([7, 14, 21, 28].map((t, i) => ({ t, n: 6, y: [0, 3, 0, 2][i] as number }))));
      // A program filter names the only program.
      expect((await metrics(data(), { asOf: A, program: 'workshop' })).programs.map((p) => p.program)).toEqual(['workshop']);
    });

    it('cohort: the cohort prop of the first training, else the ISO week of trainedAt; cohort filter', async () => {
      const m = await metrics(data(), { asOf: A });
      // t7 trained Sunday 2026-05-31 (ISO week 22), t8 Monday 2026-06-01 (week 23): groups of one, suppressed.
      expect(m.cohorts.map((c) => [c.cohort, c.size, c.suppressed])).toEqual([
        ['may-a', 6, false],
        ['2026-W22', null, true],
        ['2026-W23', null, true],
      ]);
      const filtered = await metrics(data(), { asOf: A, cohort: 'may-a' });
      expect(filtered.adoption.trained).toBe(6);
      expect(filtered.cohorts.map((c) => c.cohort)).toEqual(['may-a']);
    });
  });

  it('cohort retention by week: the week boundary, asOf itself, suppressed cells and cohorts', async () => {
    const T = '2026-06-01';
    const A = addDays(T, 20); // weeks 0, 1 and 2 are complete (T+20 ≤ asOf); week 3 is not
    const c1 = { program: 'workshop', cohort: 'c1' };
    const events = [
      ...['m1', 'm2', 'm3', 'm4', 'm5'].map((u) => trainedOn(u, T, c1)),
      usedOn('m1', addDays(T, 6)), // last day of week 0
      usedOn('m1', addDays(T, 7)), // first day of week 1
      usedOn('m2', addDays(T, 13)), // last day of week 1
      usedOn('m2', addDays(T, 14)), // first day of week 2
      usedOn('m3', A), // asOf, last day of week 2
      usedOn('m4', addDays(A, 1)), // after asOf
      usedOn('m5', addDays(T, -1)), // before training
      // c3: four trained at T, two a week later, so its week 2 has four eligible: a suppressed cell.
      ...['n1', 'n2', 'n3', 'n4'].map((u) => trainedOn(u, T, { program: 'workshop', cohort: 'c3' })),
      ...['n5', 'n6'].map((u) => trainedOn(u, addDays(T, 7), { program: 'workshop', cohort: 'c3' })),
      // c2: three people, a suppressed cohort.
      ...['k1', 'k2', 'k3'].map((u) => trainedOn(u, addDays(T, 1), { program: 'workshop', cohort: 'c2' })),
    ];
    const m = await metrics(events, { asOf: A });
    expect(m.cohorts).toEqual([
      {
        cohort: 'c1',
        size: 5,
        suppressed: false,
        retention: [
          { week: 0, eligible: 5, active: 1, rate: 0.2, suppressed: false },
          { week: 1, eligible: 5, active: 2, rate: 0.4, suppressed: false },
          { week: 2, eligible: 5, active: 2, rate: 0.4, suppressed: false },
        ],
        fit: { status: 'insufficient-data', points: 2, initial: null, plateau: null, halfLifeDays: null, r2: null },
      },
      {
        cohort: 'c3',
        size: 6,
        suppressed: false,
        retention: [
          { week: 0, eligible: 6, active: 0, rate: 0, suppressed: false },
          { week: 1, eligible: 6, active: 0, rate: 0, suppressed: false },
          { week: 2, eligible: null, active: null, rate: null, suppressed: true },
        ],
        fit: { status: 'insufficient-data', points: 1, initial: null, plateau: null, halfLifeDays: null, r2: null },
      },
      { cohort: 'c2', size: null, suppressed: true, retention: [], fit: null },
    ]);
  });

  it('behaviour check and the completion–application gap: latest answers count, 20 non-blank characters', async () => {
    const A = '2026-09-30';
    const T = addDays(A, -100);
    const long = 'I drafted the Q3 variance summary with it';
    const events = [
      ...['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((u) => trainedOn(u, T)),
      answered('b1', addDays(A, -3), 'applied', 'yes'),
      answered('b1', addDays(A, -3), 'example', long),
      answered('b2', addDays(A, -3), 'applied', 'yes'),
      answered('b2', addDays(A, -3), 'example', '   short   one   '), // 8 non-blank
      answered('b3', addDays(A, -9), 'applied', 'no'),
      answered('b3', addDays(A, -2), 'applied', 'yes'), // the latest answer counts
      answered('b3', addDays(A, -2), 'example', long),
      answered('b4', addDays(A, -9), 'applied', 'yes'),
      answered('b4', addDays(A, -2), 'applied', 'no'), // the latest answer counts
      answered('b4', addDays(A, -2), 'example', long),
      answered('b5', addDays(A, -1), 'applied', 'yes'),
      answered('b5', addDays(A, -1), 'example', 'abcde fghij\tklmno\npqrst'), // exactly 20 non-blank
      answered('b6', addDays(A, -1), 'applied', 'yes'),
      answered('b6', addDays(A, -1), 'example', 'abcde fghij klmno pqrs'), // 19 non-blank
      answered('b6', addDays(A, 1), 'example', long), // after asOf: not yet
      ...['b7', 'b8', 'b9'].map((u) => trainedOn(u, T)),
      ...['b7', 'b8', 'b9'].map((u) => answered(u, addDays(A, -1), 'applied', 'yes')),
      // 19 non-blank characters each: ideographic spaces, no-break spaces and vertical tabs are blank too.
      answered('b7', addDays(A, -1), 'example', 'abcde\u3000fghij\u3000klmno\u3000pqrs'),
      answered('b8', addDays(A, -1), 'example', 'abcde\u00a0fghij\u00a0klmno\u00a0pqrs'),
      answered('b9', addDays(A, -1), 'example', 'abcde\u000bfghij\u000bklmno\u000bpqrs'),
      answered('x7', addDays(A, -1), 'applied', 'yes'), // never trained: not a respondent
      answered('x7', addDays(A, -1), 'example', long),
    ];
    const m = await metrics(events, { asOf: A });
    // Respondents b1…b9; applied b1, b3, b5. Rate 3/9; 1 − 1/3 > 0.40: failing.
    expect(m.behaviorCheck).toEqual({ respondents: 9, applied: 3, rate: 3 / 9, failing: true, suppressed: false });
    // Nine trained, three applied: a gap of six, two thirds of those trained.
    expect(m.gap).toEqual({ trained: 9, applied: 3, count: 6, share: 6 / 9, suppressed: false });
  });

  it('output acceptance over the last 28 days, by tool', async () => {
    const A = '2026-06-30';
    const people = ['o1', 'o2', 'o3', 'o4', 'o5'];
    const events = [
      ...people.flatMap((u) => [usedOn(u, A, 'ai.output_shown'), usedOn(u, addDays(A, -27), 'ai.output_shown')]), // 10 shown
      ...['o1', 'o2', 'o3', 'o4'].map((u) => usedOn(u, A, 'ai.output_accepted')), // 4 accepted
      ...['o1', 'o2'].map((u) => usedOn(u, addDays(A, -3), 'ai.output_edited')), // 2 edited
      ...['o3', 'o4', 'o5'].map((u) => usedOn(u, addDays(A, -1), 'ai.output_rejected')), // 3 rejected
      usedOn('o1', addDays(A, -28), 'ai.output_accepted'), // outside the window
      usedOn('o1', addDays(A, 1), 'ai.output_accepted'), // after asOf
      usedOn('o1', A, 'ai.output_shown', 'other'), // another tool
      usedOn('o2', A, 'ai.output_shown', 'other'),
    ];
    const all = await metrics(events, { asOf: A });
    expect(all.outputs).toEqual({ shown: 12, accepted: 4, edited: 2, rejected: 3, acceptanceRate: 6 / 12, suppressed: false });
    const assistant = await metrics(events, { asOf: A, tool: 'assistant' });
    expect(assistant.outputs).toEqual({ shown: 10, accepted: 4, edited: 2, rejected: 3, acceptanceRate: 0.6, suppressed: false });
  });

  it('prompt uplift: first exposure decides the arm; a goal at the window end counts, a minute later does not', async () => {
    const A = '2026-06-30';
    const E = '2026-06-10T09:00:00.000Z';
    const at = (ms: number) => new Date(Date.parse(E) + ms).toISOString();
    const hour = 3_600_000;
    const week = 7 * 24 * hour;
    const shown = (u: string, when = E) => ev(u, 'prompt.shown', '', { promptId: 'critique-tip' }, { at: when });
    const held = (u: string, when = E) => ev(u, 'prompt.held_out', '', { promptId: 'critique-tip' }, { at: when });
    const goal = (u: string, when: string, feature = 'critique') => ev(u, 'ai.feature_used', '', { feature }, { at: when });
    const events = [
      shown('p1'),
      goal('p1', at(hour)), // converts
      shown('p2'),
      goal('p2', at(week)), // exactly withinDays × 24 h later: converts
      shown('p3'),
      goal('p3', at(week + 60_000)), // one minute too late
      shown('p4'),
      goal('p4', at(-hour)), // before exposure
      shown('p5'),
      goal('p5', at(hour), 'summarize'), // not the goal's props
      shown('p6'),
      shown('p6', at(10 * 24 * hour)),
      goal('p6', at(11 * 24 * hour)), // in the window of the second showing only
      held('c1'),
      shown('c1', at(hour)),
      goal('c1', at(2 * 24 * hour)), // held out first: control, converts
      held('c2'),
      held('c3'),
      held('c4'),
      held('c5'),
      ...['s1', 's2', 's3'].map((u) => ev(u, 'prompt.shown', '', { promptId: 'small' }, { at: E })),
    ];
    const m = await metrics(events, { asOf: A });
    const critique = m.prompts.find((p) => p.id === 'critique-tip');
    // Treated p1…p6 (6), converted p1, p2 (2); control c1…c5 (5), converted c1 (1).
    expect(critique).toEqual({
      id: 'critique-tip',
      treated: 6,
      control: 5,
      convTreated: 2 / 6,
      convControl: 1 / 5,
      uplift: 2 / 6 - 1 / 5,
      ci95: newcombeInterval(2, 6, 1, 5),
      suppressed: false,
      // Eleven people: the always-valid interval spans everything, so nothing is detected.
      alwaysValid: { low: -1, high: 1 },
      // CUPED's covariate: p4's goal an hour before exposure is its only one in the 14 days before, x = 1/14 a day.
      // Pooled over 11: var(X) = (1/196 − (1/14)²/11)/10 = 1/2156, cov(X, Y) = (0 − (1/14)·3/11)/10 = −3/1540,
      // θ = −4.2; adjusted uplift 2/6 − 1/5 − θ(1/84 − 0) = 0.1333 + 0.05. Variance: treated
      // (4/15 − 2θ(−1/210) + θ²/1176)/6 = (29/120)/6, control 0.2/5: 29/720 + 1/25 against 4/90 + 1/25.
      cuped: {
        uplift: 2 / 6 - 1 / 5 + 0.05,
        alwaysValid: { low: -1, high: 1 },
        theta: -4.2,
        varianceReduction: expect.closeTo(1 - (29 / 720 + 1 / 25) / (4 / 90 + 1 / 25), 12),
        covariateDays: 14,
      },
      pValue: 1,
      detected: false,
      adjustedPValue: 1,
      detectedAfterFdr: false,
      cluster: null,
      noVerdict: null,
      // No holdout in this config: nothing to plan on; the eleven exposed are its progress.
      plan: expect.objectContaining({
        holdout: 0,
        exposuresNeeded: null,
        progress: { exposures: 11, share: null },
        summary: expect.stringMatching(/^No holdout/),
      }),
    });
    const [lo, hi] = critique?.ci95 ?? [0, 0];
    expect(lo).toBeLessThan(2 / 6 - 1 / 5);
    expect(hi).toBeGreaterThan(2 / 6 - 1 / 5);
    // Three treated, no control: both arms under minGroupSize.
    expect(m.prompts.find((p) => p.id === 'small')).toEqual({
      id: 'small',
      treated: null,
      control: null,
      convTreated: null,
      convControl: null,
      uplift: null,
      ci95: null,
      suppressed: true,
      ...upliftFields(null),
      plan: expect.objectContaining({ progress: { exposures: 3, share: null } }),
    });
    // A prompt without a goal has nothing to measure.
    expect(m.prompts.map((p) => p.id)).toEqual(['critique-tip', 'small']);
  });

  it('segments by role and team: the latest value of each trait, sustained usage at 30, 60 and 90 days per group', async () => {
    const A = '2026-09-30';
    const T = addDays(A, -100); // 90-day window: T+77 … T+90
    const identify = (u: string, day: string, traits: Record<string, string>) => ev(u, 'identify', day, traits);
    const events = [
      ...['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'].map((u) => trainedOn(u, T)),
      identify('s1', T, { role: 'leader', team: 'finance' }),
      identify('s1', addDays(T, 5), { role: 'professional' }), // latest role
      identify('s1', addDays(T, 6), { team: 'finance' }), // no role here: the role stays
      ...['s2', 's3', 's4', 's5', 's6'].map((u) => identify(u, T, { role: 'professional', team: 'finance' })),
      identify('s2', addDays(A, 1), { role: 'executive' }), // after asOf
      identify('s7', T, { role: 'technical', team: 'finance' }),
      ...['s1', 's2', 's3', 's7'].map((u) => usedOn(u, addDays(T, 80))),
      usedOn('s1', addDays(T, 25)),
      usedOn('s2', addDays(T, 50)),
    ];
    const m = await metrics(events, { asOf: A });
    // professional: s1…s6, active s1, s2, s3 → 3/6. technical: s7 alone, suppressed. s8 has no traits: a group of one.
    // Their 30-day window is T+17 … T+30 and the 60-day one T+47 … T+60: s1 used it on T+25, s2 on T+50.
    const hidden = { users: null, sustainedD30: null, sustainedD60: null, sustainedD90: null, suppressed: true };
    expect(m.segments.role).toEqual([
      { key: 'professional', users: 6, sustainedD30: 1 / 6, sustainedD60: 1 / 6, sustainedD90: 0.5, suppressed: false },
      { key: 'technical', ...hidden },
      { key: null, ...hidden },
    ]);
    // finance: s1…s7, active s1, s2, s3, s7 → 4/7.
    expect(m.segments.team).toEqual([
      { key: 'finance', users: 7, sustainedD30: 1 / 7, sustainedD60: 1 / 7, sustainedD90: 4 / 7, suppressed: false },
      { key: null, ...hidden },
    ]);
  });

  it('web-vitals: p75 per tool and metric over the last 28 days, ratings counted, small groups suppressed', async () => {
    const A = '2026-06-30';
    const vital = (u: string, day: string, metric: string, value: unknown, rating: string, tool = 'assistant') =>
      ev(u, 'perf.vital', day, { metric, value: value as number, rating }, { tool });
    const events = [
      vital('v1', A, 'LCP', 1000, 'good'),
      vital('v2', addDays(A, -27), 'LCP', 2000, 'good'), // first day of the window
      vital('v3', A, 'LCP', 3000, 'needs-improvement'),
      vital('v4', A, 'LCP', 4000, 'needs-improvement'),
      vital('v5', A, 'LCP', 5000, 'poor'),
      vital('v5', A, 'LCP', 6000, 'poor'), // a second page of v5
      vital('v1', addDays(A, -28), 'LCP', 90000, 'poor'), // outside the window
      vital('v1', addDays(A, 1), 'LCP', 90000, 'poor'), // after asOf
      vital('v2', A, 'LCP', 'slow', 'poor'), // not a number
      vital('v3', A, 'LCP', '1200', 'good'), // a string, even one that reads as a number, is not a number
      vital('v2', A, 'FID', 10, 'good'), // not a metric web-vitals reports any more
      ...['v1', 'v2', 'v3', 'v4', 'v5'].map((u, i) =>
        vital(u, A, 'CLS', [0.02, 0.05, 0.1, 0.3, 0][i], i < 2 || i === 4 ? 'good' : i === 2 ? 'needs-improvement' : 'poor'),
      ),
      vital('v1', A, 'CLS', 1e-7, 'good'), // a tiny shift: JSON writes it 1e-7, a number all the same
      vital('v1', A, 'INP', 120, 'good', 'other'),
      vital('v2', A, 'INP', 300, 'needs-improvement', 'other'), // two people on the other tool: suppressed
    ];
    const all = await metrics(events, { asOf: A });
    // LCP: 1000…6000, six samples; p75 by linear interpolation at position 5 × 0.75 = 3.75: 4000 + 0.75 × 1000.
    // CLS: 0, 1e-7, 0.02, 0.05, 0.1, 0.3; position 5 × 0.75 = 3.75: 0.05 + 0.75 × 0.05 = 0.0875.
    expect(all.vitals).toEqual([
      { tool: 'assistant', metric: 'LCP', samples: 6, p75: 4750, good: 2, needsImprovement: 2, poor: 2, suppressed: false },
      {
        tool: 'assistant',
        metric: 'CLS',
        samples: 6,
        p75: expect.closeTo(0.0875, 12),
        good: 4,
        needsImprovement: 1,
        poor: 1,
        suppressed: false,
      },
      { tool: 'other', metric: 'INP', samples: null, p75: null, good: null, needsImprovement: null, poor: null, suppressed: true },
    ]);
    const other = await metrics(events, { asOf: A, tool: 'other' });
    expect(other.vitals.map((v) => [v.tool, v.metric])).toEqual([['other', 'INP']]);
  });
});
