import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { countMetrics } from '../../src/metrics/count-metrics.js';
import { countTimeSaved, type TimeSavedCounts } from '../../src/metrics/time-saved.js';
import type { MetricsQuery } from '../../src/metrics/types.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store, StoredEvent } from '../../src/storage/store.js';
import { storeKinds, type StoreTarget } from '../helpers/store-targets.js';
import { addDays, ev, trainedOn } from './metric-data.js';

// Every expected number below is worked out by hand from the events, not by the code.
export const timeSavedConfig = parseConfig({
  tools: [
    { id: 'assistant', writeKey: 'wk_a', identity: 'unverified', origins: ['*'] },
    { id: 'other', writeKey: 'wk_o', identity: 'unverified', origins: ['*'] },
  ],
  adminToken: 'metrics-admin-token-0123',
  minGroupSize: 5,
  surveys: [
    {
      id: 'pulse',
      trigger: { event: 'ai.request' },
      questions: [
        { id: 'minutes', type: 'number', text: 'Minutes AI saved you last week?', min: 0, measures: 'minutesSaved' },
        { id: 'other', type: 'number', text: 'Meetings last week?', min: 0 },
      ],
    },
  ],
});

const A = '2026-06-30';
const day = (n: number) => addDays(A, n);
const task = (user: string, d: string, props: Record<string, string | number | boolean | null>, tool = 'assistant') =>
  ev(user, 'task.completed', d, { workflow: 'monthly-close', ...props }, { tool });
const answer = (user: string, d: string, value: number, questionId = 'minutes') =>
  ev(user, 'survey.answered', d, { surveyId: 'pulse', questionId, value });

/**
 * The hand-worked organisation of the time-saved tests, at A = 2026-06-30:
 * traits u1 analyst/finance, u2 analyst/finance, u3 engineer/finance, u4 engineer/(no team), u5 none;
 * programs: workshop u1, u2; twelve-week u1, u3.
 * Tasks in A−27…A: u1 20 (A) + 30 (A−27) = 50, its 40 of A−28 outside; u2 600 → capped 480, its
 * aiAssisted false 100 left out; u3 15 (aiAssisted null counts), its "20" (a string) left out; u4 −5
 * left out; u5 10 with the tool "other". Per task: 4 people, 555 minutes.
 * Answers to pulse/minutes (minutes a week, × 4): u1 120 (A−10; its 60 of A−100 is outside the 90
 * days) → 480; u2 3000 (A−5) then 30 (A−2, the latest) → 120; u3 3000 (A−89, the window's first
 * day) → capped 2400 → 9600; u4 45 (A) → 180; u5 answered only the unmarked question; u6 after
 * asOf. Self-reported: 4 people, 10,380 minutes.
 */
export function timeSavedEvents(): StoredEvent[] {
  return [
    ev('u1', 'identify', day(-200), { role: 'analyst', team: 'finance' }),
    ev('u2', 'identify', day(-200), { role: 'analyst', team: 'finance' }),
    ev('u3', 'identify', day(-200), { role: 'engineer', team: 'finance' }),
    ev('u4', 'identify', day(-200), { role: 'engineer' }),
    trainedOn('u1', day(-60)),
    trainedOn('u2', day(-60)),
    trainedOn('u1', day(-50), { program: 'twelve-week' }),
    trainedOn('u3', day(-50), { program: 'twelve-week' }),
    task('u1', A, { aiAssisted: true, minutesSaved: 20 }),
    task('u1', day(-27), { minutesSaved: 30 }),
    task('u1', day(-28), { minutesSaved: 40 }),
    task('u2', day(-1), { aiAssisted: true, minutesSaved: 600 }),
    task('u2', day(-1), { aiAssisted: false, minutesSaved: 100 }),
    task('u3', day(-3), { aiAssisted: null, minutesSaved: 15 }),
    task('u3', day(-3), { minutesSaved: '20' }),
    task('u4', day(-3), { minutesSaved: -5 }),
    task('u5', A, { minutesSaved: 10 }, 'other'),
    ev(null, 'task.completed', A, { minutesSaved: 30 }, { anonymousId: 'anon-1' }),
    answer('u1', day(-100), 60),
    answer('u1', day(-10), 120),
    answer('u2', day(-5), 3000),
    answer('u2', day(-2), 30),
    answer('u3', day(-89), 3000),
    answer('u4', A, 45),
    answer('u5', A, 500, 'other'),
    answer('u6', day(1), 70),
  ];
}

const m = (people: number, minutes: number) => ({ people, minutes });

describe.each(storeKinds)('time saved on hand-built data, $kind store', ({ target: makeTarget }) => {
  let target: StoreTarget | undefined;
  let store: Store | undefined;

  afterEach(async () => {
    await store?.close();
    await target?.dispose();
    store = undefined;
    target = undefined;
  });

  async function timeSaved(q: MetricsQuery, config = timeSavedConfig): Promise<TimeSavedCounts> {
    if (!store) {
      target = await makeTarget();
      store = await openStore(target.location);
      await store.insert(timeSavedEvents());
    }
    return countMetrics(store, config, q, (_counts, session) => countTimeSaved(session, config, q));
  }

  it('sums minutes per task and self-reported, in total, per program, role and team', async () => {
    expect(await timeSaved({ asOf: A })).toEqual({
      perTask: m(4, 555),
      selfReported: m(4, 10380),
      programs: [
        { key: 'twelve-week', perTask: m(2, 65), selfReported: m(2, 10080) },
        { key: 'workshop', perTask: m(2, 530), selfReported: m(2, 600) },
      ],
      role: [
        { key: 'analyst', perTask: m(2, 530), selfReported: m(2, 600) },
        { key: 'engineer', perTask: m(1, 15), selfReported: m(2, 9780) },
        { key: null, perTask: m(1, 10), selfReported: m(0, 0) },
      ],
      team: [
        { key: 'finance', perTask: m(3, 545), selfReported: m(3, 10200) },
        { key: null, perTask: m(1, 10), selfReported: m(1, 180) },
      ],
    });
  });

  it('with filters: a tool leaves out the other tool, a program counts its trained people only', async () => {
    const tool = await timeSaved({ asOf: A, tool: 'assistant' });
    expect([tool.perTask, tool.selfReported]).toEqual([m(3, 545), m(4, 10380)]);
    const workshop = await timeSaved({ asOf: A, program: 'workshop' });
    expect([workshop.perTask, workshop.selfReported]).toEqual([m(2, 530), m(2, 600)]);
  });

  it('without a question marked minutesSaved, nothing is self-reported', async () => {
    const unmarked = parseConfig({
      ...timeSavedConfig,
      surveys: [{ ...timeSavedConfig.surveys[0], questions: [{ id: 'minutes', type: 'number', text: 'Minutes?' }] }],
    });
    const counts = await timeSaved({ asOf: A }, unmarked);
    expect([counts.perTask, counts.selfReported]).toEqual([m(4, 555), m(0, 0)]);
  });
});
