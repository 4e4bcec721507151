import type { PromptConfig, QuestionConfig, SurveyConfig } from '@uptake/sdk/protocol';
import type { PromptFunnel, QuestionResult, SurveyResult, TrendPoint, WaveResult } from '../../src/metrics/types.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { dayOf, isoWeek } from './days.js';
import { byTimeThenId, identified } from './people.js';

/**
 * Results per item as docs/analysts.md "Results per item" defines them, in plain TypeScript for an
 * exact reader. It shares no code with the collector: its own waves, latest answers and statistics
 * (Student's t from the density, integrated numerically).
 */

/** P(T ≤ t) − ½ for Student's t, by Simpson's rule over the density from 0 to t. */
function lnGamma(x: number): number {
  // Lanczos (g = 7, n = 9).
  const c = [
    0.99999999999981, 676.520368121885, -1259.1392167224, 771.323428777653, -176.615039169992, 12.5073432786869, -0.13857109526572,
    9.98436957801957e-6, 1.50563273514931e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = c[0] as number;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (y + i);
  const u = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(u) - u + Math.log(a);
}

function halfCdf(t: number, df: number): number {
  const k = Math.exp(lnGamma((df + 1) / 2) - lnGamma(df / 2)) / Math.sqrt(df * Math.PI);
  const f = (x: number) => k * (1 + (x * x) / df) ** (-(df + 1) / 2);
  const n = 20_000;
  const h = t / n;
  let sum = f(0) + f(t);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(i * h);
  return (sum * h) / 3;
}

/** The 97.5th percentile of Student's t with `df` degrees of freedom, by bisection. */
function t975(df: number): number {
  let [lo, hi] = [0, 64];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (halfCdf(mid, df) < 0.475) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function stats(values: readonly number[]): { mean: number | null; ci95: [number, number] | null } {
  if (values.length === 0) return { mean: null, ci95: null };
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { mean, ci95: null };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { mean, ci95: [mean - half, mean + half] };
}

const nps = (values: readonly number[]) =>
  values.length === 0 ? null : (100 * (values.filter((v) => v >= 9).length - values.filter((v) => v <= 6).length)) / values.length;

function medianOf(values: readonly number[]): number | null {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

interface Answer {
  user: string;
  question: string;
  value: unknown;
  wave: number;
  week: string;
  e: StoredEvent;
}

/** What a question counts an answer as: its number (scale, nps, number), its options (multi), its option (choice). */
function readAs(q: QuestionConfig, value: unknown): (string | number)[] {
  if (value === null || value === undefined) return [];
  if (q.type === 'scale' || q.type === 'nps' || q.type === 'number') {
    const n = Number(typeof value === 'string' ? value : JSON.stringify(value));
    return Number.isFinite(n) ? [n] : [];
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (q.type === 'multi') {
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list)) return [...new Set(list.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))))];
    } catch {}
    return [text];
  }
  return q.type === 'text' ? [] : [text];
}

const pointsOf = (q: QuestionConfig): (string | number)[] =>
  q.type === 'scale'
    ? Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i)
    : q.type === 'nps'
      ? Array.from({ length: 11 }, (_, i) => i)
      : q.type === 'choice' || q.type === 'multi'
        ? q.options
        : [];

/** Each person's latest answer among `answers`. */
function latestPerPerson(answers: readonly Answer[]): Answer[] {
  const out = new Map<string, Answer>();
  for (const a of [...answers].sort((x, y) => byTimeThenId(x.e, y.e))) out.set(a.user, a);
  return [...out.values()];
}

function question(q: QuestionConfig, answers: readonly Answer[], min: number, withTrend: boolean): QuestionResult {
  const latest = latestPerPerson(answers);
  if (latest.length < min) return { id: q.id, type: q.type, respondents: null, suppressed: true };
  const out: QuestionResult = { id: q.id, type: q.type, respondents: latest.length, suppressed: false };
  const points = pointsOf(q);
  const numbers = (list: readonly Answer[]) =>
    list.flatMap((a) => readAs(q, a.value) as number[]).filter((v) => q.type === 'number' || points.includes(v));
  if (points.length > 0) {
    out.histogram = points.map((value) => ({ value, people: latest.filter((a) => readAs(q, a.value).includes(value)).length }));
    if (q.type !== 'multi') out.other = latest.filter((a) => !points.some((p) => readAs(q, a.value).includes(p))).length;
  }
  if (q.type === 'scale' || q.type === 'number') Object.assign(out, stats(numbers(latest)));
  if (q.type === 'number') out.median = medianOf(numbers(latest));
  if (q.type === 'nps') out.nps = nps(numbers(latest));
  if (withTrend) {
    const weeks = [...new Set(answers.map((a) => a.week))].sort();
    out.trend = weeks.map((week): TrendPoint => {
      const inWeek = latestPerPerson(answers.filter((a) => a.week === week));
      const shown = inWeek.length >= min;
      const point: TrendPoint = { week, answers: shown ? inWeek.length : null, suppressed: !shown };
      if (q.type === 'scale' || q.type === 'number') point.mean = shown ? stats(numbers(inWeek)).mean : null;
      if (q.type === 'nps') point.nps = shown ? nps(numbers(inWeek)) : null;
      return point;
    });
  }
  return out;
}

