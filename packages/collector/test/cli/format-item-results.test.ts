import { describe, expect, it } from 'vitest';
import { formatItemResults } from '../../src/cli/format-item-results.js';
import type { Metrics } from '../../src/metrics/types.js';

const base = { prompts: [], surveys: [] } as unknown as Metrics;

describe('uptake report: results per item', () => {
  it('prints a funnel per prompt, with the date a suppressed uplift is expected to be known (never an arm size)', () => {
    const m = {
      ...base,
      prompts: [
        { id: 'tip', knownAround: null },
        { id: 'new', knownAround: '2026-07-05' },
      ],
      funnels: [
        { id: 'tip', shown: 30, clicked: 12, goal: 9, suppressed: false },
        { id: 'new', shown: null, clicked: null, goal: null, suppressed: true },
      ],
    } as unknown as Metrics;
    expect(formatItemResults(m)).toEqual([
      '',
      'Prompt funnels (people shown → clicked → reached the goal)',
      '  tip: 30 → 12 clicked → 9 reached the goal',
      '  new: suppressed · uplift expected to be known around 2026-07-05',
    ]);
  });

  it('prints each survey: response rate, every question by type, waves and weeks; a suppressed survey names nothing', () => {
    const m = {
      ...base,
      surveys: [
        {
          id: 'pulse',
          shown: 48,
          respondents: 40,
          responseRate: 40 / 48,
          suppressed: false,
          questions: [
            {
              id: 'confidence',
              type: 'scale',
              respondents: 40,
              suppressed: false,
              histogram: [1, 2, 3].map((value) => ({ value, people: value === 1 ? null : 20 })),
              other: null,
              mean: null,
              ci95: null,
            },
            { id: 'recommend', type: 'nps', respondents: 40, suppressed: false, histogram: [], other: 0, nps: -12.5 },
            { id: 'hours', type: 'number', respondents: 40, suppressed: false, mean: 4.25, ci95: [3.5, 5], median: 4 },
            { id: 'comment', type: 'text', respondents: 40, suppressed: false },
          ],
          waves: [
            { wave: 1, respondents: 40, suppressed: false, questions: [] },
            { wave: 2, respondents: 12, suppressed: false, questions: [] },
          ],
          trend: [{ week: '2026-W19', respondents: 10, suppressed: false }],
        },
        { id: 'tiny', suppressed: true, questions: [], waves: [], trend: [] },
      ],
    } as unknown as Metrics;
    const text = formatItemResults(m).join('\n');
    const lines = [
      'pulse: 40 of 48 people shown answered (83%) · 2 waves',
      '40 answered · mean – · 1: supp., 2: 20, 3: 20, other: supp.',
      'NPS −13',
      'mean 4.25 (95%: 3.50 … 5.00) · median 4.00',
      'answers: GET /v1/surveys/{id}/answers (analyst, admin)',
      'wave 2: 12 respondents',
      'by week: 2026-W19 10',
      'tiny: suppressed',
    ];
    for (const line of lines) expect(text).toContain(line);
  });
});
