import { adaptiveDefaults } from '@uptake/sdk/protocol';
import { daysUntilDue } from '../model/half-life.js';
import type { StoredEvent } from '../storage/store.js';

/** The demo's two reinforcement prompts on one goal: a fixed day after training, and each person's own due day. */
export const reinforcementPrompts = { fixed: 'recap-day-7', adaptive: 'recap-adaptive' } as const;

/** The goal both prompts count: the recap's practice exercise done within a week. */
export const reinforcementGoal = 'practice.completed';

const day = 86_400_000;
/** The fixed prompt's one day after training (`spaced: [7]`). */
const fixedDay = 7;
const holdout = 0.2;
/** Held-out people do the practice on their own this often; a reminder adds up to `bestLift`. */
const baseRate = 0.15;
const bestLift = 0.2;
/** A reminder's lift halves for every `liftHalfDays` it arrives away from the person's forgetting point. */
const liftHalfDays = 3;

/** What the reinforcement stream needs to know of one trained person. */
export interface ReinforcedPerson {
  user: string;
  trainedAt: number;
  /** The person's hidden half-life in days: the model never sees it. */
  halfLifeDays: number;
}

/**
 * One trained person's reinforcement: they get one of the two prompts (half each, so the arms do not
 * mix), 20% of them held out. The adaptive one is shown on their due day: `daysUntilDue` of the
 * collector's model, applied to their hidden half-life from training day. The simulated effect: a
 * reminder lifts the chance of the goal within 7 days by 20 points when it arrives on the person's due
 * day, halving for every 3 days it is away from it; held out, 15% do it anyway. Draws only from
 * `random`, so adding it moved no other demo figure.
 */
export function* reinforcementEvents(
  random: () => number,
  person: ReinforcedPerson,
  event: (user: string, name: string, ts: number, props: StoredEvent['props']) => StoredEvent,
): Generator<StoredEvent> {
  const adaptive = random() < 0.5;
  const heldOut = random() < holdout;
  const dueDays = daysUntilDue(person.halfLifeDays, adaptiveDefaults.targetRecall, adaptiveDefaults.minDays, adaptiveDefaults.maxDays);
  const shownDays = adaptive ? dueDays : fixedDay;
  const promptId = adaptive ? reinforcementPrompts.adaptive : reinforcementPrompts.fixed;
  const at = person.trainedAt + shownDays * day + 2 * 3_600_000;
  yield event(person.user, heldOut ? 'prompt.held_out' : 'prompt.shown', at, { promptId });
  const lift = heldOut ? 0 : bestLift * 2 ** (-Math.abs(shownDays - dueDays) / liftHalfDays);
  const goalAfter = Math.floor(random() * 6 * day) + 3_600_000;
  if (random() < baseRate + lift) yield event(person.user, reinforcementGoal, at + goalAfter, {});
}
