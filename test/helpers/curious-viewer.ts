import { pick, seededRandom } from '../../packages/collector/src/demo/seeded-random.js';
import { addDays } from '../../packages/collector/src/metrics/figures-as-of.js';
import type { Metrics } from '../../packages/collector/src/metrics/types.js';
import type { StoredEvent } from '../../packages/collector/src/storage/store.js';

/** One of the 20 people the curious viewer wants to know about. */
export interface Target {
  user: string;
  trainedOn: string;
  /** Used AI in the 14 days up to their 30th day after training. */
  active: boolean;
}

/** A realistic organisation with 20 people trained on 20 consecutive days, exactly half of them active at day 30. */
export interface CuriousViewerCase {
  events: StoredEvent[];
  targets: Target[];
  /** Every person with their team and training day: what an insider knows from the org chart and HR. */
  people: { user: string; team: string; trainedOn: string }[];
  /** The days the curious reader asks for, in order: the day before the first 30th day to the last 30th day. */
  days: string[];
  /** The Sunday on or after the last 30th day: a viewer asks for it too, to see the last week's change. */
  lastWeekEnd: string;
  /** A day by which every week of `days` is complete. */
  today: string;
}

const teams = [
  ['engineering', 420],
  ['sales', 330],
  ['operations', 260],
  ['finance', 210],
  ['support', 180],
  ['marketing', 150],
  ['hr', 120],
  ['legal', 80],
  ['design', 60],
  ['data', 45],
  ['security', 30],
  ['executive', 15],
] as const;

let sequence = 0;
function event(user: string, name: string, day: string, props: StoredEvent['props'], hour = 12): StoredEvent {
  const ts = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00.000Z`);
  return {
    id: `cv-${(sequence++).toString(36)}`,
    name,
    ts,
    receivedAt: ts,
    userId: user,
    anonymousId: null,
    sessionId: null,
    tool: 'assistant',
    props,
  };
}

/**
 * `size` people (1,900 by default) trained over the year before in 16 waves (named cohorts, each
 * over a few days), in 12 teams of 15 to about 420 people and two programs, each using AI in a week
 * after training with a chance that fades to their own plateau (most keep using it, some stop);
 * then 20 people trained one a day on 20 consecutive days (no cohort name: their ISO weeks), nobody
 * else trained in the week before or after them, 10 of them (at random) using AI in their day-30
 * window and 10 not (some used it earlier). Deterministic for a seed; the first training day's
 * weekday varies with it.
 */
export function curiousViewerOrganisation(seed: number, size = 1_900): CuriousViewerCase {
  const random = seededRandom(seed);
  const first = addDays('2026-03-02', Math.floor(random() * 7));
  const last = addDays(first, 19);
  const horizon = addDays(last, 40);
  const events: StoredEvent[] = [];
  const people: CuriousViewerCase['people'] = [];
  const train = (user: string, day: string, program: string, team: string, cohort?: string) => {
    events.push(
      event(user, 'training.completed', day, cohort ? { program, cohort } : { program }),
      event(user, 'identify', day, { team, role: 'professional' }, 13),
    );
    people.push({ user, team, trainedOn: day });
  };
  const useOn = (user: string, day: string) => events.push(event(user, 'ai.request', day, { feature: 'summarize' }, 14));

  for (let i = 0; i < size; i++) {
    const user = `person-${i}`;
    const wave = Math.floor(random() * 16);
    const trainedOn = addDays(first, -10 - 24 * wave - Math.floor(random() * 3));
    train(user, trainedOn, random() < 0.7 ? 'ai-basics' : 'ai-advanced', pick(random, teams), `wave-${16 - wave}`);
    const plateau = random() < 0.75 ? 0.5 + 0.4 * random() : 0.1 * random();
    for (let week = 0; week < 16 && addDays(trainedOn, 7 * week) <= horizon; week++) {
      const chance = plateau + (0.9 - plateau) * Math.exp(-week / 3);
      if (random() < chance) useOn(user, addDays(trainedOn, 7 * week + Math.floor(random() * 7)));
    }
  }
  const order = Array.from({ length: 20 }, (_, i) => ({ i, r: random() })).sort((a, b) => a.r - b.r);
  const active = new Set(order.slice(0, 10).map((o) => o.i));
  const targets: Target[] = [];
  for (let i = 0; i < 20; i++) {
    const user = `target-${i}`;
    const trainedOn = addDays(first, i);
    train(user, trainedOn, 'ai-basics', pick(random, teams));
    if (active.has(i)) useOn(user, addDays(trainedOn, 17 + Math.floor(random() * 14)));
    else if (random() < 0.6) useOn(user, addDays(trainedOn, Math.floor(random() * 17)));
    targets.push({ user, trainedOn, active: active.has(i) });
  }
  const days = Array.from({ length: 21 }, (_, k) => addDays(first, 29 + k));
  const lastDay = addDays(last, 30);
  const lastWeekEnd = addDays(lastDay, (7 - new Date(`${lastDay}T00:00:00Z`).getUTCDay()) % 7);
  return { events, targets, people, days, lastWeekEnd, today: addDays(last, 45) };
}

/** What the viewer reads for a day: the day the figures are for and sustained use at 30 days. */
export interface Reading {
  figuresAsOf: string;
  active: number | null;
}

export function reading(day: string, m: Metrics): Reading {
  return { figuresAsOf: m.figuresAsOf ?? day, active: m.sustained.d30.active };
}

/**
 * The naive guesser: a person used AI at day 30 when sustained use at 30 days counts more active
 * people on their 30th day than on the day before.
 */
export function naiveGuesses(readings: Map<string, Reading>, targets: readonly Target[]): boolean[] {
  return targets.map((t) => {
    const after = readings.get(addDays(t.trainedOn, 30))?.active ?? 0;
    const before = readings.get(addDays(t.trainedOn, 29))?.active ?? 0;
    return after - before >= 1;
  });
}

/**
 * The batch-aware guesser: between two successive days the figures are for, the people whose 30th
 * day fell in between joined the window together; the change in active people is spread over them
 * (all guessed active when it says more than half of them were). With daily figures each batch is
 * one person.
 */
export function batchGuesses(readings: Map<string, Reading>, targets: readonly Target[]): boolean[] {
  const byDay = new Map([...readings.values()].map((r) => [r.figuresAsOf, r.active ?? 0]));
  const figureDays = [...byDay.keys()].sort();
  const guesses = targets.map(() => false);
  for (const [j, hi] of figureDays.entries()) {
    const lo = figureDays[j - 1];
    if (lo === undefined) continue;
    const joined = targets.flatMap((t, i) => (lo < addDays(t.trainedOn, 30) && addDays(t.trainedOn, 30) <= hi ? [i] : []));
    if (joined.length === 0) continue;
    const change = Math.round((byDay.get(hi) as number) - (byDay.get(lo) as number));
    const activeShare = Math.max(0, Math.min(joined.length, change)) / joined.length;
    for (const i of joined) guesses[i] = activeShare > 0.5;
  }
  return guesses;
}

/** How many guesses are right. */
export const rightGuesses = (guesses: readonly boolean[], targets: readonly Target[]): number =>
  guesses.filter((g, i) => g === targets[i]?.active).length;
