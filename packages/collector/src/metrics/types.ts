import type { PowerPlanReport } from '../stats/power-plan.js';
import type { Trends } from '../trends/types.js';
import type { UpliftFields } from './uplift-test.js';

/** Filters of `GET /v1/metrics` and `uptake report`. */
export interface MetricsQuery {
  /** The day the metrics are read at, `YYYY-MM-DD` (UTC); default today. */
  asOf: string;
  /** Only usage, outputs and prompt events of this tool. */
  tool?: string;
  /** Only people trained in this program; `trainedAt` is their first completion of it. */
  program?: string;
  /** Only people of this training cohort. */
  cohort?: string;
}

/** A rate between 0 and 1, or null where its denominator is 0 or suppressed. */
export type Rate = number | null;

export interface Window {
  eligible: number | null;
  active: number | null;
  rate: Rate;
  suppressed: boolean;
}

export interface DecayFit {
  /** `ok`; `flat` when the curve does not decay (no half-life); `insufficient-data` under 3 weeks of points. */
  status: 'ok' | 'flat' | 'insufficient-data';
  /** Weeks k ≥ 1 with at least `minGroupSize` eligible members. */
  points: number;
  initial: number | null;
  plateau: number | null;
  halfLifeDays: number | null;
  r2: number | null;
}

export interface RetentionCell extends Window {
  week: number;
}

export interface CohortMetrics {
  cohort: string;
  size: number | null;
  suppressed: boolean;
  retention: RetentionCell[];
  fit: DecayFit | null;
}

export interface SegmentMetrics {
  key: string | null;
  users: number | null;
  /** Sustained usage at 30, 60 and 90 days within the group; null while fewer than `minGroupSize` of them are eligible. */
  sustainedD30: Rate;
  sustainedD60: Rate;
  sustainedD90: Rate;
  suppressed: boolean;
}

/** One training program: its trained people (trainedAt = their first completion of it), sustained usage, retention and decay. */
export interface ProgramMetrics {
  program: string;
  size: number | null;
  suppressed: boolean;
  sustained: { d30: Window; d60: Window; d90: Window };
  /** Retention by week since training, all of the program's cohorts together. */
  retention: RetentionCell[];
  fit: DecayFit | null;
}

/** Web-vitals of one tool and metric over asOf−27…asOf (`perf.vital` events). */
export interface VitalMetrics {
  tool: string;
  /** `LCP`, `INP`, `CLS`, `FCP` or `TTFB`. */
  metric: string;
  samples: number | null;
  /** 75th percentile of the values: milliseconds, or a unitless score for CLS. */
  p75: number | null;
  good: number | null;
  needsImprovement: number | null;
  poor: number | null;
  suppressed: boolean;
}

/** One prompt's uplift against its holdout, and its test (`UpliftFields`). */
export interface PromptMetrics extends UpliftFields {
  id: string;
  treated: number | null;
  control: number | null;
  convTreated: Rate;
  convControl: Rate;
  uplift: number | null;
  /** Newcombe's fixed-horizon 95% interval: valid for one look decided in advance, not for watching. */
  ci95: [number, number] | null;
  suppressed: boolean;
  /**
   * A viewer's answer only, while an arm is suppressed: the end of the week (a Sunday,
   * `YYYY-MM-DD`) around which both arms are expected to reach `minGroupSize`, from their growth
   * over the last four weeks; null when they do not grow (or not within a year). Never how many
   * an arm holds.
   */
  knownAround?: string | null;
  /** The test's power plan (docs/analysts.md "Power before launch"); null when it was not read. */
  plan?: PowerPlanReport | null;
}

/**
 * A prompt's funnel in people (`GET /v1/metrics` key `funnels`, one per `prompts` entry, same order):
 * each step counts people of the treated arm, shown → clicked its action → reached the goal (a goal
 * may be reached without a click).
 */
export interface PromptFunnel {
  id: string;
  shown: number | null;
  clicked: number | null;
  goal: number | null;
  suppressed: boolean;
}

/** One value of a question (a scale point, an NPS score 0–10, an option) and the people whose answer it is. */
export interface AnswerBucket {
  value: number | string;
  people: number | null;
}

/** One ISO week of a question's trend: the people who answered in it, and its mean (scale, number) or NPS score. */
export interface TrendPoint {
  week: string;
  answers: number | null;
  mean?: number | null;
  nps?: number | null;
  suppressed: boolean;
}

/** The results of one question (docs/analysts.md "Results per item"); which fields it has depends on `type`. */
export interface QuestionResult {
  id: string;
  type: 'scale' | 'nps' | 'choice' | 'multi' | 'text' | 'number';
  /** People whose answer counts (each person's latest). */
  respondents: number | null;
  suppressed: boolean;
  /** scale, nps, choice, multi: people per value (multi: per option chosen). */
  histogram?: AnswerBucket[];
  /** scale, nps, choice: people whose answer is none of the question's values (it changed since). */
  other?: number | null;
  /** scale, number: the mean answer and its 95% interval (Student's t). */
  mean?: number | null;
  ci95?: [number, number] | null;
  /** number: the median answer. */
  median?: number | null;
  /** nps: % promoters (9–10) − % detractors (0–6), −100…100. */
  nps?: number | null;
  /** Totals only: per ISO week of the answers. */
  trend?: TrendPoint[];
}

/** The answers of one wave: each person's n-th response to the survey is in wave n. */
export interface WaveResult {
  wave: number;
  respondents: number | null;
  suppressed: boolean;
  questions: QuestionResult[];
}

