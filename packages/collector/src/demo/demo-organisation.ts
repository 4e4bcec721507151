import type { StoredEvent } from '../storage/store.js';
import { decayCurve } from '../metrics/decay-fit.js';
import { reinforcementEvents } from './demo-reinforcement.js';
import { demoVitals } from './demo-vitals.js';
import { pick, seededRandom } from './seeded-random.js';

/** The shape of the synthetic organisation `uptake demo` writes. */
export interface DemoOptions {
  seed: number;
  employees: number;
  /** The last day of data, `YYYY-MM-DD` (usually today). */
  until: string;
  /** The tool the usage events come from. */
  tool: string;
}

const day = 86_400_000;
const roles = [
  ['executive', 5],
  ['leader', 15],
  ['professional', 60],
  ['technical', 20],
] as const;
const teams = [
  ['finance', 20],
  ['sales', 20],
  ['operations', 20],
  ['engineering', 15],
  ['marketing', 10],
  ['hr', 8],
  ['legal', 7],
] as const;
const features = [
  ['summarize', 50],
  ['draft', 35],
  ['critique', 15],
] as const;

/**
 * The two programs of SPEC's story: a one-off workshop (usage decays to about 11% sustained at day
 * 90) and a twelve-week program spread over time with peer cohorts (sustained usage near 67%).
 * `initial`, `plateau` and `tau` shape each person's chance to use AI on a working day.
 */
// Daily chances: with p per working day, "a usage event in 14 days" (10 working days) is 1 − (1 − p)^10,
// so p ≈ 0.011 at day 90 gives the workshop's 11% sustained usage, p ≈ 0.11 the program's ~67%.
const programs = {
  workshop: { share: 0.5, initial: 0.7, plateau: 0.01, tau: 12 },
  'twelve-week': { share: 0.35, initial: 0.6, plateau: 0.09, tau: 30 },
} as const;

const examples = [
  'I asked it to summarise the supplier contract before the quarterly review and cut my prep time in half.',
  'Drafted the first version of the customer escalation reply and then edited the tone myself.',
  'Used the critique feature on my forecast memo; it found two weak assumptions I fixed before sending.',
];

/**
 * Generates the demo organisation's events, person by person, in time order per person: identify,
 * training, working-day usage decaying after training, the critique tip with a 10% holdout and its
 * goal, two reinforcement prompts (a fixed day and an adaptive one) with 20% holdouts and their goal,
 * the 90-day behaviour check, and web-vitals of some page loads. Deterministic for a seed.
 */
