import { describe, expect, it } from 'vitest';
import { allowedByFatigue, allowedByFrequency, type Exposure, emptyExposure, type RuleItem, selectDue } from '../../src/rules/index.js';

const day = 86_400_000;
const now = Date.parse('2026-11-22T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();
const exposure = (over: Partial<Exposure> = {}): Exposure => ({ ...emptyExposure(), ...over });
const frequency = { maxShows: 3, cooldownDays: 3 };

describe('allowedByFrequency', () => {
  it('caps shows, waits the cooldown after a show and after "Not now", never after "Don\'t show again" or an answer', () => {
    expect(allowedByFrequency(frequency, undefined, now)).toBe(true);
    expect(allowedByFrequency(frequency, exposure({ shows: 2, lastShown: ago(3 * day) }), now)).toBe(true);
    expect(allowedByFrequency(frequency, exposure({ shows: 3, lastShown: ago(30 * day) }), now)).toBe(false);
    expect(allowedByFrequency(frequency, exposure({ shows: 1, lastShown: ago(3 * day - 1000) }), now)).toBe(false);
    expect(allowedByFrequency(frequency, exposure({ lastSnoozed: ago(day) }), now)).toBe(false);
    expect(allowedByFrequency(frequency, exposure({ lastSnoozed: ago(4 * day) }), now)).toBe(true);
    expect(allowedByFrequency(frequency, exposure({ dismissed: true }), now)).toBe(false);
    expect(allowedByFrequency(frequency, exposure({ lastAnswered: ago(90 * day) }), now)).toBe(false);
  });
});

describe('allowedByFatigue', () => {
  it('holds the day and week caps across items and devices, and one thing on screen at a time', () => {
    const fatigue = { perDay: 1, perWeek: 3 };
    expect(allowedByFatigue(fatigue, [], now, false)).toBe(true);
    expect(allowedByFatigue(fatigue, [], now, true)).toBe(false);
    expect(allowedByFatigue(fatigue, [ago(day - 1000)], now, false)).toBe(false);
    expect(allowedByFatigue(fatigue, [ago(day + 1000), ago(2 * day)], now, false)).toBe(true);
    expect(allowedByFatigue(fatigue, [ago(2 * day), ago(3 * day), ago(6 * day)], now, false)).toBe(false);
    expect(allowedByFatigue(fatigue, [ago(2 * day), ago(3 * day), ago(8 * day)], now, false)).toBe(true);
  });
});

describe('selectDue', () => {
  const item = (id: string, holdout = 0, trigger: RuleItem['trigger'] = { url: '/**' }): RuleItem => ({
    id,
    audience: { sample: 1, holdout },
    trigger,
    frequency,
  });
  const ctx = (userId = 'u-1') => ({ now, person: { userId }, events: [], path: '/reports' });
  const history = (items: Record<string, Exposure> = {}, recentShows: string[] = []) => ({ items, recentShows });
  const fatigue = { perDay: 1, perWeek: 3 };

  it('shows the first due, allowed item in config order', () => {
    const items = [item('not-due', 0, { url: '/settings' }), item('capped'), item('due'), item('later')];
    const decision = selectDue(items, history({ capped: exposure({ dismissed: true }) }), fatigue, ctx(), false);
    expect(decision).toEqual({ action: 'show', item: items[2] });
  });

  it('holds a control-group person out once, at the moment it would have shown', () => {
    const users = Array.from({ length: 200 }, (_, i) => `u-${i}`);
    const held = users.filter((u) => selectDue([item('tip', 0.5)], history(), fatigue, ctx(u), false).action === 'hold-out');
    expect(held.length).toBeGreaterThan(60);
    expect(held.length).toBeLessThan(140);
    const someone = held[0] as string;
    expect(selectDue([item('tip', 0.5)], history({ tip: exposure({ heldOutAt: ago(1000) }) }), fatigue, ctx(someone), false)).toEqual({
      action: 'none',
    });
  });

  it('shows nothing past the fatigue caps or while something is on screen', () => {
    expect(selectDue([item('due')], history({}, [ago(1000)]), fatigue, ctx(), false)).toEqual({ action: 'none' });
    expect(selectDue([item('due')], history(), fatigue, ctx(), true)).toEqual({ action: 'none' });
  });
});
