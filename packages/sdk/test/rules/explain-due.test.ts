import { describe, expect, it } from 'vitest';
import { type ExplainInput, explainDue, explainLines } from '../../src/rules/explain-due.js';
import { assign, type Exposure, emptyExposure, type ExposureHistory, type RuleItem } from '../../src/rules/index.js';

const day = 86_400_000;
const now = Date.parse('2026-11-22T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();
const exposure = (over: Partial<Exposure> = {}): Exposure => ({ ...emptyExposure(), ...over });
const item = (id: string, trigger: RuleItem['trigger'] = { url: '/**' }, over: Partial<RuleItem> = {}): RuleItem => ({
  id,
  audience: { sample: 1, holdout: 0 },
  trigger,
  frequency: { maxShows: 3, cooldownDays: 3 },
  ...over,
});
const history = (over: Partial<ExposureHistory> = {}): ExposureHistory => ({
  prompts: {},
  surveys: {},
  recentShows: [],
  trainedAt: '2026-08-24', // day 90 on 2026-11-22
  lastUsageDay: null,
  program: null,
  cohort: null,
  ...over,
});
const input = (over: Partial<ExplainInput> = {}): ExplainInput => ({
  prompts: [],
  surveys: [],
  history: history(),
  fatigue: { perDay: 1, perWeek: 3 },
  ctx: { now, person: { userId: 'u-1', role: 'professional', trainedAt: '2026-08-24' }, events: [], path: '/reports' },
  unusable: [],
  ...over,
});
const reasons = (over: Partial<ExplainInput>) =>
  explainDue(input(over)).map((e) => `${e.kind} ${e.id}: ${e.due ? 'due' : 'not due'} — ${e.reason}`);

describe('explainDue: why each item is or is not due, in words', () => {
  it('names the first due item, and says the others wait their turn', () => {
    expect(reasons({ prompts: [item('a'), item('b')], surveys: [item('s', { daysSinceTraining: [88, 100] })] })).toEqual([
      'prompt a: due — due now',
      'prompt b: not due — due, but prompt a comes first (one at a time)',
      'survey s: not due — due, but prompt a comes first (one at a time)',
    ]);
  });

  it('the audience: a list the person is not in, or a sample that did not draw them', () => {
    const lists = item('leaders', undefined, { audience: { roles: ['leader', 'executive'], sample: 1, holdout: 0 } });
    const teams = item('finance', undefined, { audience: { teams: ['finance'], sample: 1, holdout: 0 } });
    const sampled = item('rare', undefined, { audience: { sample: 0, holdout: 0 } });
    expect(reasons({ prompts: [lists, teams, sampled] })).toEqual([
      'prompt leaders: not due — not in the audience: role "professional" is not one of leader, executive',
      'prompt finance: not due — not in the audience: team unknown is not one of finance',
      'prompt rare: not due — not drawn: the audience takes a 0% sample of people',
    ]);
  });

  it('the audience of an item randomized by team: no team trait, or a team not drawn', () => {
    const byTeam = item('by-team', undefined, { audience: { sample: 1, holdout: 0, randomizeBy: 'team' } });
    const rareTeams = item('rare-teams', undefined, { audience: { sample: 0, holdout: 0, randomizeBy: 'team' } });
    expect(reasons({ prompts: [byTeam, rareTeams] })).toEqual([
      'prompt by-team: not due — not in the audience: it is randomized by team and the team trait is unknown',
      'prompt rare-teams: not due — not in the audience: it is randomized by team and the team trait is unknown',
    ]);
    const inFinance = input({ prompts: [rareTeams, byTeam] });
    inFinance.ctx.person.team = 'finance';
    expect(explainDue(inFinance).map((e) => e.reason)).toEqual(['not drawn: the audience takes a 0% sample of teams', 'due now']);
  });

  it('the trigger, condition by condition, with what was seen', () => {
    const events = [{ name: 'ai.output_rejected', at: now - 1000 }];
    expect(
      reasons({
        ctx: { ...input().ctx, events, person: { userId: 'u-1', trainedAt: '2026-08-24', lastUsageAt: '2026-11-20T23:59:59.999Z' } },
        prompts: [
          item('twice', { event: 'ai.output_rejected', count: 2, withinDays: 1 }),
          item('page', { url: '/settings/*' }),
          item('click', { selector: '#ask', on: 'click' }),
          item('idle', { inactiveDays: 7 }),
        ],
        surveys: [item('early', { daysSinceTraining: [14, 28] }), item('spaced', { spaced: [2, 7, 21, 60] })],
        history: history({ surveys: { spaced: exposure({ shows: 1, lastShown: ago(10 * day) }) } }),
      }),
    ).toEqual([
      'prompt twice: not due — needs ai.output_rejected 2 time(s) within 1 day(s) in this browser; seen 1',
      'prompt page: not due — this page (/reports) does not match url "/settings/*"',
      'prompt click: not due — waits for a click on "#ask"',
      'prompt idle: not due — needs 7 day(s) without AI use; last use 2026-11-20 23:59 UTC',
      'survey early: not due — due on days 14–28 after training; today is day 90',
      'survey spaced: not due — shown already for the step of day 60; no later step, today is day 90',
    ]);
    expect(
      reasons({
        prompts: [item('soon', { adaptive: {} }), item('again', { adaptive: {} }), item('unknown', { adaptive: {} })],
        history: history({
          prompts: {
            soon: exposure({ dueDay: '2026-11-25' }),
            again: exposure({ dueDay: '2026-11-20', shows: 1, lastShown: ago(day) }),
          },
        }),
      }),
    ).toEqual([
      "prompt soon: not due — due from this person's day, 2026-11-25 (from their AI use)",
      "prompt again: not due — shown since this person's day, 2026-11-20 (from their AI use)",
      'prompt unknown: not due — no use or training is known for this person',
    ]);
    const untrained = { ...input().ctx, person: { userId: 'u-1' } };
    expect(reasons({ ctx: untrained, prompts: [item('idle', { inactiveDays: 7 }), item('recap', { spaced: [2] })] })).toEqual([
      'prompt idle: not due — no use or training is known for this person',
      'prompt recap: not due — no training is known for this person (it comes from the imported training)',
    ]);
  });

  it('the holdout, and the frequency: "Don\'t show again", answered, shows used up, cooling down until when', () => {
    const heldOutUser = Array.from({ length: 100 }, (_, i) => `u-${i}`).find(
      (u) => assign({ sample: 1, holdout: 0.5 }, { userId: u }, 'split') === 'held-out',
    ) as string;
    expect(
      reasons({
        ctx: { ...input().ctx, person: { userId: heldOutUser } },
        prompts: [
          item('split', undefined, { audience: { sample: 1, holdout: 0.5 } }),
          item('gone'),
          item('used'),
          item('cool'),
          item('snoozed'),
        ],
        surveys: [item('done')],
        history: history({
          prompts: {
            gone: exposure({ dismissed: true }),
            used: exposure({ shows: 3, lastShown: ago(30 * day) }),
            cool: exposure({ shows: 1, lastShown: '2026-11-21T09:00:00.000Z' }),
            snoozed: exposure({ shows: 1, lastShown: ago(10 * day), lastSnoozed: '2026-11-22T08:00:00.000Z' }),
          },
          surveys: { done: exposure({ shows: 1, lastAnswered: '2026-11-01T10:00:00.000Z' }) },
        }),
      }),
    ).toEqual([
      'prompt split: not due — held out: this person is in its 50% control group, who never see it',
      'prompt gone: not due — "Don\'t show again" was chosen',
      'prompt used: not due — shown 3 of 3 time(s) (frequency.maxShows)',
      'prompt cool: not due — cooling down until 2026-11-24 09:00 UTC (shown at 2026-11-21 09:00 UTC, frequency.cooldownDays 3)',
      'prompt snoozed: not due — cooling down until 2026-11-25 08:00 UTC ("Not now" at 2026-11-22 08:00 UTC, frequency.cooldownDays 3)',
      'survey done: not due — answered at 2026-11-01 10:00 UTC',
    ]);
  });

  it('fatigue: the cap and which item used it, a show in another tool, or what is on screen', () => {
    const tipShown = '2026-11-22T10:02:00.000Z';
    const survey = item('behavior-check', { daysSinceTraining: [88, 100] });
    expect(
      reasons({
        surveys: [survey],
        history: history({ prompts: { tip: exposure({ shows: 1, lastShown: tipShown }) }, recentShows: [tipShown] }),
      }),
    ).toEqual(['survey behavior-check: not due — due, but the daily cap (fatigue.perDay 1) is used by prompt tip at 2026-11-22 10:02 UTC']);
    const week = [ago(2 * day), ago(3 * day), ago(4 * day)];
    expect(reasons({ surveys: [survey], history: history({ recentShows: week }) })).toEqual([
      `survey behavior-check: not due — due, but the weekly cap (fatigue.perWeek 3) is used by ${week
        .map((s) => `a show in another tool (or an earlier show) at ${s.slice(0, 16).replace('T', ' ')} UTC`)
        .join(', ')}`,
    ]);
    expect(reasons({ surveys: [survey], onScreen: 'critique-tip' })).toEqual([
      'survey behavior-check: not due — due, but critique-tip is on screen',
    ]);
    expect(reasons({ surveys: [survey], fatigue: { perDay: 0, perWeek: 3 } })).toEqual([
      'survey behavior-check: not due — due, but the daily cap (fatigue.perDay 0) is used',
    ]);
  });

  it('items whose selector is not valid CSS, and the console lines', () => {
    const list = explainDue(input({ unusable: [{ kind: 'prompt', id: 'broken' }] }));
    expect(list).toEqual([{ kind: 'prompt', id: 'broken', due: false, reason: 'trigger.selector is not a valid CSS selector' }]);
    expect(explainLines([...list, { kind: 'survey', id: 's', due: true, reason: 'due now' }])).toBe(
      'prompt broken: trigger.selector is not a valid CSS selector\nsurvey s: due now',
    );
  });
});
