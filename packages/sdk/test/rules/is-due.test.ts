import { describe, expect, it } from 'vitest';
import { type Exposure, emptyExposure, isDue, type RuleContext } from '../../src/rules/index.js';
import { matchesGlob } from '../../src/rules/url-glob.js';

const day = 86_400_000;
const now = Date.parse('2026-11-22T12:00:00Z');
const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  now,
  person: { userId: 'u-1', trainedAt: '2026-11-01' },
  events: [],
  path: '/',
  ...over,
});
const exposure = (over: Partial<Exposure> = {}): Exposure => ({ ...emptyExposure(), ...over });

describe('isDue', () => {
  it('event: count within withinDays, in this browser', () => {
    const rejected = (ago: number) => ({ name: 'ai.output_rejected', at: now - ago });
    const trigger = { event: 'ai.output_rejected', count: 2, withinDays: 1 };
    expect(isDue(trigger, ctx({ events: [rejected(2 * day), rejected(1000)] }), undefined)).toBe(false);
    expect(isDue(trigger, ctx({ events: [rejected(day - 1000), rejected(1000)] }), undefined)).toBe(true);
    expect(isDue({ event: 'ai.output_rejected' }, ctx({ events: [rejected(30 * day)] }), undefined)).toBe(true);
    expect(isDue({ event: 'ai.request' }, ctx({ events: [rejected(1000)] }), undefined)).toBe(false);
  });

  it('inactiveDays: no usage on any device for N days (or since training, if never used)', () => {
    expect(
      isDue({ inactiveDays: 7 }, ctx({ person: { userId: 'u', lastUsageAt: new Date(now - 8 * day).toISOString() } }), undefined),
    ).toBe(true);
    expect(
      isDue({ inactiveDays: 7 }, ctx({ person: { userId: 'u', lastUsageAt: new Date(now - 6 * day).toISOString() } }), undefined),
    ).toBe(false);
    expect(isDue({ inactiveDays: 7 }, ctx(), undefined)).toBe(true); // trained 21 days ago, never used
    expect(isDue({ inactiveDays: 7 }, ctx({ person: { userId: 'u' } }), undefined)).toBe(false);
  });

  it('daysSinceTraining: inclusive bounds, needs a training day', () => {
    const at = (trainedAt: string) => ctx({ person: { userId: 'u', trainedAt } });
    expect(isDue({ daysSinceTraining: [88, 100] }, at('2026-08-26'), undefined)).toBe(true); // day 88
    expect(isDue({ daysSinceTraining: [88, 100] }, at('2026-08-27'), undefined)).toBe(false); // day 87
    expect(isDue({ daysSinceTraining: [88, 100] }, at('2026-08-14'), undefined)).toBe(true); // day 100
    expect(isDue({ daysSinceTraining: [88, 100] }, at('2026-08-13'), undefined)).toBe(false); // day 101
    expect(isDue({ daysSinceTraining: [0, 999] }, ctx({ person: { userId: 'u' } }), undefined)).toBe(false);
  });

  it('spaced: the latest step reached is due until shown since that step began', () => {
    const trigger = { spaced: [2, 7, 21, 60] }; // trained 2026-11-01, today is day 21
    expect(isDue(trigger, ctx(), exposure())).toBe(true);
    expect(isDue(trigger, ctx(), exposure({ lastShown: '2026-11-09T10:00:00Z' }))).toBe(true); // shown for step 7 only
    expect(isDue(trigger, ctx(), exposure({ lastShown: '2026-11-22T09:00:00Z' }))).toBe(false); // shown for step 21
    expect(isDue(trigger, ctx({ person: { userId: 'u', trainedAt: '2026-11-21' } }), exposure())).toBe(false); // day 1
  });

  it("adaptive: due from the person's day (sent by the collector) until shown on or after it", () => {
    const trigger = { adaptive: { targetRecall: 0.8 } }; // today is 2026-11-22
    expect(isDue(trigger, ctx(), exposure({ dueDay: '2026-11-22' }))).toBe(true);
    expect(isDue(trigger, ctx(), exposure({ dueDay: '2026-11-02' }))).toBe(true);
    expect(isDue(trigger, ctx(), exposure({ dueDay: '2026-11-23' }))).toBe(false);
    expect(isDue(trigger, ctx(), exposure())).toBe(false); // no day: nothing known of the person
    expect(isDue(trigger, ctx(), undefined)).toBe(false);
    // Shown before the day (for an earlier day): due again; shown on the day: not.
    expect(isDue(trigger, ctx(), exposure({ dueDay: '2026-11-20', lastShown: '2026-11-19T23:59:00.000Z' }))).toBe(true);
    expect(isDue(trigger, ctx(), exposure({ dueDay: '2026-11-20', lastShown: '2026-11-20T00:00:00.000Z' }))).toBe(false);
  });

  it('selector + on: the DOM event must match the type and the element', () => {
    document.body.innerHTML = '<form id="ask"><textarea id="prompt"></textarea></form><p id="other"></p>';
    const textarea = document.getElementById('prompt') as Element;
    const trigger = { selector: '#ask textarea', on: 'focus' as const };
    expect(isDue(trigger, ctx({ domEvent: { type: 'focus', target: textarea } }), undefined)).toBe(true);
    expect(isDue(trigger, ctx({ domEvent: { type: 'click', target: textarea } }), undefined)).toBe(false);
    expect(isDue(trigger, ctx({ domEvent: { type: 'focus', target: document.getElementById('other') as Element } }), undefined)).toBe(
      false,
    );
    expect(isDue(trigger, ctx(), undefined)).toBe(false);
  });

  it('url: a glob on the page path; all conditions must hold together', () => {
    expect(isDue({ url: '/reports/*' }, ctx({ path: '/reports/q3' }), undefined)).toBe(true);
    expect(isDue({ url: '/reports/*', event: 'ai.request' }, ctx({ path: '/reports/q3' }), undefined)).toBe(false);
  });
});

describe('matchesGlob', () => {
  it('* stays in a segment, ** crosses them, ? is one character, the rest is literal', () => {
    expect(matchesGlob('/reports/*', '/reports/q3')).toBe(true);
    expect(matchesGlob('/reports/*', '/reports/q3/edit')).toBe(false);
    expect(matchesGlob('/reports/**', '/reports/q3/edit')).toBe(true);
    expect(matchesGlob('/q?', '/q3')).toBe(true);
    expect(matchesGlob('/a.b', '/axb')).toBe(false);
    expect(matchesGlob('/search?*', '/search?q=x')).toBe(true);
  });
});
