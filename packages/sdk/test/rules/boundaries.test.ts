import { describe, expect, it } from 'vitest';
import {
  allowedByFatigue,
  foldExposures,
  isDue,
  matchesGlob,
  selectDue,
  unitHash,
  type Exposure,
  type RuleContext,
  type RuleItem,
} from '../../src/rules/index.js';

// The edges of each rule, one test per edge: written for the mutants StrykerJS found surviving
// (docs/analysts.md "How the figures are verified"). Each rule's reading of "within" is stated here.

const day = 86_400_000;
const now = Date.parse('2026-11-22T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();
const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  now,
  person: { userId: 'u-1', trainedAt: '2026-11-01' },
  events: [],
  path: '/',
  ...over,
});
const exposure = (over: Partial<Exposure> = {}): Exposure => ({
  shows: 0,
  lastShown: null,
  heldOutAt: null,
  dismissed: false,
  lastSnoozed: null,
  lastAnswered: null,
  ...over,
});

describe('rule edges', () => {
  it('event within withinDays: an event exactly withinDays ago counts, one at now counts, one after now does not', () => {
    const trigger = { event: 'ai.request', withinDays: 1 };
    expect(isDue(trigger, ctx({ events: [{ name: 'ai.request', at: now - day }] }), undefined)).toBe(true);
    expect(isDue(trigger, ctx({ events: [{ name: 'ai.request', at: now - day - 1 }] }), undefined)).toBe(false);
    expect(isDue(trigger, ctx({ events: [{ name: 'ai.request', at: now }] }), undefined)).toBe(true);
    expect(isDue(trigger, ctx({ events: [{ name: 'ai.request', at: now + 1 }] }), undefined)).toBe(false);
  });

  it('inactiveDays: due exactly N days after the last usage, not a millisecond before; never used counts from the training day', () => {
    const lastUsed = (ms: number) => ctx({ person: { userId: 'u', lastUsageAt: ago(ms) } });
    expect(isDue({ inactiveDays: 7 }, lastUsed(7 * day), undefined)).toBe(true);
    expect(isDue({ inactiveDays: 7 }, lastUsed(7 * day - 1), undefined)).toBe(false);
    // Trained at midnight 2026-11-19, 3.5 days before now, never used: not inactive for 7 days yet.
    expect(isDue({ inactiveDays: 7 }, ctx({ person: { userId: 'u', trainedAt: '2026-11-19' } }), undefined)).toBe(false);
  });

  it('spaced: shown exactly when the step began counts as shown for it; no history at all is due', () => {
    const trigger = { spaced: [2, 7, 21, 60] }; // trained 2026-11-01: step 21 began 2026-11-22T00:00Z
    expect(isDue(trigger, ctx(), exposure({ lastShown: '2026-11-22T00:00:00.000Z' }))).toBe(false);
    expect(isDue(trigger, ctx(), exposure({ lastShown: '2026-11-21T23:59:59.999Z' }))).toBe(true);
    expect(isDue(trigger, ctx(), undefined)).toBe(true);
  });

  it('daysSinceTraining without a training day is never due, even for a range that starts at 0', () => {
    expect(isDue({ daysSinceTraining: [0, 0] }, ctx({ person: { userId: 'u' } }), undefined)).toBe(false);
    expect(isDue({ spaced: [0] }, ctx({ person: { userId: 'u' } }), undefined)).toBe(false);
  });

  it('fatigue: a show exactly a day (a week) ago is outside the day (week) cap', () => {
    expect(allowedByFatigue({ perDay: 1, perWeek: 9 }, [ago(day)], now, false)).toBe(true);
    expect(allowedByFatigue({ perDay: 1, perWeek: 9 }, [ago(day - 1)], now, false)).toBe(false);
    expect(allowedByFatigue({ perDay: 9, perWeek: 1 }, [ago(7 * day)], now, false)).toBe(true);
    expect(allowedByFatigue({ perDay: 9, perWeek: 1 }, [ago(7 * day - 1)], now, false)).toBe(false);
  });

  it('fatigue: a list of shows that grew in place since it was last read counts its new show (the parse cache)', () => {
    const shows: string[] = [];
    expect(allowedByFatigue({ perDay: 1, perWeek: 9 }, shows, now, false)).toBe(true);
    shows.push(ago(60_000));
    expect(allowedByFatigue({ perDay: 1, perWeek: 9 }, shows, now, false)).toBe(false);
  });

  it('selectDue never shows an item to a person outside its audience', () => {
    const item: RuleItem = {
      id: 'for-leaders',
      audience: { roles: ['leader'], sample: 1, holdout: 0 },
      trigger: { url: '/**' },
      frequency: { maxShows: 3, cooldownDays: 3 },
    };
    const person = { userId: 'u-1', role: 'professional' };
    expect(selectDue([item], { items: {}, recentShows: [] }, { perDay: 1, perWeek: 3 }, { ...ctx(), person }, false)).toEqual({
      action: 'none',
    });
    expect(
      selectDue(
        [item],
        { items: {}, recentShows: [] },
        { perDay: 1, perWeek: 3 },
        { ...ctx(), person: { ...person, role: 'leader' } },
        false,
      ),
    ).toEqual({ action: 'show', item });
  });

  it('unitHash is the same in every version: changing it would move people between holdout and treated', () => {
    // FNV-1a then murmur3's finalizer, as 32-bit integers over 2^32.
    expect(unitHash('critique-tip\u0000holdout\u0000u-1') * 2 ** 32).toBe(1_843_578_908);
    expect(unitHash('a') * 2 ** 32).toBe(444_641_715);
    expect(unitHash('') * 2 ** 32).toBe(2_872_998_923);
  });

  it('foldExposures keeps the latest show, "Not now" and answer when a step is older than what it folds into', () => {
    const late = '2026-11-20T00:00:00.000Z';
    const early = '2026-11-19T00:00:00.000Z';
    const from = {
      prompts: { tip: exposure({ shows: 1, lastShown: late, lastSnoozed: late, lastAnswered: late }) },
      surveys: {},
      recentShows: [late],
    };
    const steps = (['shown', 'snoozed', 'answered'] as const).map((action) => ({ kind: 'prompt' as const, id: 'tip', action, at: early }));
    expect(foldExposures(from, steps).prompts['tip']).toEqual(
      exposure({ shows: 2, lastShown: late, lastSnoozed: late, lastAnswered: late }),
    );
  });

  it('url globs: ** then a literal keeps the literal; special characters are literal', () => {
    expect(matchesGlob('/a/**/z', '/a/b/c/z')).toBe(true);
    expect(matchesGlob('/a/**/z', '/a/bz')).toBe(false);
    expect(matchesGlob('/a.b', '/a.b')).toBe(true);
    expect(matchesGlob('/(x)+', '/(x)+')).toBe(true);
  });
});
