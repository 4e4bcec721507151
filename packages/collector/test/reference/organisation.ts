import type { Props } from '@uptake/sdk';
import fc from 'fast-check';
import type { MetricsQuery } from '../../src/metrics/types.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { dayNumber, isoWeek, msPerDay, ymd } from './days.js';
import * as edge from './edge-values.js';
import { printOrganisation } from './print-organisation.js';

/** The prompts of generated organisations: `tip` (a goal with props, 7 days) and `quick` (the `other` tool only, half a day). */
export const goalWindowMs = { tip: 7 * msPerDay, quick: msPerDay / 2 } as const;

const at = (base: number, days: number, time: number) => (base + days) * msPerDay + time;

const training = fc.record({
  daysLater: fc.constantFrom(0, 0, 1, 10, 40),
  program: edge.programNames,
  cohort: edge.cohortNames,
  sortsFirst: fc.boolean(),
});
const identify = fc.record({
  fromTraining: fc.boolean(),
  days: fc.constantFrom(-5, 0, 3, 1),
  time: edge.timeOfDay,
  role: edge.roles,
  team: edge.teams,
});
const usage = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      fromTraining: fc.constant(true),
      days: edge.daysAfterTraining,
      time: edge.timeOfDay,
      name: edge.usageNames,
      tool: edge.toolNames,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      fromTraining: fc.constant(false),
      days: edge.daysAfterAnchor,
      time: edge.timeOfDay,
      name: edge.usageNames,
      tool: edge.toolNames,
    }),
  },
);
const answer = fc.oneof(
  fc.record({
    question: fc.constant('applied'),
    value: edge.appliedValues,
    days: fc.constantFrom(-30, -3, -1, 0, 1),
    time: edge.timeOfDay,
  }),
  fc.record({ question: fc.constant('example'), value: edge.examples, days: fc.constantFrom(-30, -3, -1, 0, 1), time: edge.timeOfDay }),
);
/** A task.completed: minutes saved at and past the cap, zero, negative, as text; AI-assisted or not. */
const task = fc.record({
  days: edge.daysAfterAnchor,
  time: edge.timeOfDay,
  minutes: fc.constantFrom<number | string | null>(0, 15, 30, 30, 480, 481, 1000, -5, '20', null),
  aiAssisted: fc.constantFrom<boolean | null | undefined>(true, true, false, null, undefined),
  tool: edge.toolNames,
});
/** An answer to the pulse's minutes-saved question (minutes a week): at and past the cap, at the edge of the 90 days. */
const minutesAnswer = fc.record({
  days: fc.constantFrom(-90, -89, -30, -3, 0, 0, 1),
  time: edge.timeOfDay,
  value: fc.constantFrom(0, 45.5, 60, 120, 2400, 2401, 3000, -10),
});
const exposure = fc.record({
  prompt: fc.constantFrom('tip', 'tip', 'tip', 'quick'),
  shown: fc.boolean(),
  days: fc.constantFrom(-40, -20, -10, -3, 0, 1),
  time: edge.timeOfDay,
  tool: edge.toolNames,
});
/**
 * A goal event relative to the person's first exposure: at it, a millisecond either side, at the end
 * of the window and just past it; before it, at the start of CUPED's 14 days and just outside them.
 */
const goal = fc.record({
  offset: fc.constantFrom('0', '0', '-1ms', '+1ms', 'end', 'end', 'end-1ms', 'end+1ms', '+1h', '-14d', '-14d-1ms', '-3d'),
  matches: fc.constantFrom(true, true, true, false),
});
const vital = fc.record({
  metric: edge.vitalMetrics,
  value: edge.vitalValues,
  rating: edge.ratings,
  days: fc.constantFrom(0, -3, -27, -28, 1),
  tool: fc.constantFrom('assistant', 'assistant', 'assistant', 'other'),
});

