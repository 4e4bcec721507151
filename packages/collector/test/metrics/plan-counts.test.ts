import { type PromptConfig, promptSchema } from '@uptake/sdk/protocol';
import { describe, expect, it } from 'vitest';
import { planCounts } from '../../src/metrics/plan-counts.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useFreshStore } from '../helpers/use-fresh-store.js';
import { addDays, ev } from './metric-data.js';

const now = new Date('2026-11-30T00:00:00Z');
const day = (offset: number) => addDays('2026-11-30', offset);

const prompt = (audience: Record<string, unknown> = { holdout: 0.2 }): PromptConfig =>
  promptSchema.parse({
    id: 'critique-tip',
    audience,
    trigger: { event: 'ai.output_rejected' },
    content: { title: 'Ask it to critique first' },
    goal: { event: 'ai.feature_used', props: { feature: 'critique' }, withinDays: 7 },
  });

// The baseline window is [now − 7 − 28 days, now − 7 days): the goal window of 7 days lies behind each.
function history(): StoredEvent[] {
  const events: StoredEvent[] = [];
  const critique = { feature: 'critique' };
  for (let i = 1; i <= 40; i++) {
    const id = `p-${i}`;
    events.push(ev(id, 'identify', day(-30), { team: i <= 20 ? 'alpha' : 'beta' }), ev(id, 'ai.output_rejected', day(-20)));
    // 10 convert 3 days later; 2 only 10 days later (too late); 1 with other props (another goal).
    if (i <= 10) events.push(ev(id, 'ai.feature_used', day(-17), critique));
    if (i === 11 || i === 12) events.push(ev(id, 'ai.feature_used', day(-10), critique));
    if (i === 13) events.push(ev(id, 'ai.feature_used', day(-17), { feature: 'summarize' }));
  }
  // Met the trigger 3 days ago: reached, not in the baseline (no whole goal window yet).
  for (let i = 1; i <= 5; i++) events.push(ev(`q-${i}`, 'ai.output_rejected', day(-3)));
  // Shown the prompt: reached and exposed, never in the baseline; one of them in the last 14 days.
  for (let i = 1; i <= 3; i++)
    events.push(
      ev(`r-${i}`, 'ai.output_rejected', day(-20)),
      ev(`r-${i}`, 'ai.feature_used', day(-18), critique),
      ev(`r-${i}`, 'prompt.shown', i === 3 ? day(-2) : day(-19), { promptId: 'critique-tip' }),
    );
  // Held out: exposed, and in the baseline (no team: left out of a by-team baseline).
  events.push(
    ev('h-1', 'ai.output_rejected', day(-20)),
    ev('h-1', 'prompt.held_out', day(-19), { promptId: 'critique-tip' }),
    ev('h-1', 'ai.feature_used', day(-16), critique),
  );
  // Too long ago, another tool: neither.
  events.push(ev('o-1', 'ai.output_rejected', day(-40)), ev('o-1', 'ai.feature_used', day(-39), critique));
  events.push(ev('t-1', 'ai.output_rejected', day(-20), {}, { tool: 'pilot' }));
  return events;
}

describe.each(storeKinds)('the power plan’s counts, $kind store', ({ target }) => {
  const store = useFreshStore(target);

  it('reads the baseline among comparable people, the trigger’s reach and the exposures so far', async () => {
    await store.insert(history());
    const counts = await planCounts(store.query, store.dialect, { prompt: prompt(), tools: ['assistant'], now, usageEvents: [] });
    expect(counts).toEqual({
      baseline: { people: 41, converted: 11 },
      teams: null,
      reached: 49,
      reachDays: 28,
      exposed: 4,
      exposedRecently: 1,
      recentDays: 14,
    });
  });

  it('by team: the baseline team by team, people without a team left out', async () => {
    await store.insert(history());
    const counts = await planCounts(store.query, store.dialect, {
      prompt: prompt({ holdout: 0.5, randomizeBy: 'team' }),
      tools: ['assistant'],
      now,
      usageEvents: [],
    });
    expect(counts.baseline).toEqual({ people: 40, converted: 10 });
    expect([...(counts.teams ?? [])].sort((a, b) => b.converted - a.converted)).toEqual([
      { people: 20, converted: 10 },
      { people: 20, converted: 0 },
    ]);
  });

  it('without an event trigger, any usage event in the tools makes a person comparable', async () => {
    await store.insert([...history(), ev('u-1', 'ai.request', day(-20)), ev('u-2', 'custom.used', day(-20))]);
    const usage = { ...prompt(), trigger: { daysSinceTraining: [0, 90] as [number, number] } };
    const counts = await planCounts(store.query, store.dialect, { prompt: usage, tools: ['assistant'], now, usageEvents: ['custom.used'] });
    // ai.feature_used is a usage event too: o-1's at day −39 is outside; r-*'s are shown the prompt.
    expect(counts.baseline).toEqual({ people: 43, converted: 11 });
  });
});
