import { describe, expect, it } from 'vitest';
import { describeIssues, surveySchema } from '../../src/protocol/index.js';
import { explainDue } from '../../src/rules/explain-due.js';
import {
  allowedByFrequency,
  type Exposure,
  type ExposureStep,
  emptyExposure,
  foldExposures,
  type RuleItem,
  selectDue,
} from '../../src/rules/index.js';
import { staysQuiet } from '../../src/rules/stays-quiet.js';

// Recurring surveys (issue 15 item 7): offered again `everyDays` after the last answer, every other rule as for a first offer.
const day = 86_400_000;
const now = Date.parse('2026-11-22T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();
const exposure = (over: Partial<Exposure> = {}): Exposure => ({ ...emptyExposure(), ...over });
const frequency = { maxShows: 3, cooldownDays: 3 };
const pulse = (recurrence?: RuleItem['recurrence'], trigger: RuleItem['trigger'] = { url: '/**' }): RuleItem => ({
  id: 'confidence',
  audience: { sample: 1, holdout: 0 },
  trigger,
  frequency,
  recurrence,
});
const ctx = { now, person: { userId: 'u-1' }, events: [], path: '/reports' };
const fatigue = { perDay: 1, perWeek: 3 };
const answered90 = exposure({ shows: 1, lastShown: ago(90 * day + 60_000), lastAnswered: ago(90 * day) });

describe('recurrence in the survey schema', () => {
  const survey = (recurrence: unknown) => ({
    id: 'confidence',
    trigger: { daysSinceTraining: [14, 400] },
    questions: [{ id: 'q', type: 'scale', text: 'How confident are you?' }],
    recurrence,
  });
  const problems = (value: unknown) => {
    const result = surveySchema.safeParse(value);
    return result.success ? [] : describeIssues(result.error);
  };

  it('takes a whole number of days from 1 to 730, and is absent by default', () => {
    expect(surveySchema.parse(survey({ everyDays: 90 })).recurrence).toEqual({ everyDays: 90 });
    expect(problems(survey({ everyDays: 1 }))).toEqual([]);
    expect(problems(survey({ everyDays: 730 }))).toEqual([]);
    expect(surveySchema.parse(survey(undefined)).recurrence).toBeUndefined();
  });

  it('refuses anything else, naming the path', () => {
    const days = 'recurrence.everyDays: expected a whole number of days from 1 to 730';
    expect(problems(survey({ everyDays: 0 }))).toEqual([days]);
    expect(problems(survey({ everyDays: 45.5 }))).toEqual([days]);
    expect(problems(survey({ everyDays: 731 }))).toEqual([days]);
    expect(problems(survey({ everyDays: '90' }))).toEqual([days]);
    expect(problems(survey({}))).toEqual([days]);
    expect(problems(survey({ everyDays: 90, everyWeeks: 2 })).join()).toMatch(/^recurrence: .*everyWeeks/);
  });
});

describe('foldExposures counts the shows since the last answer', () => {
  const step = (action: ExposureStep['action'], at: string): ExposureStep => ({ kind: 'survey', id: 'confidence', action, at });

  it('from a show after an answer, anew at the next answer, and not before any answer', () => {
    const first = foldExposures({ prompts: {}, surveys: {}, recentShows: [] }, [
      step('shown', '2026-08-01T09:00:00.000Z'),
      step('snoozed', '2026-08-01T09:00:10.000Z'),
      step('shown', '2026-08-05T09:00:00.000Z'),
      step('answered', '2026-08-05T09:01:00.000Z'),
    ]);
    expect(first.surveys['confidence']).toEqual(
      exposure({
        shows: 2,
        lastShown: '2026-08-05T09:00:00.000Z',
        lastSnoozed: '2026-08-01T09:00:10.000Z',
        lastAnswered: '2026-08-05T09:01:00.000Z',
      }),
    );
    expect(first.surveys['confidence']).not.toHaveProperty('showsSinceAnswer');
    const wave2 = foldExposures(first, [step('shown', '2026-11-03T09:00:00.000Z'), step('shown', '2026-11-07T09:00:00.000Z')]);
    expect(wave2.surveys['confidence']?.showsSinceAnswer).toBe(2);
    expect(wave2.surveys['confidence']?.shows).toBe(4);
    const answered = foldExposures(wave2, [step('answered', '2026-11-07T09:02:00.000Z')]);
    expect(answered.surveys['confidence']).not.toHaveProperty('showsSinceAnswer');
    expect(answered.surveys['confidence']?.lastAnswered).toBe('2026-11-07T09:02:00.000Z');
  });

  it('an answer or a show older than the last answer changes neither', () => {
    const from = foldExposures({ prompts: {}, surveys: {}, recentShows: [] }, [
      step('answered', '2026-11-01T09:00:00.000Z'),
      step('shown', '2026-11-10T09:00:00.000Z'),
    ]);
    const late = foldExposures(from, [step('answered', '2026-10-01T09:00:00.000Z'), step('shown', '2026-10-30T09:00:00.000Z')]);
    expect(late.surveys['confidence']?.lastAnswered).toBe('2026-11-01T09:00:00.000Z');
    expect(late.surveys['confidence']?.showsSinceAnswer).toBe(1);
  });
});

describe('a recurring survey is offered again everyDays after the last answer', () => {
  const offered = (item: RuleItem, e: Exposure, recentShows: string[] = []) =>
    selectDue([item], { items: { confidence: e }, recentShows }, fatigue, ctx, false).action === 'show';

  it('not before, and from then on; without recurrence never again', () => {
    expect(offered(pulse({ everyDays: 90 }), answered90)).toBe(true);
    expect(offered(pulse({ everyDays: 91 }), answered90)).toBe(false);
    expect(offered(pulse({ everyDays: 90 }), exposure({ ...answered90, lastAnswered: ago(90 * day - 1000) }))).toBe(false);
    expect(offered(pulse(), answered90)).toBe(false);
    expect(offered(pulse(), exposure({ ...answered90, lastAnswered: ago(900 * day) }))).toBe(false);
  });

  it('under the fatigue caps, the trigger and the cooldown as for a first offer', () => {
    expect(offered(pulse({ everyDays: 90 }), answered90, [ago(60_000)])).toBe(false);
    expect(offered(pulse({ everyDays: 90 }), answered90, [ago(2 * day), ago(3 * day), ago(4 * day)])).toBe(false);
    expect(offered(pulse({ everyDays: 90 }), answered90, [ago(2 * day)])).toBe(true);
    expect(offered(pulse({ everyDays: 90 }, { url: '/settings' }), answered90)).toBe(false);
    // everyDays shorter than the cooldown: the cooldown after the show still holds.
    const recent = exposure({ shows: 1, lastShown: ago(2 * day), lastAnswered: ago(2 * day - 60_000) });
    expect(offered(pulse({ everyDays: 1 }), recent)).toBe(false);
    expect(offered(pulse({ everyDays: 1 }), exposure({ ...recent, lastShown: ago(3 * day), lastAnswered: ago(3 * day) }))).toBe(true);
  });

  it('counts frequency.maxShows in each wave from the last answer', () => {
    const wave = (shows: number, showsSinceAnswer?: number) =>
      exposure({ shows, lastShown: ago(4 * day), lastAnswered: ago(100 * day), ...(showsSinceAnswer ? { showsSinceAnswer } : {}) });
    expect(allowedByFrequency(frequency, wave(3), now, { everyDays: 90 })).toBe(true);
    expect(allowedByFrequency(frequency, wave(5, 2), now, { everyDays: 90 })).toBe(true);
    expect(allowedByFrequency(frequency, wave(6, 3), now, { everyDays: 90 })).toBe(false);
    expect(allowedByFrequency(frequency, wave(3), now)).toBe(false);
  });

  it('a held-out person is still never shown it', () => {
    const held = { ...pulse({ everyDays: 90 }), audience: { sample: 1, holdout: 1 } };
    const decision = selectDue(
      [held],
      { items: { confidence: exposure({ heldOutAt: ago(100 * day) }) }, recentShows: [] },
      fatigue,
      ctx,
      false,
    );
    expect(decision).toEqual({ action: 'none' });
  });

  it('is looked at again after an answer (staysQuiet does not rule it out for good)', () => {
    expect(staysQuiet(pulse(), 'treated', answered90, ctx)).toBe('whatever-events');
    expect(staysQuiet(pulse({ everyDays: 90 }), 'treated', answered90, ctx)).toBe(false);
    expect(staysQuiet(pulse({ everyDays: 90 }, { event: 'report.opened' }), 'treated', answered90, ctx)).toBe('until-its-event');
  });

  it('explain() says when it is offered again, and counts the wave', () => {
    const reason = (item: RuleItem, e: Exposure) =>
      explainDue({
        prompts: [],
        surveys: [item],
        history: {
          prompts: {},
          surveys: { confidence: e },
          recentShows: [],
          trainedAt: null,
          lastUsageDay: null,
          program: null,
          cohort: null,
        },
        fatigue,
        ctx,
        unusable: [],
      })[0]?.reason;
    const answered = exposure({ shows: 1, lastShown: '2026-11-01T09:00:00.000Z', lastAnswered: '2026-11-01T09:02:00.000Z' });
    expect(reason(pulse({ everyDays: 90 }), answered)).toBe(
      'answered at 2026-11-01 09:02 UTC; offered again from 2027-01-30 09:02 UTC (recurrence.everyDays 90)',
    );
    expect(reason(pulse(), answered)).toBe('answered at 2026-11-01 09:02 UTC');
    expect(reason(pulse({ everyDays: 90 }), answered90)).toBe('due now');
    expect(reason(pulse({ everyDays: 90 }), exposure({ ...answered90, shows: 4, showsSinceAnswer: 3, lastShown: ago(4 * day) }))).toBe(
      'shown 3 of 3 time(s) since the last answer (frequency.maxShows)',
    );
  });
});
