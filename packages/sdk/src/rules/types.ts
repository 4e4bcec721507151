// The shapes of the config and of the history are the wire protocol's (`@uptake/sdk/protocol`), taken
// as types only: nothing of zod reaches the script-tag bundles.
import type { Audience, Exposure, ExposureHistory, Fatigue, Frequency, Recurrence, Trigger } from '../protocol/index.js';

export type { Audience, Exposure, ExposureHistory, Fatigue, Frequency, Recurrence, Trigger };

/** A prompt or a survey, as far as the rules are concerned. */
export interface RuleItem {
  id: string;
  audience: Audience;
  trigger: Trigger;
  frequency: Frequency;
  /** A survey's: offered again this long after the last answer. */
  recurrence?: Recurrence | undefined;
}

/** The person, as the rules see them: traits from `identify`, training from the collector. */
export interface Person {
  userId: string;
  role?: string;
  team?: string;
  cohort?: string;
  program?: string;
  /** Day of the first `training.completed`, `YYYY-MM-DD`, when known. */
  trainedAt?: string;
  /** Time of the person's last usage event on any device (ISO), when known. */
  lastUsageAt?: string;
}

/** What happened in this browser lately: event names with their times (ms). */
export interface LocalEvent {
  name: string;
  at: number;
}

/** Everything a trigger is judged against. */
export interface RuleContext {
  now: number;
  person: Person;
  /** Recent events of this person in this browser, oldest first. */
  events: readonly LocalEvent[];
  /** `location.pathname + location.search` of the page. */
  path: string;
  /** The DOM event that prompted the check, for `selector` + `on` triggers. */
  domEvent?: { type: 'focus' | 'click' | 'hover'; target: Element };
}
