import type { QuestionConfig, SurveyConfig } from '@uptake/sdk/protocol';
import { meanInterval, median, npsScore, type Tally } from './answer-statistics.js';
import { cellName, type Population } from './cell-name.js';
import type { Release } from './release.js';
import type { Distribution, SurveyCounts } from './survey-counts.js';
import { ratio } from './suppress.js';
import type { AnswerBucket, QuestionResult, SurveyResult, TrendPoint, WaveResult } from './types.js';

/** The values a question's histogram lists, in order; none for text and number questions. */
function bucketValues(q: QuestionConfig): (number | string)[] {
  if (q.type === 'scale') return Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
  if (q.type === 'nps') return Array.from({ length: 11 }, (_, i) => i);
  if (q.type === 'choice' || q.type === 'multi') return q.options;
  return [];
}

/** The answers a mean or a score is taken over: a scale's points and NPS's 0–10 (not answers outside them), every number. */
function tallyOf(q: QuestionConfig, values: Map<string, number>): Tally {
  const all = [...values].map(([value, people]) => ({ value: Number(value), people }));
  if (q.type === 'number') return all;
  const known = new Set(bucketValues(q));
  return all.filter((t) => known.has(t.value));
}

/** A question as nobody may see it: its kind only. */
function hiddenQuestion(q: QuestionConfig): QuestionResult {
  return { id: q.id, type: q.type, respondents: null, suppressed: true };
}

/**
 * One question's distribution as released. Its respondents are a group (hidden under
 * `minGroupSize`). For a viewer, the histogram is a breakdown of them: a bucket is hidden under
 * `minGroupSize` and, by secondary suppression, enough others with it (people outside the
 * question's values count as one more bucket), and a mean or NPS score is only given when no
 * bucket with someone in it is hidden, computed from the buckets as released: it then tells
 * nothing they do not. Analysts and admins read every bucket exactly.
 */
function publishDistribution(
  release: Release,
  q: QuestionConfig,
  d: Distribution,
  of: { people: number; published: number },
  cell: (...detail: string[]) => string,
): QuestionResult {
  if (release.hide([d.people])[0]) return hiddenQuestion(q);
  // Part of the survey's (or the wave's) respondents: never more than they, as released.
  const respondents = release.part(cell('respondents'), d.people, of.people, of.published);
  const result: QuestionResult = { id: q.id, type: q.type, respondents, suppressed: false };
  if (q.type === 'number') {
    // No buckets to difference: a mean and a median of at least minGroupSize answers, as the vitals' p75.
    const tally = tallyOf(q, d.values);
    const m = meanInterval(tally);
    return { ...result, mean: m?.mean ?? null, ci95: m?.ci95 ?? null, median: median(tally) };
  }
  const values = bucketValues(q);
  if (values.length === 0) return result;
  const sizes = values.map((v) => d.values.get(String(v)) ?? 0);
  const partition = q.type !== 'multi';
  // Everyone else, unreadable answers included: with it the buckets are a partition of the respondents.
  const other = partition ? d.people - sizes.reduce((s, n) => s + n, 0) : 0;
  // A reader who sees hidden groups listed reads exact figures (exactRelease): nothing to protect there.
  const hidden = release.listsHidden ? sizes.map(() => false) : release.hide(partition ? [...sizes, other] : sizes);
  const histogram: AnswerBucket[] = values.map((value, i) => ({
    value,
    people: hidden[i] ? null : release.part(cell('answer', String(value)), sizes[i] as number, d.people, respondents),
  }));
  if (partition) result.other = hidden[values.length] ? null : release.part(cell('other'), other, d.people, respondents);
  result.histogram = histogram;
  if (q.type === 'choice' || q.type === 'multi') return result;
  const whole = hidden.every((h, i) => !h || (i < sizes.length ? sizes[i] : other) === 0);
  const tally = histogram.map((b) => ({ value: b.value as number, people: b.people ?? 0 }));
  if (q.type === 'nps') return { ...result, nps: whole ? npsScore(tally) : null };
  const m = whole ? meanInterval(tally) : null;
  return { ...result, mean: m?.mean ?? null, ci95: m?.ci95 ?? null };
}