const person = fc.record({
  trained: fc.constantFrom(true, true, true, true, true, false),
  /** Most people train in one of two waves and share its traits, so groups reach minGroupSize. */
  wave: fc.constantFrom<0 | 1 | null>(0, 0, 0, 0, 1, 1, null),
  ownTraits: fc.option(fc.record({ role: edge.roles, team: edge.teams }), { freq: 5 }),
  ownDaysBefore: edge.trainingDaysBefore,
  time: edge.timeOfDay,
  program: edge.programNames,
  again: fc.option(training, { freq: 4 }),
  identifies: fc.array(identify, { maxLength: 3 }),
  usage: fc.array(usage, { maxLength: 7 }),
  /** One use on the first or last day of a sustained window (or just outside it), whatever the organisation's `busy`. */
  windowEdgeUse: fc.option(fc.constantFrom(16, 17, 17, 30, 31, 46, 47, 47, 60, 61, 76, 77, 77, 90, 91), { freq: 3 }),
  answers: fc.array(answer, { maxLength: 3 }),
  exposures: fc.array(exposure, { minLength: 1, maxLength: 2 }),
  goals: fc.array(goal, { maxLength: 2 }),
  vitals: fc.array(vital, { minLength: 1, maxLength: 3 }),
  /** Uses AI at all when below the organisation's `busy` level: quiet organisations have groups near minGroupSize. */
  engagement: fc.integer({ min: 0, max: 9 }),
  /** Delivered late, or with receipt before the event (a device clock ahead, corrected): metrics follow `ts`. */
  receivedLate: fc.constantFrom(0, 0, 3 * msPerDay, -300_000),
});
const wave = fc.record({
  daysBefore: edge.waveDaysBefore,
  // Half the waves at 00:00:00.000: asOf on the day before is then one millisecond short of them.
  time: fc.constantFrom(0, 0, 43_200_000, 86_399_999),
  cohort: edge.cohortNames,
  role: edge.roles,
  team: edge.teams,
});
/** Events before identify: browsers known by an anonymous id only (or not even that). */
const anonymous = fc.record({
  name: fc.constantFrom('ai.request', 'ai.output_shown', 'ai.output_shown', 'perf.vital', 'perf.vital', 'training.completed'),
  anonymousId: fc.option(fc.constantFrom('anon-1', 'anon-2', 'anon-3', 'anon-4'), { freq: 6 }),
  days: edge.daysAfterAnchor,
  tool: edge.toolNames,
});
const query = fc.record({
  /** asOf near the anchor day, or at an edge of a wave: the day before it trained, N days after it. */
  asOf: fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        from: fc.constant<'anchor'>('anchor'),
        days: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(-1, 0, 0, 0, 1) },
          { weight: 1, arbitrary: fc.integer({ min: -10, max: 3 }) },
        ),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ from: fc.constantFrom<0 | 1>(0, 1), days: fc.constantFrom(-1, -1, -1, 0, 6, 7, 13, 29, 30, 59, 60, 89, 90) }),
    },
  ),
  tool: fc.constantFrom(undefined, undefined, undefined, 'assistant', 'other'),
  program: fc.constantFrom(undefined, undefined, undefined, 'workshop', 'twelve-week'),
  cohort: fc.constantFrom(undefined, undefined, undefined, undefined, 'spring', 'autumn', 'iso-week-of-wave-0'),
});

/** A generated organisation: the events written to the store, in batches, and the questions asked. */
export interface Organisation {
  minGroupSize: number;
  /** Where metrics read usage days from: the daily usage rollup, or a scan of the events. */
  usage: 'rollup' | 'events';
  /** Written in this order, one `store.insert` each; an id may come again in a later batch (a retry). */
  batches: StoredEvent[][];
  queries: MetricsQuery[];
  /** One line per event, for a person to read (see print-organisation.ts). */
  print(): string;
}

