import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load-config.js';
import { demoEvents } from '../src/demo/demo-organisation.js';
import { generateDemo } from '../src/demo/generate-demo.js';
import { computeMetrics } from '../src/metrics/compute-metrics.js';
import type { Metrics } from '../src/metrics/types.js';
import { openStore } from '../src/storage/open-store.js';
import type { Store } from '../src/storage/store.js';
import { duckdbTarget, type StoreTarget } from './helpers/store-targets.js';
import { demoPrompt, demoReinforcementPrompts } from './helpers/demo-prompt.js';

const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk', identity: 'unverified', origins: ['*'] }],
  adminToken: 'demo-admin-token-0123',
  prompts: [demoPrompt, ...demoReinforcementPrompts],
  surveys: [
    {
      id: 'confidence-pulse',
      trigger: { daysSinceTraining: [14, 28] },
      questions: [{ id: 'minutes-saved', type: 'number', text: 'Minutes saved this week?', min: 0, max: 600, measures: 'minutesSaved' }],
    },
  ],
});
const options = { seed: 7, employees: 1500, until: '2026-11-22', tool: 'assistant' };

describe('uptake demo', () => {
  let target: StoreTarget;
  let store: Store;
  let metrics: Metrics;

  beforeAll(async () => {
    target = await duckdbTarget();
    store = await openStore(target.location);
    await store.syncUsageEvents(config.usageEvents);
    const result = await generateDemo(store, config, options);
    expect(result.written).toBe(true);
    metrics = await computeMetrics(store, config, { asOf: options.until });
  }, 60_000);

  afterAll(async () => {
    await store.close();
    await target.dispose();
  });

  it('is deterministic for a seed', () => {
    const ids = (seed: number) =>
      [...demoEvents({ ...options, seed, employees: 50 })].map((e) => `${e.id} ${e.name} ${e.ts.toISOString()}`);
    expect(ids(7)).toEqual(ids(7));
    expect(ids(8)).not.toEqual(ids(7));
  });

  it('writes once per store', async () => {
    const again = await generateDemo(store, config, options);
    expect(again.written).toBe(false);
  });

  it('tells the story: the twelve-week program sustains usage, the workshop decays', async () => {
    const workshop = await computeMetrics(store, config, { asOf: options.until, program: 'workshop' });
    const twelve = await computeMetrics(store, config, { asOf: options.until, program: 'twelve-week' });
    expect(workshop.sustained.d90.rate).not.toBeNull();
    expect(twelve.sustained.d90.rate).not.toBeNull();
    expect(workshop.sustained.d90.rate as number).toBeLessThan(0.25);
    expect(twelve.sustained.d90.rate as number).toBeGreaterThan(0.45);
    expect(metrics.adoption.trained).toBeGreaterThan(1000);
    expect(metrics.behaviorCheck.respondents).toBeGreaterThan(100);
  });

  it('shows a plausible engaged share, intensity and time saved by both methods', () => {
    const { engaged, intensity, timeSaved } = metrics;
    console.log(
      JSON.stringify({
        engaged: engaged?.activity,
        adoption: engaged?.adoption,
        intensity,
        perTask: timeSaved?.perTask,
        selfReported: timeSaved?.selfReported,
      }),
    );
    // Most active people act on an output; the lookers (a third, mostly passive) keep it well under all.
    expect(engaged?.activity.share as number).toBeGreaterThan(0.6);
    expect(engaged?.activity.share as number).toBeLessThan(0.97);
    expect(engaged?.adoption.engaged as number).toBeLessThanOrEqual(metrics.adoption.active as number);
    expect([intensity?.light, intensity?.moderate, intensity?.heavy].every((n) => (n as number) > 0)).toBe(true);
    expect((intensity?.light as number) + (intensity?.moderate as number) + (intensity?.heavy as number)).toBe(intensity?.active);
    // About 20 minutes a logged task; the pulse's minutes a week × 4 over the recently trained who answered.
    expect(timeSaved?.perTask.hoursPerPerson as number).toBeGreaterThan(0.5);
    expect(timeSaved?.perTask.hoursPerPerson as number).toBeLessThan(10);
    expect(timeSaved?.selfReported.people as number).toBeGreaterThan(20);
    expect(timeSaved?.selfReported.hoursPerPerson as number).toBeGreaterThan(2);
    expect(timeSaved?.selfReported.hoursPerPerson as number).toBeLessThan(8);
    expect(timeSaved?.programs.map((p) => p.key)).toEqual(metrics.programs.map((p) => p.program));
    expect(timeSaved?.role.filter((r) => !r.perTask.suppressed).length).toBeGreaterThanOrEqual(3);
  });

  it('gives every chart data: cohorts with fitted decay, segments, outputs, prompt uplift', () => {
    expect(metrics.cohorts.filter((c) => c.fit?.status === 'ok').length).toBeGreaterThan(3);
    expect(metrics.segments.role.filter((s) => !s.suppressed).length).toBeGreaterThanOrEqual(3);
    expect(metrics.outputs.acceptanceRate).toBeGreaterThan(0.5);
    const tip = metrics.prompts.find((p) => p.id === 'critique-tip');
    expect(tip?.suppressed).toBe(false);
    expect(tip?.uplift as number).toBeGreaterThan(0);
    // docs/analysts.md "Uplift you can watch": the demo's tip is detected by its always-valid interval,
    // and CUPED removes nothing (nobody used the critique feature before the tip).
    expect(tip?.detected).toBe(true);
    expect(tip?.cuped).toMatchObject({ theta: 0, varianceReduction: 0, covariateDays: 14 });
    // Both programs with a fitted curve: the workshop fades faster, to a lower plateau.
    const [workshop, twelve] = ['workshop', 'twelve-week'].map((name) => metrics.programs.find((p) => p.program === name));
    expect(workshop?.fit?.status).toBe('ok');
    expect(twelve?.fit?.status).toBe('ok');
    expect(workshop?.fit?.plateau as number).toBeLessThan(twelve?.fit?.plateau as number);
    // Web-vitals of the tool, every metric with enough people to show.
    expect(metrics.vitals.map((v) => [v.tool, v.metric, v.suppressed])).toEqual(
      ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'].map((m) => ['assistant', m, false]),
    );
    const lcp = metrics.vitals.find((v) => v.metric === 'LCP');
    expect(lcp?.p75 as number).toBeGreaterThan(1900);
    expect(lcp?.p75 as number).toBeLessThan(4000);
  });
});

