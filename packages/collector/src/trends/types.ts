/** One week of a trend: the figure as of the week's end (a Sunday), over how many people. */
export interface SeriesPoint {
  /** The end of the ISO week (Monday to Sunday, UTC), `YYYY-MM-DD`. */
  week: string;
  /** A rate in 0…1 or a mean answer; null when suppressed (or when there is no one to take it over). */
  value: number | null;
  /** The people the figure is taken over (the trained, the eligible, the respondents), as released. */
  people: number | null;
  suppressed: boolean;
}

/** One figure, week by week. */
export interface TrendSeries {
  /** `adoption`, `sustained-d30`, …, `survey-mean:<survey>:<question>` (docs/analysts.md "Trends"). */
  id: string;
  label: string;
  /** A rate (0…1) or a mean answer (in the question's own unit). */
  kind: 'rate' | 'mean';
  points: SeriesPoint[];
}

/**
 * `GET /v1/metrics?series=weekly` key `trends`: each figure as of the end of each complete week,
 * oldest first, released as the answer's snapshot is (docs/privacy.md "Series and progress").
 */
export interface Trends {
  interval: 'week';
  /** The Monday of the first week and the Sunday of the last; null when no week is complete. */
  from: string | null;
  to: string | null;
  series: TrendSeries[];
}
