import { describe, expect, it } from 'vitest';
import { emptyExposure, type ExposureStep, type Exposures, exposureAction, foldExposures } from '../../src/rules/index.js';

const nothing = (): Exposures => ({ prompts: {}, surveys: {}, recentShows: [] });
const step = (kind: ExposureStep['kind'], id: string, action: ExposureStep['action'], at: string): ExposureStep => ({
  kind,
  id,
  action,
  at,
});

describe('exposureAction', () => {
  it('reads shows, holdouts and answers as they are, and a click as nothing', () => {
    expect(exposureAction('prompt', 'shown', undefined)).toBe('shown');
    expect(exposureAction('prompt', 'held_out', undefined)).toBe('held_out');
    expect(exposureAction('survey', 'answered', undefined)).toBe('answered');
    expect(exposureAction('prompt', 'clicked', undefined)).toBeUndefined();
    expect(exposureAction('prompt', 'anything_else', 'dismiss')).toBeUndefined();
  });

  it('ends a prompt on "Don\'t show again"; any other close, and every close of a survey, is "Not now"', () => {
    expect(exposureAction('prompt', 'dismissed', 'dismiss')).toBe('dismissed');
    expect(exposureAction('prompt', 'dismissed', 'snooze')).toBe('snoozed');
    expect(exposureAction('prompt', 'dismissed', 'escape')).toBe('snoozed');
    expect(exposureAction('prompt', 'dismissed', undefined)).toBe('snoozed');
    expect(exposureAction('survey', 'dismissed', 'dismiss')).toBe('snoozed');
  });
});

describe('foldExposures', () => {
  it('counts shows, keeps the latest show, "Not now" and answer and the first holdout, and lists shows newest first', () => {
    const folded = foldExposures(nothing(), [
      step('prompt', 'tip', 'shown', '2026-11-20T09:00:00.000Z'),
      step('prompt', 'tip', 'snoozed', '2026-11-20T09:01:00.000Z'),
      step('prompt', 'tip', 'shown', '2026-11-21T09:00:00.000Z'),
      step('prompt', 'tip', 'dismissed', '2026-11-21T09:02:00.000Z'),
      step('prompt', 'control', 'held_out', '2026-11-19T08:00:00.000Z'),
      step('prompt', 'control', 'held_out', '2026-11-22T08:00:00.000Z'),
      step('survey', 'pulse', 'shown', '2026-11-21T10:00:00.000Z'),
      step('survey', 'pulse', 'answered', '2026-11-21T10:01:00.000Z'),
      step('survey', 'pulse', 'answered', '2026-11-21T10:02:00.000Z'),
    ]);
    expect(folded).toEqual({
      prompts: {
        tip: {
          ...emptyExposure(),
          shows: 2,
          lastShown: '2026-11-21T09:00:00.000Z',
          dismissed: true,
          lastSnoozed: '2026-11-20T09:01:00.000Z',
        },
        control: { ...emptyExposure(), heldOutAt: '2026-11-19T08:00:00.000Z' },
      },
      surveys: {
        pulse: { ...emptyExposure(), shows: 1, lastShown: '2026-11-21T10:00:00.000Z', lastAnswered: '2026-11-21T10:02:00.000Z' },
      },
      recentShows: ['2026-11-21T10:00:00.000Z', '2026-11-21T09:00:00.000Z', '2026-11-20T09:00:00.000Z'],
    });
  });

  it('keeps a prompt and a survey of the same id apart', () => {
    const folded = foldExposures(nothing(), [
      step('prompt', 'x', 'shown', '2026-11-20T09:00:00.000Z'),
      step('survey', 'x', 'answered', '2026-11-20T09:01:00.000Z'),
    ]);
    expect(folded.prompts['x']?.shows).toBe(1);
    expect(folded.prompts['x']?.lastAnswered).toBeNull();
    expect(folded.surveys['x']?.lastAnswered).toBe('2026-11-20T09:01:00.000Z');
  });

  it('adds to a history without changing it, and never moves a time back', () => {
    const from: Exposures = {
      prompts: { tip: { ...emptyExposure(), shows: 1, lastShown: '2026-11-21T09:00:00.000Z', heldOutAt: '2026-11-01T00:00:00.000Z' } },
      surveys: {},
      recentShows: ['2026-11-21T09:00:00.000Z', '2026-11-20T07:00:00.000Z'],
    };
    const before = structuredClone(from);
    const folded = foldExposures(from, [
      // A step of a tab that was behind: it counts, but the latest times stay.
      step('prompt', 'tip', 'shown', '2026-11-20T08:00:00.000Z'),
      step('prompt', 'tip', 'held_out', '2026-11-02T00:00:00.000Z'),
      step('prompt', 'tip', 'shown', '2026-11-22T09:00:00.000Z'),
    ]);
    expect(from).toEqual(before);
    expect(folded.prompts['tip']).toEqual({
      ...emptyExposure(),
      shows: 3,
      lastShown: '2026-11-22T09:00:00.000Z',
      heldOutAt: '2026-11-01T00:00:00.000Z',
    });
    expect(folded.recentShows).toEqual([
      '2026-11-22T09:00:00.000Z',
      '2026-11-21T09:00:00.000Z',
      '2026-11-20T08:00:00.000Z',
      '2026-11-20T07:00:00.000Z',
    ]);
  });

  it("counts two shows at the same instant twice: leaving out what the history already holds is the caller's part", () => {
    const at = '2026-11-20T09:00:00.000Z';
    const folded = foldExposures(nothing(), [step('prompt', 'a', 'shown', at), step('prompt', 'b', 'shown', at)]);
    expect([folded.prompts['a']?.shows, folded.prompts['b']?.shows]).toEqual([1, 1]);
    expect(folded.recentShows).toEqual([at, at]);
  });
});