/** A survey's results for an exact reader: events of `tool` when given, of `people` when given. */
export function referenceSurvey(
  events: readonly StoredEvent[],
  survey: SurveyConfig,
  tool: string | undefined,
  people: ReadonlySet<string> | undefined,
  min: number,
): SurveyResult {
  const mine = identified(events).filter(
    (e) =>
      (e.name === 'survey.shown' || e.name === 'survey.answered') &&
      e.props['surveyId'] === survey.id &&
      (tool === undefined || e.tool === tool) &&
      (people === undefined || people.has(e.userId as string)),
  );
  // A response is the answers after one showing; a person's n-th response is wave n.
  const answers: Answer[] = [];
  for (const user of new Set(mine.map((e) => e.userId as string))) {
    const theirs = mine
      .filter((e) => e.userId === user)
      .sort(
        (a, b) =>
          a.ts.getTime() - b.ts.getTime() ||
          (a.name === 'survey.shown' ? 0 : 1) - (b.name === 'survey.shown' ? 0 : 1) ||
          (a.id < b.id ? -1 : 1),
      );
    let showing = 0;
    const waves: number[] = [];
    for (const e of theirs) {
      if (e.name === 'survey.shown') showing++;
      else if (typeof e.props['questionId'] === 'string') {
        if (!waves.includes(showing)) waves.push(showing);
        answers.push({ user, question: e.props['questionId'], value: e.props['value'], wave: waves.length, week: isoWeek(dayOf(e.ts)), e });
      }
    }
  }
  const respondents = new Set(answers.map((a) => a.user)).size;
  if (respondents < min)
    return { id: survey.id, shown: null, respondents: null, responseRate: null, suppressed: true, questions: [], waves: [], trend: [] };
  const shown = new Set(mine.map((e) => e.userId)).size;
  const waves = [...new Set(answers.map((a) => a.wave))].sort((a, b) => a - b);
  const weeks = [...new Set(answers.map((a) => a.week))].sort();
  const questionsOf = (list: readonly Answer[], trend: boolean) =>
    survey.questions.map((q) =>
      question(
        q,
        list.filter((a) => a.question === q.id),
        min,
        trend,
      ),
    );
  return {
    id: survey.id,
    shown,
    respondents,
    responseRate: respondents / shown,
    suppressed: false,
    questions: questionsOf(answers, true),
    waves: waves.map((wave): WaveResult => {
      const inWave = answers.filter((a) => a.wave === wave);
      const n = new Set(inWave.map((a) => a.user)).size;
      if (n < min) return { wave, respondents: null, suppressed: true, questions: [] };
      return {
        wave,
        respondents: n,
        suppressed: false,
        questions: questionsOf(inWave, false),
      };
    }),
    trend: weeks.map((week) => {
      const n = new Set(answers.filter((a) => a.week === week).map((a) => a.user)).size;
      return n >= min ? { week, respondents: n, suppressed: false } : { week, respondents: null, suppressed: true };
    }),
  };
}

/** A prompt's funnel: its treated arm's people, those who clicked at or after their exposure, those who converted. */
export function referenceFunnel(
  events: readonly StoredEvent[],
  prompt: PromptConfig,
  treated: { people: StoredEvent[]; converted: number },
  min: number,
  tool: string | undefined,
): PromptFunnel {
  if (treated.people.length < min) return { id: prompt.id, shown: null, clicked: null, goal: null, suppressed: true };
  const clicks = identified(events).filter(
    (e) => e.name === 'prompt.clicked' && e.props['promptId'] === prompt.id && (tool === undefined || e.tool === tool),
  );
  const clicked = treated.people.filter((x) => clicks.some((c) => c.userId === x.userId && c.ts.getTime() >= x.ts.getTime())).length;
  return { id: prompt.id, shown: treated.people.length, clicked, goal: treated.converted, suppressed: false };
}
