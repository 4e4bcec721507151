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
  sustainedD90: Rate;
  suppressed: boolean;
}

export interface PromptMetrics {
  id: string;
  treated: number | null;
  control: number | null;
  convTreated: Rate;
  convControl: Rate;
  uplift: number | null;
  ci95: [number, number] | null;
  suppressed: boolean;
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
  outputs: { shown: number | null; accepted: number | null; edited: number | null; rejected: number | null; acceptanceRate: Rate; suppressed: boolean };
  cohorts: CohortMetrics[];
  segments: { role: SegmentMetrics[]; team: SegmentMetrics[] };
  prompts: PromptMetrics[];
}
