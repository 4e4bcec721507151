import { describe, expect, it } from 'vitest';
import { type Exposure, emptyExposure, type RuleContext, type RuleItem } from '../../src/rules/index.js';
import { staysQuiet } from '../../src/rules/stays-quiet.js';

const day = 86_400_000;
const now = Date.parse('2026-11-22T12:00:00Z');
const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  now,
  person: { userId: 'u-1', trainedAt: '2026-11-01', lastUsageAt: '2026-11-21T23:59:59.999Z' },
  events: [],
  path: '/home',
  ...over,
});
const item = (trigger: RuleItem['trigger'], maxShows = 3): RuleItem => ({
  id: 'tip',
  audience: { sample: 1, holdout: 0 },
  trigger,
  frequency: { maxShows, cooldownDays: 3 },
});
const exposure = (over: Partial<Exposure> = {}): Exposure => ({ ...emptyExposure(), ...over });

describe('staysQuiet', () => {
  it('outside the audience, or logged as held out already: quiet whatever happens', () => {
    expect(staysQuiet(item({ inactiveDays: 1 }), 'excluded', undefined, ctx())).toBe('whatever-events');
    expect(staysQuiet(item({ inactiveDays: 1 }), 'held-out', exposure({ heldOutAt: '2026-11-20T00:00:00Z' }), ctx())).toBe(
      'whatever-events',
    );
    expect(staysQuiet(item({ inactiveDays: 1 }), 'held-out', undefined, ctx())).toBe(false);
  });

  it('a selector trigger waits for a DOM event; a url trigger for another path', () => {
    expect(staysQuiet(item({ selector: '#send', on: 'click' }), 'treated', undefined, ctx())).toBe('whatever-events');
    expect(staysQuiet(item({ url: '/reports/*' }), 'treated', undefined, ctx())).toBe('whatever-events');
    expect(staysQuiet(item({ url: '/home' }), 'treated', undefined, ctx())).toBe(false);
  });

  it('spent for good (dismissed, answered, maxShows reached) is quiet; a cooldown is not, it ends at any moment', () => {
    expect(staysQuiet(item({ url: '/home' }), 'treated', exposure({ dismissed: true }), ctx())).toBe('whatever-events');
    const answered = exposure({ lastAnswered: '2026-11-01T00:00:00Z' });
    expect(staysQuiet(item({ event: 'ai.request' }), 'treated', answered, ctx())).toBe('whatever-events');
    expect(staysQuiet(item({ url: '/home' }, 1), 'treated', exposure({ shows: 1 }), ctx())).toBe('whatever-events');
    expect(staysQuiet(item({ url: '/home' }), 'treated', exposure({ shows: 1, lastShown: new Date(now - day).toISOString() }), ctx())).toBe(
      false,
    );
  });

  it('not due by the day or by its event: quiet until the next UTC day or that event; inactiveDays never', () => {
    expect(staysQuiet(item({ daysSinceTraining: [88, 100] }), 'treated', undefined, ctx())).toBe('until-its-event');
    expect(staysQuiet(item({ daysSinceTraining: [14, 28] }), 'treated', undefined, ctx())).toBe(false);
    expect(staysQuiet(item({ event: 'ai.request', count: 2 }), 'treated', undefined, ctx())).toBe('until-its-event');
    const events = [
      { name: 'ai.request', at: now - 2000 },
      { name: 'ai.request', at: now - 1000 },
    ];
    expect(staysQuiet(item({ event: 'ai.request', count: 2 }), 'treated', undefined, ctx({ events }))).toBe(false);
    expect(staysQuiet(item({ inactiveDays: 14 }), 'treated', undefined, ctx())).toBe(false);
  });
});
