import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { MetricsQueryError } from '../../src/metrics/parse-metrics-query.js';
import type { MetricsQuery } from '../../src/metrics/types.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { formatReport } from '../../src/cli/format-report.js';
import { computeTrends } from '../../src/trends/compute-trends.js';
import { parseSeriesQuery, type SeriesQuery, seriesWeeks } from '../../src/trends/series-weeks.js';
import { surveyMeanFigures, trendFigures } from '../../src/trends/trend-figures.js';
import type { Trends } from '../../src/trends/types.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useStore } from '../helpers/use-store.js';
import { answered, ev, trainedOn, usedOn } from '../metrics/metric-data.js';

// One small organisation, worked by hand (minGroupSize 5; weeks end on Sundays 2026-05-10 … 06-14):
// - a1…a6 trained Monday 2026-05-04; a1–a3 use AI on 05-06, a4 on 05-20, a5 on 06-03;
// - b1…b4 trained 2026-05-27; b1 uses AI on 06-10;
// - legal l1…l3 (a 3-person cohort, hidden) trained 2026-06-09; l1 and l2 use AI on 06-11;
// - a1…a5 answer the behaviour check on 06-02: a1–a3 applied it, a4 and a5 did not;
// - a1…a5 answer the pulse's confidence (1–5) on 05-12: 4, 4, 3, 5, 2; a1 again on 06-09: 2;
// - a4 accepts an AI output on 05-20 and b1 edits one on 06-10 (engaged use).
const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_a', identity: 'unverified', origins: ['*'] }],
  adminToken: 'trends-admin-token-0123456789abcdef',
  pseudonymSecret: 'trends-pseudonym-secret',
  minGroupSize: 5,
  surveys: [
    {
      id: 'pulse',
      trigger: { event: 'ai.request' },
      questions: [
        { id: 'confidence', type: 'scale', text: 'How confident?', min: 1, max: 5 },
        { id: 'tool', type: 'choice', text: 'Which?', options: ['draft', 'review'] },
      ],
    },
  ],
});
const today = '2026-06-20';
const weeks = ['2026-05-10', '2026-05-17', '2026-05-24', '2026-05-31', '2026-06-07', '2026-06-14'];

function organisation(): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (let i = 1; i <= 6; i++) events.push(trainedOn(`a${i}`, '2026-05-04', { program: 'workshop', cohort: 'may' }));
  for (let i = 1; i <= 4; i++) events.push(trainedOn(`b${i}`, '2026-05-27', { program: 'workshop', cohort: 'late-may' }));
  for (let i = 1; i <= 3; i++) events.push(trainedOn(`l${i}`, '2026-06-09', { program: 'workshop', cohort: 'legal' }));
  events.push(usedOn('a1', '2026-05-06'), usedOn('a2', '2026-05-06'), usedOn('a3', '2026-05-06'), usedOn('a4', '2026-05-20'));
  events.push(usedOn('a5', '2026-06-03'), usedOn('b1', '2026-06-10'), usedOn('l1', '2026-06-11'), usedOn('l2', '2026-06-11'));
  for (let i = 1; i <= 5; i++) {
    events.push(answered(`a${i}`, '2026-06-02', 'applied', i <= 3 ? 'yes' : 'no'));
    if (i <= 3) events.push(answered(`a${i}`, '2026-06-02', 'example', 'I drafted the weekly report with it'));
  }
  const confidence = (user: string, day: string, value: number) =>
    ev(user, 'survey.answered', day, { surveyId: 'pulse', questionId: 'confidence', value } as never);
  for (const [i, value] of [4, 4, 3, 5, 2].entries()) events.push(confidence(`a${i + 1}`, '2026-05-12', value));
  events.push(confidence('a1', '2026-06-09', 2));
  events.push(usedOn('a4', '2026-05-20', 'ai.output_accepted'), usedOn('b1', '2026-06-10', 'ai.output_edited'));
  return events;
}

const points = (t: Trends, id: string) => t.series.find((s) => s.id === id)?.points ?? [];
const values = (t: Trends, id: string) => points(t, id).map((p) => p.value);