export function* demoEvents(o: DemoOptions): Generator<StoredEvent> {
  const random = seededRandom(o.seed);
  // Web-vitals draw from a stream of their own, so adding them left every other demo figure as it was.
  const vitalRandom = seededRandom(o.seed + 7919);
  // So do engagement and time saved: who only looks at outputs, the tasks logged, the pulse's minutes.
  const savedRandom = seededRandom(o.seed + 104_729);
  // And the two reinforcement prompts (fixed day, adaptive), with events numbered apart from the rest.
  const reinforcementRandom = seededRandom(o.seed + 1_299_709);
  const end = Date.parse(`${o.until}T23:59:59Z`);
  const start = end - 240 * day; // eight months of training waves
  const eventWithId = (id: string, user: string, name: string, ts: number, props: StoredEvent['props']): StoredEvent => ({
    id,
    name,
    ts: new Date(ts),
    receivedAt: new Date(ts),
    userId: user,
    anonymousId: null,
    sessionId: null,
    tool: o.tool,
    props,
  });
  let n = 0;
  const event = (user: string, name: string, ts: number, props: StoredEvent['props'] = {}) =>
    eventWithId(`demo-${o.seed}-${(n++).toString(36)}`, user, name, ts, props);
  let reinforced = 0;
  const reinforcementEvent = (user: string, name: string, ts: number, props: StoredEvent['props']) =>
    eventWithId(`demo-${o.seed}-reinforcement-${(reinforced++).toString(36)}`, user, name, ts, props);
  for (let i = 0; i < o.employees; i++) {
    const user = `emp-${String(i + 1).padStart(5, '0')}`;
    const role = pick(random, roles);
    const team = pick(random, teams);
    const r = random();
    const program =
      r < programs.workshop.share ? 'workshop' : r < programs.workshop.share + programs['twelve-week'].share ? 'twelve-week' : undefined;
    yield event(user, 'identify', start - 30 * day, { role, team });
    if (!program) continue;
    const shape = programs[program];
    // Workshops ran monthly; the twelve-week program started a peer cohort every six weeks.
    const wave = program === 'workshop' ? Math.floor(random() * 8) * 30 : Math.floor(random() * 5) * 42;
    const trainedAt = Math.floor((start + wave * day + Math.floor(random() * 5) * day) / day) * day + 10 * 3_600_000;
    if (trainedAt > end) continue;
    const cohort =
      program === 'workshop'
        ? `workshop-${new Date(trainedAt).toISOString().slice(0, 7)}`
        : `cohort-${String.fromCharCode(65 + wave / 42)}`;
    yield event(user, 'training.completed', trainedAt, { program, cohort });
    // A person's own propensity: some stay keen, some drift.
    const keen = 0.6 + random() * 0.8;
    // About a third of people mostly look: most outputs they are shown they neither accept nor edit.
    const looker = savedRandom() < 0.3;
    const chance = decayCurve(shape.initial, shape.plateau, shape.tau);
    let rejectedRecently = 0;
    let exposedAt: number | undefined;
    let heldOut = false;
    for (let t = trainedAt + day; t <= end; t += day) {
      const weekday = new Date(t).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const days = (t - trainedAt) / day;
      if (random() > Math.min(1, chance(days) * keen)) continue;
      const sessions = 1 + Math.floor(random() * 3);
      // About one working day in six, the page load's web-vitals (the SDK sends them once per page).
      if (vitalRandom() < 0.15) {
        const loadedAt = t + Math.floor(vitalRandom() * 9 * 3_600_000);
        for (const v of demoVitals(vitalRandom)) yield event(user, 'perf.vital', loadedAt, { ...v });
      }
      for (let s = 0; s < sessions; s++) {
        const at = t + Math.floor(random() * 9 * 3_600_000);
        const feature = pick(random, features);
        yield event(user, 'ai.request', at, { feature });
        yield event(user, 'ai.output_shown', at + 4_000, { feature, outputId: `o-${n}` });
        const outcome = pick(random, [
          ['accepted', 45],
          ['edited', 25],
          ['rejected', 30],
        ] as const);
        if (outcome === 'rejected' || !looker || savedRandom() < 0.3)
          yield event(user, `ai.output_${outcome}`, at + 40_000, { feature, outputId: `o-${n - 1}` });
        // A quarter of sessions end in a task logged with the minutes it saved (the SDK's task()).
        if (savedRandom() < 0.25)
          yield event(user, 'task.completed', at + 600_000, {
            workflow: feature,
            aiAssisted: true,
            minutesSaved: [5, 10, 15, 20, 30, 45, 60][Math.floor(savedRandom() * 7)] as number,
          });
        rejectedRecently = outcome === 'rejected' ? rejectedRecently + 1 : 0;
        if (rejectedRecently >= 2 && exposedAt === undefined) {
          // The critique tip: 10% held out; shown people try critique more often within a week.
          exposedAt = at + 60_000;
          heldOut = random() < 0.1;
          yield event(user, heldOut ? 'prompt.held_out' : 'prompt.shown', exposedAt, { promptId: 'critique-tip' });
          if (!heldOut && random() < 0.55) yield event(user, 'prompt.clicked', exposedAt + 20_000, { promptId: 'critique-tip' });
          if (random() < (heldOut ? 0.18 : 0.34))
            yield event(user, 'ai.feature_used', exposedAt + Math.floor(random() * 6 * day), { feature: 'critique' });
        }
      }
    }
    // Their hidden half-life for the reinforcement prompts: the program's decay (τ·ln 2), longer the keener.
    yield* reinforcementEvents(reinforcementRandom, { user, trainedAt, halfLifeDays: shape.tau * Math.LN2 * keen }, reinforcementEvent);
    // The confidence pulse three weeks after training: about 60% say how many minutes AI saved them last week.
    const pulseAt = trainedAt + 21 * day + 11 * 3_600_000;
    if (pulseAt <= end && savedRandom() < 0.6)
      yield event(user, 'survey.answered', pulseAt, {
        surveyId: 'confidence-pulse',
        questionId: 'minutes-saved',
        value: Math.round((keen * 40 + savedRandom() * 80) / 5) * 5,
      });
    // The behaviour check around day 90, answered by about 70% of those asked.
    const askedAt = trainedAt + 90 * day + 9 * 3_600_000;
    if (askedAt <= end && random() < 0.7) {
      yield event(user, 'survey.shown', askedAt, { surveyId: 'behavior-check' });
      const stillUsing = random() < 1 - (1 - Math.min(1, chance(90) * keen)) ** 10;
      yield event(user, 'survey.answered', askedAt + 30_000, {
        surveyId: 'behavior-check',
        questionId: 'applied',
        value: stillUsing ? 'yes' : 'no',
      });
      if (stillUsing)
        yield event(user, 'survey.answered', askedAt + 90_000, {
          surveyId: 'behavior-check',
          questionId: 'example',
          value: examples[Math.floor(random() * examples.length)] as string,
        });
    }
  }
}