// docs/analysts.md "Adaptive against a fixed day": `uptake demo` as the page runs it (seed 42, 4,200
// employees), on the day the figures were read.
describe('uptake demo: the adaptive reinforcement against a fixed day', () => {
  it('measures both prompts with both arms shown, and the uplifts the page quotes', async () => {
    const target = await duckdbTarget();
    const store = await openStore(target.location);
    try {
      await store.syncUsageEvents(config.usageEvents);
      await generateDemo(store, config, { seed: 42, employees: 4200, until: '2026-12-02', tool: 'assistant' });
      const { prompts } = await computeMetrics(store, config, { asOf: '2026-12-02' });
      const [fixed, adaptive] = ['recap-day-7', 'recap-adaptive'].map((id) => prompts.find((p) => p.id === id));
      const points = (x: number | null | undefined) => Math.round((x as number) * 1000) / 10;
      for (const p of [fixed, adaptive]) {
        expect(p?.suppressed).toBe(false);
        expect(p?.treated as number).toBeGreaterThanOrEqual(config.minGroupSize);
        expect(p?.control as number).toBeGreaterThanOrEqual(config.minGroupSize);
        expect(p?.detected).toBe(true);
      }
      // As the page says: arms, conversions, uplifts and always-valid intervals, in points.
      expect([fixed?.treated, fixed?.control, points(fixed?.convTreated), points(fixed?.convControl)]).toEqual([1379, 384, 26.2, 13.3]);
      expect([adaptive?.treated, adaptive?.control, points(adaptive?.convTreated), points(adaptive?.convControl)]).toEqual([
        1433, 358, 32.7, 18.7,
      ]);
      expect([points(fixed?.uplift), points(fixed?.alwaysValid?.low), points(fixed?.alwaysValid?.high)]).toEqual([12.9, 6.3, 19.2]);
      expect([points(adaptive?.uplift), points(adaptive?.alwaysValid?.low), points(adaptive?.alwaysValid?.high)]).toEqual([14, 6.5, 21.2]);
      // The simulated effects (demo-reinforcement.ts): +20 points on the due day, +11.1 on average at day 7.
      expect(adaptive?.alwaysValid?.low as number).toBeLessThan(0.2);
      expect(adaptive?.alwaysValid?.high as number).toBeGreaterThan(0.2);
      expect(fixed?.alwaysValid?.low as number).toBeLessThan(0.111);
      expect(fixed?.alwaysValid?.high as number).toBeGreaterThan(0.111);
    } finally {
      await store.close();
      await target.dispose();
    }
  }, 180_000);
});