/**
 * A question's answers per ISO week: each week a group of the people who answered in it (and, for a
 * viewer, a breakdown: secondary suppression across the weeks), with that week's mean (scale,
 * number) or NPS score, from at least `minGroupSize` answers.
 */
function publishTrend(
  release: Release,
  q: QuestionConfig,
  weeks: Map<string, Distribution>,
  cell: (...detail: string[]) => string,
): TrendPoint[] {
  const list = [...weeks].sort(([a], [b]) => (a < b ? -1 : 1));
  const hidden = release.hide(list.map(([, d]) => d.people));
  // A viewer is not told which weeks someone answered in unless the week is shown.
  return list.flatMap(([week, d], i) => {
    if (hidden[i] && !release.listsHidden) return [];
    const point: TrendPoint = { week, answers: null, suppressed: true };
    if (q.type === 'scale' || q.type === 'number') point.mean = null;
    if (q.type === 'nps') point.nps = null;
    if (hidden[i]) return [point];
    const tally = tallyOf(q, d.values);
    point.answers = release.count(cell('week', week), d.people);
    point.suppressed = false;
    if ('mean' in point) point.mean = meanInterval(tally)?.mean ?? null;
    if ('nps' in point) point.nps = npsScore(tally);
    return [point];
  });
}

function publishWaves(release: Release, survey: SurveyConfig, c: SurveyCounts, base: Population): WaveResult[] {
  const list = [...c.waves].sort(([a], [b]) => a - b);
  const hidden = release.hide(list.map(([, n]) => n));
  return list.flatMap(([wave, n], i): WaveResult[] => {
    if (hidden[i]) return release.listsHidden ? [{ wave, respondents: null, suppressed: true, questions: [] }] : [];
    const respondents = release.count(cellName('survey', base, survey.id, 'wave', wave), n);
    const questions = survey.questions.map((q) => {
      const d = c.questions.get(q.id)?.waves.get(wave) ?? { people: 0, values: new Map() };
      return publishDistribution(release, q, d, { people: n, published: respondents }, (...detail) =>
        cellName('survey', base, survey.id, 'question', q.id, `wave-${wave}`, ...detail),
      );
    });
    return [{ wave, respondents, suppressed: false, questions }];
  });
}

/**
 * A survey's results as `release` lets its reader see them (docs/analysts.md "Results per item"):
 * the survey is a group of its respondents, hidden whole under `minGroupSize` (a hidden survey
 * names nothing: no question, wave nor week); each question, wave and week is a group of its own.
 */
export function publishSurvey(release: Release, survey: SurveyConfig, c: SurveyCounts, base: Population): SurveyResult {
  if (release.hide([c.respondents])[0])
    return { id: survey.id, shown: null, respondents: null, responseRate: null, suppressed: true, questions: [], waves: [], trend: [] };
  const cell = (...detail: string[]) => cellName('survey', base, survey.id, ...detail);
  const shown = release.count(cell('shown'), c.shown);
  const respondents = release.part(cell('respondents'), c.respondents, c.shown, shown);
  const questions = survey.questions.map((q) => {
    const counts = c.questions.get(q.id);
    const qcell = (...detail: string[]) => cell('question', q.id, 'all', ...detail);
    if (!counts) return hiddenQuestion(q);
    const result = publishDistribution(release, q, counts.total, { people: c.respondents, published: respondents }, qcell);
    return result.suppressed ? result : { ...result, trend: publishTrend(release, q, counts.weeks, qcell) };
  });
  const weeks = [...c.weeks].sort(([a], [b]) => (a < b ? -1 : 1));
  const weekHidden = release.hide(weeks.map(([, n]) => n));
  return {
    id: survey.id,
    shown,
    respondents,
    responseRate: ratio(respondents, shown),
    suppressed: false,
    questions,
    waves: publishWaves(release, survey, c, base),
    trend: weeks.flatMap(([week, n], i): SurveyResult['trend'] => {
      if (!weekHidden[i]) return [{ week, respondents: release.count(cell('week', week), n), suppressed: false }];
      return release.listsHidden ? [{ week, respondents: null, suppressed: true }] : [];
    }),
  };
}
