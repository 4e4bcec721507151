import type { SurveyConfig } from '@uptake/sdk/protocol';
import type { Metrics, Window } from '../metrics/types.js';
import type { SeriesPoint } from './types.js';

/** A figure of a published answer, as one week's point reads it (without its week). */
export type WeekFigure = Omit<SeriesPoint, 'week'>;

/** One figure a weekly trend follows: what it is called and where it is read in an answer as of a week's end. */
export interface TrendFigure {
  id: string;
  label: string;
  kind: 'rate' | 'mean';
  read(m: Metrics): WeekFigure;
}

const window = (w: Window): WeekFigure => ({ value: w.rate, people: w.eligible, suppressed: w.suppressed });
const hidden: WeekFigure = { value: null, people: null, suppressed: true };

/**
 * The figures with a weekly trend, one entry each (docs/analysts.md "Trends"): each is read from
 * the answer the snapshot would give as of the week's end, so it is defined, and protected, as there.
 */
export const trendFigures: readonly TrendFigure[] = [
  {
    id: 'adoption',
    label: 'Adoption (trained and active in 28 days)',
    kind: 'rate',
    read: (m) => ({ value: m.adoption.rate, people: m.adoption.trained, suppressed: m.adoption.suppressed }),
  },
  {
    id: 'engaged',
    label: 'Engaged (trained and engaged in 28 days)',
    kind: 'rate',
    read: (m) => ({
      value: m.engaged?.adoption.rate ?? null,
      people: m.engaged?.adoption.trained ?? null,
      suppressed: m.engaged?.adoption.suppressed ?? true,
    }),
  },
  { id: 'sustained-d30', label: 'Sustained usage at 30 days', kind: 'rate', read: (m) => window(m.sustained.d30) },
  { id: 'sustained-d60', label: 'Sustained usage at 60 days', kind: 'rate', read: (m) => window(m.sustained.d60) },
  { id: 'sustained-d90', label: 'Sustained usage at 90 days', kind: 'rate', read: (m) => window(m.sustained.d90) },
  {
    id: 'behavior-check',
    label: 'Applied their training (behaviour check)',
    kind: 'rate',
    read: (m) => ({ value: m.behaviorCheck.rate, people: m.behaviorCheck.respondents, suppressed: m.behaviorCheck.suppressed }),
  },
];

/** The mean answer of each scale and number question of `surveys`, one figure each. */
export function surveyMeanFigures(surveys: readonly SurveyConfig[]): TrendFigure[] {
  return surveys.flatMap((survey) =>
    survey.questions
      .filter((q) => q.type === 'scale' || q.type === 'number')
      .map(
        (q): TrendFigure => ({
          id: `survey-mean:${survey.id}:${q.id}`,
          label: `Mean answer: ${q.text} (${survey.id})`,
          kind: 'mean',
          read: (m) => {
            const result = m.surveys?.find((s) => s.id === survey.id)?.questions.find((x) => x.id === q.id);
            if (!result || result.suppressed) return hidden;
            const mean = result.mean ?? null;
            // A viewer gets no mean beside a hidden bucket (docs/privacy.md): the week is then hidden.
            return { value: mean, people: result.respondents, suppressed: mean === null };
          },
        }),
      ),
  );
}
