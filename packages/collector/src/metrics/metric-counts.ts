import type { Cluster } from '../stats/cluster-analysis.js';
import type { PlanCounts, PlanSettings } from '../stats/power-plan.js';
import type { EngagementCounts } from './engagement.js';
import type { TimeSavedCounts } from './time-saved.js';

/**
 * The exact counts behind every figure of `GET /v1/metrics`, as the store's queries return them,
 * before anything is suppressed or perturbed. They never leave the collector: `publishMetrics`
 * turns them into the answer a reader may see (exact for analysts and admins, protected for
 * viewers).
 */

/** People eligible for a window and how many of them were active in it. */
export interface WindowCounts {
  eligible: number;
  active: number;
}

/** Sustained usage at 30, 60 and 90 days. */
export interface HorizonCounts {
  d30: WindowCounts;
  d60: WindowCounts;
  d90: WindowCounts;
}

export interface ActivityCounts {
  dau: number;
  wau: number;
  mau: number;
  /** Person-days of activity over asOf−27…asOf (stickiness = userDays ÷ 28 ÷ mau). */
  userDays: number;
}

/** People trained on or before asOf, those of them active in the last 28 days, and sustained usage. */
export interface PopulationCounts {
  trained: number;
  active: number;
  sustained: HorizonCounts;
}

export interface BehaviorCounts {
  respondents: number;
  applied: number;
}

export interface OutputCounts {
  shown: number;
  accepted: number;
  edited: number;
  rejected: number;
  /** People (or anonymous browsers) behind the outputs: what suppression is decided on. */
  people: number;
}

export interface RetentionCounts extends WindowCounts {
  week: number;
}

export interface CohortCounts {
  cohort: string;
  size: number;
  cells: RetentionCounts[];
}

export interface SegmentCounts {
  key: string | null;
  users: number;
  sustained: HorizonCounts;
}

/** People exposed in one arm of a prompt and how many of them converted. */
export interface ArmCounts {
  people: number;
  converted: number;
}

/**
 * Per arm, CUPED's covariate (docs/analysts.md "Uplift you can watch"): k is a person's goal events
 * in the 14 days before their exposure or hold-out; the sums of k, k² and k over the converted.
 */
export interface CovariateSums {
  events: number;
  squares: number;
  converted: number;
}

/** One team's people exposed in one arm of a prompt randomized by team, and how many of them converted. */
export interface TeamCounts extends Cluster {
  /** The team trait: names the team's cells when they are released to a viewer. */
  team: string;
}

export interface PromptCounts {
  id: string;
  treated: ArmCounts;
  control: ArmCounts;
  /** Absent where not counted (a viewer's answer before any week is complete). */
  covariate?: { treated: CovariateSums; control: CovariateSums };
  /** Randomized by team: each arm's teams (exposed people and converted); null otherwise. */
  clusters?: { treated: TeamCounts[]; control: TeamCounts[] } | null;
  /** What its power plan is computed from: the store's counts (`planCounts`) and the prompt's settings. */
  plan?: { counts: PlanCounts; settings: PlanSettings };
}

export interface ProgramCounts {
  program: string;
  population: PopulationCounts;
  /** Retention by week, all the program's cohorts together; empty under `minGroupSize` people (not computed). */
  cells: RetentionCounts[];
}

export interface VitalCounts {
  tool: string;
  metric: string;
  samples: number;
  people: number;
  p75: number;
  good: number;
  needsImprovement: number;
  poor: number;
}

export interface MetricCounts {
  engagement: EngagementCounts;
  timeSaved: TimeSavedCounts;
  activity: ActivityCounts;
  population: PopulationCounts;
  behaviorCheck: BehaviorCounts;
  outputs: OutputCounts;
  cohorts: CohortCounts[];
  segments: { role: SegmentCounts[]; team: SegmentCounts[] };
  prompts: PromptCounts[];
  programs: ProgramCounts[];
  vitals: VitalCounts[];
}

const emptyWindow = { eligible: 0, active: 0 };
const emptyArm = { people: 0, converted: 0 };
const emptyEngaged = { eligible: 0, engaged: 0 };

/**
 * Counts of a store with nothing in it (for `promptIds`' prompts): what a viewer's answer is built
 * from when no week is complete yet, and what a weekly trend fills in beside the figures it counts.
 */
export function emptyCounts(promptIds: readonly string[]): MetricCounts {
  const sustained = { d30: emptyWindow, d60: emptyWindow, d90: emptyWindow };
  const none = { people: 0, minutes: 0 };
  return {
    engagement: {
      activity: { active: 0, engaged: 0 },
      adoption: { trained: 0, engaged: 0 },
      sustained: { d30: emptyEngaged, d60: emptyEngaged, d90: emptyEngaged },
      intensity: { light: 0, moderate: 0, heavy: 0 },
    },
    timeSaved: { perTask: none, selfReported: none, programs: [], role: [], team: [] },
    activity: { dau: 0, wau: 0, mau: 0, userDays: 0 },
    population: { trained: 0, active: 0, sustained },
    behaviorCheck: { respondents: 0, applied: 0 },
    outputs: { shown: 0, accepted: 0, edited: 0, rejected: 0, people: 0 },
    cohorts: [],
    segments: { role: [], team: [] },
    prompts: promptIds.map((id) => ({ id, treated: emptyArm, control: emptyArm })),
    programs: [],
    vitals: [],
  };
}
