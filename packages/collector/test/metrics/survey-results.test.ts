import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import type { Metrics, QuestionResult } from '../../src/metrics/types.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useCollector } from '../helpers/use-collector.js';
import { compareMetrics } from '../reference/compare-metrics.js';
import { referenceMetrics } from '../reference/reference-metrics.js';
import { ev } from './metric-data.js';

// Results per item (docs/analysts.md "Results per item") on generated answers, against the reference
// implementation, and as each role reads them: the exact figures for an analyst; for a viewer and an
// editor, figures that cannot be differenced and no text answer at all.
const tokens = {
  viewer: 'viewer-token-0123456789abcdef0123456789',
  editor: 'editor-token-0123456789abcdef0123456789',
  analyst: 'analyst-token-0123456789abcdef012345678',
};
const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_a', identity: 'unverified', origins: ['*'] }],
  adminToken: 'survey-results-admin-token',
  tokens: Object.entries(tokens).map(([role, token]) => ({ name: `${role}-1`, role, token })),
  minGroupSize: 5,
  maxEventAgeDays: 36_500,
  prompts: [{ id: 'tip', trigger: { event: 'ai.request' }, content: { title: 'Tip' }, goal: { event: 'ai.feature_used', withinDays: 7 } }],
  surveys: [
    {
      id: 'pulse',
      trigger: { event: 'ai.request' },
      questions: [
        { id: 'confidence', type: 'scale', text: 'How confident?', min: 1, max: 5 },
        { id: 'recommend', type: 'nps', text: 'Recommend?' },
        { id: 'tool', type: 'choice', text: 'Which?', options: ['draft', 'review', 'search'] },
        { id: 'uses', type: 'multi', text: 'For what?', options: ['mail', 'code', 'notes'] },
        { id: 'hours', type: 'number', text: 'Hours saved?', min: 0 },
        { id: 'comment', type: 'text', text: 'Anything else?' },
      ],
    },
    { id: 'tiny', trigger: { event: 'ai.request' }, questions: [{ id: 'ok', type: 'choice', text: 'OK?', options: ['yes', 'no'] }] },
  ],
});
const today = '2026-06-20';
const secret = (i: number) => `secret comment number ${i}`;

