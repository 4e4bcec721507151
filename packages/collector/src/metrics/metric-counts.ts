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

export interface PromptCounts {
  id: string;
  treated: ArmCounts;
  control: ArmCounts;
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
