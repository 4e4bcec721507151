/**
 * What `GET /v1/config` sends the SDK: the prompts and surveys of the tool (the collector validates
 * them with its config schema) and the person's exposure history across devices.
 */

/** Who is eligible; `sample` draws a share of them, `holdout` keeps a share as the control group. */
export interface Audience {
  roles?: string[];
  teams?: string[];
  cohorts?: string[];
  programs?: string[];
  sample: number;
  holdout: number;
}

/** When an item is due; every condition given must hold (SPEC "Prompts and surveys"). */
export interface Trigger {
  event?: string;
  count?: number;
  withinDays?: number;
  inactiveDays?: number;
  daysSinceTraining?: [number, number];
  spaced?: number[];
  selector?: string;
  on?: 'focus' | 'click' | 'hover';
  url?: string;
}

export interface Frequency {
  maxShows: number;
  cooldownDays: number;
}

/** A prompt or a survey, as far as the rules are concerned. */
export interface RuleItem {
  id: string;
  audience: Audience;
  trigger: Trigger;
  frequency: Frequency;
}

/** What one person has seen of one item (times as ISO strings). */
export interface Exposure {
  shows: number;
  lastShown: string | null;
  heldOutAt: string | null;
  dismissed: boolean;
  lastSnoozed: string | null;
  lastAnswered: string | null;
}

/** A person's exposure history, as `GET /v1/config` sends it: per prompt and per survey id, and when anything was last shown. */
export interface ExposureHistory {
  prompts: Record<string, Exposure>;
  surveys: Record<string, Exposure>;
  /** Times any prompt or survey was shown, newest first, at most 50: global fatigue caps count these. */
  recentShows: string[];
  /** UTC day of the person's first training completion (`daysSinceTraining`, `spaced`), if any. */
  trainedAt: string | null;
  /** End of the last UTC day with a usage event on any device (`inactiveDays`), if any. */
  lastUsageAt: string | null;
}

export interface Fatigue {
  perDay: number;
  perWeek: number;
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
  events: LocalEvent[];
  /** `location.pathname + location.search` of the page. */
  path: string;
  /** The DOM event that prompted the check, for `selector` + `on` triggers. */
  domEvent?: { type: 'focus' | 'click' | 'hover'; target: Element };
}