describe.each(storeKinds)('weekly trends, $kind store', ({ kind }) => {
  const store = useStore(kind);
  beforeAll(async () => {
    // Usage from the daily rollup on PostgreSQL, from a scan of the events on DuckDB: both paths.
    if (kind === 'postgres') await store.syncUsageEvents(config.usageEvents);
    await store.insert(organisation());
  });

  const trends = (q: Partial<MetricsQuery>, series: SeriesQuery, exact = true, cfg = config) =>
    computeTrends(store, cfg, { asOf: today, ...q }, series, { exact, today });

  it('an analyst reads each figure as of each week’s end, as worked by hand', async () => {
    const t = await trends({}, { from: '2026-05-04' });
    expect([t.interval, t.from, t.to]).toEqual(['week', '2026-05-04', '2026-06-14']);
    expect(points(t, 'adoption').map((p) => p.week)).toEqual(weeks);
    expect(values(t, 'adoption')).toEqual([3 / 6, 3 / 6, 4 / 6, 4 / 10, 2 / 10, 5 / 13]);
    expect(points(t, 'adoption').map((p) => p.people)).toEqual([6, 6, 6, 10, 10, 13]);
    // Engaged: a4 accepted an output on 05-20, b1 edited one on 06-10; nobody else did.
    expect(values(t, 'engaged')).toEqual([0, 0, 1 / 6, 1 / 10, 1 / 10, 2 / 13]);
    // 30 days after 05-04 is 06-03: a5 used AI in 05-21…06-03, a4 (05-20) a day too early.
    expect(values(t, 'sustained-d30')).toEqual([null, null, null, null, 1 / 6, 1 / 6]);
    expect(points(t, 'sustained-d30').map((p) => p.suppressed)).toEqual([true, true, true, true, false, false]);
    expect(points(t, 'sustained-d90').every((p) => p.suppressed)).toBe(true);
    expect(values(t, 'behavior-check')).toEqual([null, null, null, null, 3 / 5, 3 / 5]);
    expect(values(t, 'survey-mean:pulse:confidence')).toEqual([null, 3.6, 3.6, 3.6, 3.6, 3.2]);
    // One entry per figure: the fixed ones, then each scale or number question's mean (not the choice).
    expect(t.series.map((s) => s.id)).toEqual([...trendFigures.map((f) => f.id), 'survey-mean:pulse:confidence']);
  });

  it('each of a viewer’s weeks is the viewer’s snapshot as of that week’s end, whatever day of the week is asked', async () => {
    const seen = await trends({}, { from: '2026-05-04' }, false);
    for (const [i, week] of weeks.entries()) {
      const snapshot = await computeMetrics(store, config, { asOf: week }, { exact: false, today });
      for (const figure of [...trendFigures, ...surveyMeanFigures(config.surveys)]) {
        const { week: w, ...point } = points(seen, figure.id)[i] ?? { week: '' };
        expect([w, point]).toEqual([week, figure.read(snapshot)]);
      }
    }
    // Every day of the next week, and a `from` on any day of the first week, give the same series.
    for (const asOf of ['2026-06-15', '2026-06-17', today])
      expect(await trends({ asOf }, { from: '2026-05-09' }, false)).toEqual(await trends({ asOf }, { from: '2026-05-04' }, false));
    // A viewer's weeks end at the last complete one: on Sunday 06-14 itself, the week to 06-07.
    const sunday = await computeTrends(store, config, { asOf: '2026-06-14' }, {}, { exact: false, today: '2026-06-14' });
    expect(sunday.to).toBe('2026-06-07');
  });

  it('subtracting two weeks: the analyst learns how many of a hidden 3-person cohort use AI, the viewer only a guess', async () => {
    // l1–l3 were trained in the week to 06-14: the exact difference of the last two weeks is them.
    const lastTwo = { from: '2026-06-01' };
    const exact = points(await trends({}, lastTwo), 'adoption');
    const active = (p: (typeof exact)[number] | undefined) => Math.round((p?.value as number) * (p?.people as number));
    expect((exact[1]?.people as number) - (exact[0]?.people as number)).toBe(3);
    expect(active(exact[1]) - active(exact[0])).toBe(3); // l1, l2 and b1 (who is in a shown cohort)
    // With 30 pseudonym secrets (so 30 independent draws of the noise), a viewer who subtracts the
    // weeks and knows b1's use guesses l1–l3's count right only when the noises cancel (1 in 5 on
    // average); the exact figures are right 30 times in 30.
    let right = 0;
    for (let k = 0; k < 30; k++) {
      const seen = points(await trends({}, lastTwo, false, { ...config, pseudonymSecret: `trends-secret-${k}` }), 'adoption');
      const [before, after] = seen.map((p) => Math.round((p.value as number) * (p.people as number)));
      const guess = Math.min(3, Math.max(0, (after as number) - (before as number) - 1));
      if (guess === 2) right++;
    }
    expect(right).toBeLessThanOrEqual(15);
    // And the hidden cohort's own series is hidden in every week, for the viewer as for the analyst.
    for (const exactFigures of [true, false]) {
      const legal = await trends({ cohort: 'legal' }, lastTwo, exactFigures);
      expect(legal.series.every((s) => s.points.every((p) => p.suppressed && p.value === null && p.people === null))).toBe(true);
    }
  });

  it('uptake report lays the trends out as a table, one row per figure and one column per week', async () => {
    const snapshot = await computeMetrics(store, config, { asOf: today });
    const summary = { events: 0, users: 0, firstEvent: null, lastEvent: null } as never;
    const text = formatReport({ ...snapshot, trends: await trends({}, { from: '2026-05-04' }) }, summary);
    expect(text).toContain("Trends (as of each week's end, 2026-05-04 to 2026-06-14)");
    expect(text).toMatch(/figure +05-10 +05-17 +05-24 +05-31 +06-07 +06-14\n/);
    expect(text).toMatch(/Adoption \(trained and active in 28 days\) +50% +50% +67% +40% +20% +38%\n/);
    expect(text).toMatch(/Sustained usage at 30 days +supp\. +supp\. +supp\. +supp\. +17% +17%\n/);
    expect(text).toMatch(/Mean answer: How confident\? \(pulse\) +supp\. +3\.6 +3\.6 +3\.6 +3\.6 +3\.2\n/);
    expect(formatReport(snapshot, summary)).not.toContain('Trends');
  });

  it('weeks with nothing in them are there, suppressed: the default is the last 12 weeks', async () => {
    const t = await trends({}, {});
    expect(t.from).toBe('2026-03-23');
    expect(points(t, 'adoption')).toHaveLength(12);
    expect(points(t, 'adoption')[0]).toEqual({ week: '2026-03-29', value: null, people: null, suppressed: true });
  });
});