/** The results of one survey (`GET /v1/metrics` key `surveys`). */
export interface SurveyResult {
  id: string;
  /** People it was shown to (or who answered it). */
  shown: number | null;
  /** People who answered at least one question. */
  respondents: number | null;
  /** respondents ÷ shown. */
  responseRate: Rate;
  suppressed: boolean;
  /** Per question, each person's latest answer. */
  questions: QuestionResult[];
  waves: WaveResult[];
  /** Respondents per ISO week. */
  trend: { week: string; respondents: number | null; suppressed: boolean }[];
}

/** A window's eligible people and those of them with an engaged day in it. */
export interface EngagedWindow {
  eligible: number | null;
  engaged: number | null;
  rate: Rate;
  suppressed: boolean;
}

/**
 * Engaged use next to active use (docs/analysts.md "Engaged use and intensity"): a person is engaged
 * on a day they accepted or edited an AI output or sent one of the config's `engagedEvents`.
 */
export interface EngagedMetrics {
  /** The active people of the last 28 days (MAU), the engaged among them, and their share. */
  activity: { active: number | null; engaged: number | null; share: Rate; suppressed: boolean };
  /** The trained people and those of them engaged in the last 28 days (adoption's engaged counterpart). */
  adoption: { trained: number | null; engaged: number | null; rate: Rate; suppressed: boolean };
  /** Sustained engaged use: an engaged day in the sustained window trainedAt+N−13 … trainedAt+N. */
  sustained: { d30: EngagedWindow; d60: EngagedWindow; d90: EngagedWindow };
}

/** The active people of the last 28 days by their usage days in them: light, moderate and heavy use. */
export interface IntensityMetrics {
  /** The config's thresholds: moderate from this many usage days, heavy from `heavyFrom`; light below. */
  moderateFrom: number;
  heavyFrom: number;
  active: number | null;
  light: number | null;
  moderate: number | null;
  heavy: number | null;
  suppressed: boolean;
}

/** One time-saved figure, with how it is measured beside it. */
export interface TimeSavedFigure {
  /** `per-task`: from task.completed events' minutesSaved; `self-reported`: from answers to minutesSaved questions. */
  method: 'per-task' | 'self-reported';
  /** People whose tasks or answers the figure sums. */
  people: number | null;
  /** Hours saved in the 28 days asOf−27…asOf, to a tenth. */
  hours: number | null;
  hoursPerPerson: number | null;
  suppressed: boolean;
}

/** Time saved by one group: a program (people who completed it), a role or a team (null: people without one). */
export interface TimeSavedGroup {
  key: string | null;
  perTask: TimeSavedFigure;
  selfReported: TimeSavedFigure;
}

/** Hours saved over the last 28 days (docs/analysts.md "Time saved"), by each method. */
export interface TimeSavedMetrics {
  perTask: TimeSavedFigure;
  selfReported: TimeSavedFigure;
  programs: TimeSavedGroup[];
  role: TimeSavedGroup[];
  team: TimeSavedGroup[];
  /** A viewer's answer only: groups left out of each list, both of their figures hidden. */
  hiddenGroups?: { programs: number; role: number; team: number };
}

/** The body of `GET /v1/metrics` (SPEC "Metric definitions"). */
export interface Metrics {
  asOf: string;
  minGroupSize: number;
  filters: { tool: string | null; program: string | null; cohort: string | null };
  activity: { dau: number | null; wau: number | null; mau: number | null; stickiness: Rate; suppressed: boolean };
  adoption: { trained: number | null; active: number | null; rate: Rate; suppressed: boolean };
  sustained: { d30: Window; d60: Window; d90: Window };
  behaviorCheck: { respondents: number | null; applied: number | null; rate: Rate; failing: boolean | null; suppressed: boolean };
  gap: { trained: number | null; applied: number | null; count: number | null; share: Rate; suppressed: boolean };
  outputs: {
    shown: number | null;
    accepted: number | null;
    edited: number | null;
    rejected: number | null;
    acceptanceRate: Rate;
    suppressed: boolean;
  };
  cohorts: CohortMetrics[];
  segments: { role: SegmentMetrics[]; team: SegmentMetrics[] };
  prompts: PromptMetrics[];
  /** The funnel of each `prompts` entry, in the same order (docs/analysts.md "Results per item"). */
  funnels?: PromptFunnel[];
  /** Results of every survey of the config file and of the studio (ever published). */
  surveys?: SurveyResult[];
  /** Per training program (at most 20, the largest first). */
  programs: ProgramMetrics[];
  /** Web-vitals p75 per tool and metric. */
  vitals: VitalMetrics[];
  /** Engaged use next to active use; always in a collector's answer (absent only from older answers). */
  engaged?: EngagedMetrics;
  /** Light, moderate and heavy use among the active; always in a collector's answer. */
  intensity?: IntensityMetrics;
  /** Hours saved, per task and self-reported; always in a collector's answer. */
  timeSaved?: TimeSavedMetrics;
  /**
   * A viewer's answer only: the day its figures are for, the end (Sunday) of the last complete
   * week on or before `asOf`; null when no week is complete by then. `asOf` stays the day asked for.
   */
  figuresAsOf?: string | null;
  /** A viewer's answer only: how many groups of each breakdown are hidden (they are not listed). */
  hiddenGroups?: { cohorts: number; programs: number; role: number; team: number };
  /** With `series=weekly` only: the weekly trends (docs/analysts.md "Trends"). */
  trends?: Trends;
}
