import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { countMetrics } from '../../src/metrics/count-metrics.js';
import { countEngagementFigures, type EngagementCounts } from '../../src/metrics/engagement.js';
import type { MetricsQuery } from '../../src/metrics/types.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store, StoredEvent } from '../../src/storage/store.js';
import { storeKinds, type StoreTarget } from '../helpers/store-targets.js';
import { addDays, ev, trainedOn, usedOn } from './metric-data.js';

// Every expected number below is worked out by hand from the events, not by the code.
export const engagementConfig = parseConfig({
  tools: [
    { id: 'assistant', writeKey: 'wk_a', identity: 'unverified', origins: ['*'] },
    { id: 'other', writeKey: 'wk_o', identity: 'unverified', origins: ['*'] },
  ],
  adminToken: 'metrics-admin-token-0123',
  usageEvents: ['report.generated', 'report.shared'],
  engagedEvents: ['report.shared'],
  minGroupSize: 5,
});

const A = '2026-06-30';
const day = (n: number) => addDays(A, n);

/**
 * The hand-worked organisation of the engaged and intensity tests, at A = 2026-06-30 (usage days
 * in asOf−27…asOf, intensity: light 1–3, moderate 4–11, heavy 12+):
 * - u1: ai.request A−11…A (12 days) + accepted A−3 and A−15 (13th day): heavy, engaged; trained
 *   A−40, so its 30-day window A−23…A−10 holds the accepted output of A−15: engaged at 30 days.
 * - u2: ai.request A−3…A−1 + edited A−27 (the window's first day): 4 days, moderate, engaged;
 *   trained A−40, nothing in A−23…A−10.
 * - u3: ai.request A−2…A + accepted A−28 (outside): 3 days, light, not engaged.
 * - u4: report.shared on A (a configured engaged event, and a usage event): light, engaged.
 * - u5: an output shown and rejected on A−1: light, not engaged; trained A−35 (window A−18…A−5: no use).
 * - u6: report.viewed only (not a usage event): not active.
 * - u7: accepted on A with the tool "other": light, engaged (not with the tool filter "assistant").
 * - u8: report.shared on A−23; trained A−100: eligible at 30, 60, 90 days; its 90-day window
 *   A−23…A−10 holds it; light, engaged.
 * - an anonymous browser's accepted output: not a person of these figures.
 */
export function engagementEvents(): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (let i = 0; i <= 11; i++) events.push(usedOn('u1', day(-i)));
  events.push(ev('u1', 'ai.output_accepted', day(-3)), ev('u1', 'ai.output_accepted', day(-15)), trainedOn('u1', day(-40)));
  for (let i = 1; i <= 3; i++) events.push(usedOn('u2', day(-i)));
  events.push(ev('u2', 'ai.output_edited', day(-27)), trainedOn('u2', day(-40)));
  for (let i = 0; i <= 2; i++) events.push(usedOn('u3', day(-i)));
  events.push(ev('u3', 'ai.output_accepted', day(-28)));
  events.push(ev('u4', 'report.shared', A));
  events.push(ev('u5', 'ai.output_shown', day(-1)), ev('u5', 'ai.output_rejected', day(-1)), trainedOn('u5', day(-35)));
  events.push(ev('u6', 'report.viewed', A));
  events.push(ev('u7', 'ai.output_accepted', A, {}, { tool: 'other' }));
  events.push(ev('u8', 'report.shared', day(-23)), trainedOn('u8', day(-100)));
  events.push(ev(null, 'ai.output_accepted', A, {}, { anonymousId: 'anon-1' }));
  return events;
}

describe.each(storeKinds)('engaged use and intensity on hand-built data, $kind store', ({ target: makeTarget }) => {
  let target: StoreTarget | undefined;
  let store: Store | undefined;

  afterEach(async () => {
    await store?.close();
    await target?.dispose();
    store = undefined;
    target = undefined;
  });

  async function engagement(q: MetricsQuery, config = engagementConfig): Promise<EngagementCounts> {
    if (!store) {
      target = await makeTarget();
      store = await openStore(target.location);
      await store.syncUsageEvents(config.usageEvents);
      await store.insert(engagementEvents());
    }
    return countMetrics(store, config, q, (_counts, session) => countEngagementFigures(session, config, q));
  }

  it('counts the engaged among the active, the trained and the sustained windows, and the intensity of use', async () => {
    expect(await engagement({ asOf: A })).toEqual({
      activity: { active: 7, engaged: 5 },
      adoption: { trained: 4, engaged: 3 },
      sustained: { d30: { eligible: 4, engaged: 1 }, d60: { eligible: 1, engaged: 0 }, d90: { eligible: 1, engaged: 1 } },
      intensity: { light: 5, moderate: 1, heavy: 1 },
    });
  });

  it('with a tool filter, counts that tool only; without engagedEvents, outputs accepted or edited only', async () => {
    expect((await engagement({ asOf: A, tool: 'assistant' })).activity).toEqual({ active: 6, engaged: 4 });
    const plain = { ...engagementConfig, engagedEvents: [] };
    const counts = await engagement({ asOf: A }, plain);
    // u4 and u8 stay active (report.shared is a usage event) but are no longer engaged.
    expect(counts.activity).toEqual({ active: 7, engaged: 3 });
    expect(counts.sustained.d90).toEqual({ eligible: 1, engaged: 0 });
  });

  it('moves people between light, moderate and heavy with the configured thresholds', async () => {
    const counts = await engagement({ asOf: A }, { ...engagementConfig, intensity: { moderateFrom: 3, heavyFrom: 14 } });
    // u3 (3 days) becomes moderate; u1 (13 days: A−11…A and A−15) is moderate under 14.
    expect(counts.intensity).toEqual({ light: 4, moderate: 3, heavy: 0 });
  });
});