describe('series and from, as typed', () => {
  it('accepts series=weekly with an optional from, and refuses the rest with the field named', () => {
    expect(parseSeriesQuery({}, today)).toBeUndefined();
    expect(parseSeriesQuery({ series: 'weekly' }, today)).toEqual({});
    expect(parseSeriesQuery({ series: 'weekly', from: '2024-06-24' }, today)).toEqual({ from: '2024-06-24' });
    const refused = (raw: { series?: string; from?: string }) => {
      try {
        parseSeriesQuery(raw, today);
      } catch (error) {
        expect(error).toBeInstanceOf(MetricsQueryError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refused({ series: 'daily' })).toBe('series: expected "weekly", got "daily"');
    expect(refused({ from: '2026-05-01' })).toMatch(/^from: only with series=weekly/);
    expect(refused({ series: 'weekly', from: '2026-06-21' })).toBe('from: 2026-06-21 is after asOf (2026-06-20)');
    expect(refused({ series: 'weekly', from: '2026-02-30' })).toBe('from: expected a day YYYY-MM-DD, got "2026-02-30"');
    // 104 weeks is the most: the week of 2024-06-23 (a Sunday) to the week of 2026-06-20 is 105.
    expect(refused({ series: 'weekly', from: '2024-06-23' })).toBe(
      'from: at most 104 weeks of a series; 2024-06-23 to 2026-06-20 spans 105',
    );
  });

  it('lists week ends from the week of from to the last complete week, none before the year 1', () => {
    expect(seriesWeeks('2026-06-14', { from: '2026-06-01' })).toEqual(['2026-06-07', '2026-06-14']);
    expect(seriesWeeks('2026-06-14', { from: '2026-06-15' })).toEqual([]);
    expect(seriesWeeks(null, {})).toEqual([]);
    expect(seriesWeeks('0001-01-14', {})).toEqual(['0001-01-07', '0001-01-14']);
  });
});