export const organisations: fc.Arbitrary<Organisation> = fc
  .record({
    anchor: edge.anchorDays,
    minGroupSize: fc.constantFrom(5, 5, 5, 6),
    usage: fc.constantFrom<'rollup' | 'events'>('rollup', 'events'),
    waves: fc.tuple(wave, wave),
    people: fc.array(person, { minLength: 10, maxLength: 24 }),
    anonymous: fc.array(anonymous, { maxLength: 8 }),
    busy: fc.constantFrom(3, 5, 10),
    /**
     * A group exactly at the threshold: minGroupSize − 1 people and these never-identified browsers
     * report the assistant's TTFB three days before the first question's asOf (no other event has it).
     */
    anonymousPages: fc.constantFrom(0, 1, 2),
    /** Browsers never identified, each shown an output of the assistant on the first question's asOf. */
    anonymousOutputs: fc.integer({ min: 0, max: 4 }),
    batches: fc.integer({ min: 1, max: 3 }),
    retried: fc.array(fc.nat(), { maxLength: 3 }),
    queries: fc.array(query, { minLength: 1, maxLength: 2 }),
    // Last, so that the draws above (and the organisations they make) stay those of before time saved.
    timeSaved: fc.array(
      fc.record({
        tasks: fc.array(task, { minLength: 1, maxLength: 3 }),
        answers: fc.array(minutesAnswer, { minLength: 1, maxLength: 2 }),
      }),
      { minLength: 8, maxLength: 24 },
    ),
  })
  .map((g) => {
    const anchor = dayNumber(g.anchor);
    const asOfDays = g.queries.map((q) => (q.asOf.from === 'anchor' ? anchor : anchor - g.waves[q.asOf.from].daysBefore) + q.asOf.days);
    // Pages and outputs of the first question's last days: the people behind them are counted in its answer.
    const readDay = asOfDays[0] as number;
    const events: StoredEvent[] = [];
    const add = (
      id: string,
      user: string | null,
      name: string,
      ts: number,
      tool: string,
      props: Props,
      late = 0,
      anonymousId: string | null = null,
    ) =>
      events.push({ id, name, ts: new Date(ts), receivedAt: new Date(ts + late), userId: user, anonymousId, sessionId: null, tool, props });
    g.people.forEach((p, i) => {
      const user = `p${String(i + 1).padStart(2, '0')}`;
      let seq = 0;
      const id = () => `ev-${user}-${String(seq++).padStart(3, '0')}`;
      if (i < g.minGroupSize - 1)
        add(id(), user, 'perf.vital', at(readDay, -3, 43_200_000), 'assistant', { metric: 'TTFB', value: 300 + i, rating: 'good' });
      const wave = p.wave === null ? null : g.waves[p.wave];
      const trainedAt = anchor - (wave ? wave.daysBefore : p.ownDaysBefore);
      const time = wave ? wave.time : p.time;
      const first = { ts: at(trainedAt, 0, time), props: { program: p.program, ...(wave?.cohort ? { cohort: wave.cohort } : {}) } };
      if (p.trained) {
        const again = p.again && {
          ts: at(trainedAt, p.again.daysLater, time),
          props: { program: p.again.program, ...(p.again.cohort ? { cohort: p.again.cohort } : {}) },
        };
        for (const t of again?.ts === first.ts && p.again?.sortsFirst ? [again, first] : again ? [first, again] : [first])
          add(id(), user, 'training.completed', t.ts, 'uptake-import', t.props);
      }
      const traits = p.ownTraits ?? wave ?? { role: null, team: null };
      if (p.trained && (traits.role || traits.team)) {
        add(id(), user, 'identify', at(trainedAt, 0, time), 'uptake-import', {
          ...(traits.role ? { role: traits.role } : {}),
          ...(traits.team ? { team: traits.team } : {}),
        });
      }
      for (const x of p.identifies) {
        const props = { ...(x.role ? { role: x.role } : {}), ...(x.team ? { team: x.team } : {}) };
        add(id(), user, 'identify', at(x.fromTraining ? trainedAt : anchor, x.days, x.time), 'assistant', props, p.receivedLate);
      }
      if (p.windowEdgeUse !== null)
        add(id(), user, 'ai.request', at(trainedAt, p.windowEdgeUse, time), 'assistant', { feature: 'summarize' }, p.receivedLate);
      for (const u of p.engagement < g.busy ? p.usage : [])
        add(id(), user, u.name, at(u.fromTraining ? trainedAt : anchor, u.days, u.time), u.tool, { feature: 'summarize' }, p.receivedLate);
      for (const a of p.answers)
        add(
          id(),
          user,
          'survey.answered',
          at(anchor, a.days, a.time),
          'assistant',
          { surveyId: 'behavior-check', questionId: a.question, value: a.value },
          p.receivedLate,
        );
      for (const x of p.exposures)
        add(
          id(),
          user,
          x.shown ? 'prompt.shown' : 'prompt.held_out',
          at(anchor, x.days, x.time),
          x.tool,
          { promptId: x.prompt },
          p.receivedLate,
        );
      const exposed = p.exposures[0];
      for (const x of exposed ? p.goals : []) {
        const start = at(anchor, exposed.days, exposed.time);
        const end = goalWindowMs[exposed.prompt as 'tip' | 'quick'];
        const delta = {
          '0': 0,
          '-1ms': -1,
          '+1ms': 1,
          end,
          'end-1ms': end - 1,
          'end+1ms': end + 1,
          '+1h': 3_600_000,
          '-14d': -14 * msPerDay,
          '-14d-1ms': -14 * msPerDay - 1,
          '-3d': -3 * msPerDay,
        }[x.offset];
        if (exposed.prompt === 'tip')
          add(id(), user, 'ai.feature_used', start + delta, 'assistant', { feature: x.matches ? 'critique' : 'summarize' }, p.receivedLate);
        else add(id(), user, x.matches ? 'report.generated' : 'report.viewed', start + delta, 'other', {}, p.receivedLate);
      }
      for (const v of p.engagement < g.busy + 2 ? p.vitals : [])
        add(
          id(),
          user,
          'perf.vital',
          at(anchor, v.days, 43_200_000),
          v.tool,
          { metric: v.metric, value: v.value, rating: v.rating },
          p.receivedLate,
        );
    });
    g.timeSaved.forEach((x, k) => {
      const user = `p${String((k % g.people.length) + 1).padStart(2, '0')}`;
      let seq = 0;
      const id = () => `ev-${user}-saved-${k}-${seq++}`;
      for (const t of x.tasks)
        add(
          id(),
          user,
          'task.completed',
          at(anchor, t.days, t.time),
          t.tool,
          {
            workflow: 'close',
            ...(t.minutes === null ? {} : { minutesSaved: t.minutes }),
            ...(t.aiAssisted === undefined ? {} : { aiAssisted: t.aiAssisted }),
          },
          0,
        );
      for (const a of x.answers)
        add(
          id(),
          user,
          'survey.answered',
          at(anchor, a.days, a.time),
          'assistant',
          { surveyId: 'pulse', questionId: 'minutes', value: a.value },
          0,
        );
    });
    g.anonymous.forEach((a, i) => {
      const props: Props =
        a.name === 'perf.vital'
          ? { metric: 'LCP', value: 1000 + i, rating: 'good' }
          : a.name === 'training.completed'
            ? { program: 'workshop' }
            : {};
      add(`ev-anon-${String(i).padStart(3, '0')}`, null, a.name, at(anchor, a.days, 43_200_000), a.tool, props, 0, a.anonymousId);
    });
    for (let i = 0; i < g.anonymousPages; i++) {
      add(
        `ev-page-${String(i).padStart(3, '0')}`,
        null,
        'perf.vital',
        at(readDay, -3, 43_200_000),
        'assistant',
        { metric: 'TTFB', value: 800 + i, rating: 'good' },
        0,
        `page-${i}`,
      );
    }
    for (let i = 0; i < g.anonymousOutputs; i++) {
      add(
        `ev-shown-${String(i).padStart(3, '0')}`,
        null,
        'ai.output_shown',
        at(readDay, 0, 43_200_000),
        'assistant',
        {},
        0,
        `browser-${i}`,
      );
    }
    const batches: StoredEvent[][] = Array.from({ length: g.batches }, (_, b) => events.filter((_, i) => i % g.batches === b));
    const retried = events.length === 0 ? [] : [...new Set(g.retried.map((n) => events[n % events.length] as StoredEvent))];
    if (retried.length > 0) batches.push(retried);
    const waveWeek = isoWeek(anchor - g.waves[0].daysBefore);
    const queries = g.queries.map(
      (q, i): MetricsQuery => ({
        asOf: ymd(asOfDays[i] as number),
        ...(q.tool ? { tool: q.tool } : {}),
        ...(q.program ? { program: q.program } : {}),
        ...(q.cohort ? { cohort: q.cohort === 'iso-week-of-wave-0' ? waveWeek : q.cohort } : {}),
      }),
    );
    const organisation: Organisation = {
      minGroupSize: g.minGroupSize,
      usage: g.usage,
      batches,
      queries,
      print: () => printOrganisation(organisation),
    };
    // fast-check names the counterexample with this; the failure's message prints it whole.
    return Object.assign(organisation, { toString: () => `an organisation of ${events.length} events (printed in full below)` });
  });