/** A small deterministic generator: the same answers on both stores, spread over values and weeks. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

// 48 people shown `pulse` in May; 40 answer (on the day, in one of four weeks); 12 of them are shown
// it again on 2026-06-01 and answer again (wave 2). Confidence 1 is given by 2 people only, so a
// viewer's histogram hides it (and secondary suppression more). 3 people answer `tiny`. The tip: 20
// shown, 12 of them click, 8 reach the goal; 6 held out.
function organisation(): StoredEvent[] {
  const next = random(7);
  const events: StoredEvent[] = [];
  const answer = (user: string, day: string, questionId: string, value: unknown, at: string) =>
    ev(user, 'survey.answered', day, { surveyId: 'pulse', questionId, value } as never, { at });
  for (let i = 1; i <= 48; i++) {
    const user = `p-${i}`;
    const day = `2026-05-${String(4 + (i % 4) * 7).padStart(2, '0')}`;
    events.push(ev(user, 'survey.shown', day, { surveyId: 'pulse' }, { at: `${day}T09:00:00.000Z` }));
    if (i > 40) continue;
    const at = (minute: number) => `${day}T09:0${minute}:00.000Z`;
    const confidence = i === 38 || i === 39 ? 1 : 2 + Math.floor(next() * 4);
    events.push(
      answer(user, day, 'confidence', confidence, at(1)),
      answer(user, day, 'recommend', Math.floor(next() * 11), at(2)),
      answer(user, day, 'tool', i === 40 ? 'retired option' : ['draft', 'review', 'search'][Math.floor(next() * 3)], at(3)),
      answer(user, day, 'uses', JSON.stringify(['mail', 'code', 'notes'].filter(() => next() < 0.5)), at(4)),
      answer(user, day, 'hours', Math.round(next() * 100) / 10, at(5)),
      answer(user, day, 'comment', secret(i), at(6)),
    );
    if (i <= 12) {
      events.push(ev(user, 'survey.shown', '2026-06-01', { surveyId: 'pulse' }, { at: '2026-06-01T10:00:00.000Z' }));
      events.push(answer(user, '2026-06-01', 'confidence', 5, '2026-06-01T10:01:00.000Z'));
      events.push(answer(user, '2026-06-01', 'comment', `second ${secret(i)}`, '2026-06-01T10:02:00.000Z'));
    }
  }
  for (let i = 1; i <= 3; i++)
    events.push(ev(`t-${i}`, 'survey.answered', '2026-05-05', { surveyId: 'tiny', questionId: 'ok', value: 'yes' }));
  for (let i = 1; i <= 26; i++) {
    const user = `x-${i}`;
    events.push(ev(user, i <= 20 ? 'prompt.shown' : 'prompt.held_out', '2026-05-06', { promptId: 'tip' }));
    if (i <= 12) events.push(ev(user, 'prompt.clicked', '2026-05-06', { promptId: 'tip' }, { at: '2026-05-06T12:01:00.000Z' }));
    if (i % 2 === 0 && i <= 16) events.push(ev(user, 'ai.feature_used', '2026-05-07'));
  }
  return events;
}

const written = organisation();
const question = (m: Metrics, id: string) => m.surveys?.[0]?.questions.find((q) => q.id === id) as QuestionResult;

describe.each(storeKinds)('results per item, $kind store', ({ kind }) => {
  const collector = useCollector(kind, config);
  beforeAll(async () => {
    await collector.store.insert(written);
  });
  const viewer = (asOf: string) => computeMetrics(collector.store, config, { asOf }, { exact: false, today });
  const get = (token: string, path: string) => fetch(`${collector.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });

  it('an analyst reads exactly what the reference computes: funnel, response rate, histograms, NPS, means, median, waves, weeks', async () => {
    const asOf = '2026-06-14';
    const actual = JSON.parse(JSON.stringify(await computeMetrics(collector.store, config, { asOf }))) as Metrics;
    const expected = referenceMetrics(written, config, { asOf });
    expect(compareMetrics(actual, expected)).toEqual([]);
    const pulse = actual.surveys?.[0];
    expect(pulse).toMatchObject({ id: 'pulse', shown: 48, respondents: 40, responseRate: 40 / 48, suppressed: false });
    expect(pulse?.waves.map((w) => [w.wave, w.respondents])).toEqual([
      [1, 40],
      [2, 12],
    ]);
    // The latest answer counts: the 12 who answered again said 5.
    expect(question(actual, 'confidence').histogram?.[4]?.people).toBeGreaterThanOrEqual(12);
    expect(question(actual, 'confidence').histogram?.[0]).toEqual({ value: 1, people: 2 });
    expect(question(actual, 'tool').other).toBe(1);
    expect(question(actual, 'comment')).toEqual({
      id: 'comment',
      type: 'text',
      respondents: 40,
      suppressed: false,
      trend: expect.any(Array),
    });
    expect(actual.surveys?.[1]).toMatchObject({ id: 'tiny', suppressed: true, respondents: null, questions: [] });
    expect(actual.funnels?.[0]).toEqual({ id: 'tip', shown: 20, clicked: 12, goal: 8, suppressed: false });
  });

  it('a viewer cannot difference a histogram bucket: hidden buckets hold minGroupSize people together, and no mean is given beside them', async () => {
    const exact = await computeMetrics(collector.store, config, { asOf: '2026-06-14' });
    const seen = await viewer('2026-06-14');
    expect(seen.figuresAsOf).toBe('2026-06-14');
    for (const id of ['confidence', 'recommend', 'tool', 'uses']) {
      const [e, v] = [question(exact, id), question(seen, id)];
      const sizes = [...(e.histogram ?? []).map((b) => b.people as number), ...(id === 'uses' ? [] : [e.other as number])];
      const hidden = [...(v.histogram ?? []).map((b) => b.people === null), ...(id === 'uses' ? [] : [v.other === null])];
      const held = sizes.reduce((s, n, i) => s + (hidden[i] ? n : 0), 0);
      if (hidden.some((h, i) => h && (sizes[i] as number) > 0)) expect(held).toBeGreaterThanOrEqual(5);
      // A bucket under minGroupSize is never shown.
      for (const [i, n] of sizes.entries()) if (n > 0 && n < 5) expect(hidden[i]).toBe(true);
    }
    // A question's respondents are part of the survey's, as released.
    for (const q of seen.surveys?.[0]?.questions ?? []) expect(q.respondents).toBeLessThanOrEqual(seen.surveys?.[0]?.respondents as number);
    // Confidence 1 (2 people) is hidden: its mean would tell it, so there is none.
    expect(question(seen, 'confidence').histogram?.[0]?.people).toBeNull();
    expect(question(seen, 'confidence').mean).toBeNull();
    expect(question(exact, 'confidence').mean).not.toBeNull();
    // A survey under minGroupSize names nothing; the funnel is released like the arm it is about.
    expect(seen.surveys?.[1]).toEqual({
      id: 'tiny',
      shown: null,
      respondents: null,
      responseRate: null,
      suppressed: true,
      questions: [],
      waves: [],
      trend: [],
    });
    expect(seen.funnels?.[0]?.shown).toBe(seen.prompts[0]?.treated);
    // Hidden weeks and waves are not listed to a viewer.
    expect(seen.surveys?.[0]?.trend.every((w) => !w.suppressed)).toBe(true);
  });

  it('a filter that narrows the population below minGroupSize hides every survey and funnel from a viewer, not from an analyst', async () => {
    // Nobody used the tool in the last 28 days: the tool filter selects fewer than minGroupSize people.
    const narrowed = await computeMetrics(collector.store, config, { asOf: '2026-06-14', tool: 'assistant' }, { exact: false, today });
    expect(narrowed.surveys?.map((x) => [x.id, x.suppressed, x.questions.length])).toEqual([
      ['pulse', true, 0],
      ['tiny', true, 0],
    ]);
    expect(narrowed.funnels?.[0]?.suppressed).toBe(true);
    const exact = await computeMetrics(collector.store, config, { asOf: '2026-06-14', tool: 'assistant' });
    expect(exact.surveys?.[0]?.respondents).toBe(40);
  });

  it('a viewer reads one answer a week: every day of a week gives the same results', async () => {
    const week = ['2026-06-15', '2026-06-16', '2026-06-17', '2026-06-19'];
    const seen = await Promise.all(week.map(viewer));
    for (const m of seen) expect(m.figuresAsOf).toBe('2026-06-14');
    for (const m of seen.slice(1)) expect({ s: m.surveys, f: m.funnels }).toEqual({ s: seen[0]?.surveys, f: seen[0]?.funnels });
  });

  it('text answers: an analyst reads them without user ids; a viewer or an editor trying gets 403 and finds none in the metrics', async () => {
    const res = await get(tokens.analyst, '/v1/surveys/pulse/answers?question=comment&asOf=2026-06-14');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { answers: { value: string; wave: number; week: string }[] };
    expect(body.answers).toHaveLength(52);
    expect(body.answers[0]).toEqual({ value: expect.stringMatching(/^second secret/), wave: 2, week: '2026-W23' });
    expect(JSON.stringify(body)).not.toMatch(/p-\d/);
    for (const token of [tokens.viewer, tokens.editor]) {
      const refused = await get(token, '/v1/surveys/pulse/answers?question=comment');
      expect(refused.status).toBe(403);
      expect(await refused.text()).toMatch(/survey text answers|exact/);
      const metrics = await (await get(token, '/v1/metrics?asOf=2026-06-14')).text();
      expect(metrics).not.toContain('secret comment');
    }
    // Not a text question, not a survey: words, not answers.
    expect((await get(tokens.analyst, '/v1/surveys/pulse/answers?question=confidence')).status).toBe(400);
    expect((await get(tokens.analyst, '/v1/surveys/nope/answers?question=comment')).status).toBe(404);
    // The read is audited with its row count.
    const audit = (await (await get('survey-results-admin-token', '/v1/audit')).json()) as {
      entries: { endpoint: string; rows: number }[];
    };
    expect(audit.entries.some((e) => e.endpoint.startsWith('/v1/surveys/:id/answers?') && e.rows === 52)).toBe(true);
  });
});
