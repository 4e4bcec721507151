import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import type { Metrics } from '../../src/metrics/types.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/store.js';
import { storeKinds, type StoreTarget } from '../helpers/store-targets.js';
import { compareMetrics } from './compare-metrics.js';
import { goalWindowMs, organisations, type Organisation } from './organisation.js';
import { propertyRuns } from './property-runs.js';
import { referenceMetrics } from './reference-metrics.js';

// Generated organisations, written to each store, must get exactly the figures the reference
// implementation computes from the same events (docs/analysts.md "How the figures are verified").

const configFor = (minGroupSize: number) =>
  parseConfig({
    tools: [
      { id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] },
      { id: 'other', writeKey: 'wk_other', identity: 'unverified', origins: ['*'] },
    ],
    adminToken: 'reference-admin-token',
    usageEvents: ['report.generated'],
    engagedEvents: ['report.generated'],
    minGroupSize,
    prompts: [
      {
        id: 'tip',
        trigger: { event: 'ai.output_rejected' },
        content: { title: 'Tip' },
        goal: { event: 'ai.feature_used', props: { feature: 'critique' }, withinDays: goalWindowMs.tip / 86_400_000 },
      },
      {
        id: 'quick',
        tools: ['other'],
        trigger: { event: 'ai.request' },
        content: { title: 'Quick' },
        goal: { event: 'report.generated', withinDays: goalWindowMs.quick / 86_400_000 },
      },
      { id: 'no-goal', trigger: { event: 'ai.request' }, content: { title: 'No goal' } },
    ],
    // The behaviour check's answers as a survey's results: a choice ('Yes' is none of its options) and a text.
    surveys: [
      {
        id: 'behavior-check',
        trigger: { event: 'ai.request' },
        questions: [
          { id: 'applied', type: 'choice', text: 'Applied?', options: ['yes', 'no'] },
          { id: 'example', type: 'text', text: 'An example' },
        ],
      },
      {
        id: 'pulse',
        trigger: { event: 'ai.request' },
        questions: [{ id: 'minutes', type: 'number', text: 'Minutes saved last week?', measures: 'minutesSaved' }],
      },
    ],
  });
const configs = new Map([5, 6].map((n) => [n, configFor(n)]));

/** Events before this instant are everything a generated organisation writes. */
const endOfTime = new Date('9999-01-01T00:00:00Z');

describe.each(storeKinds)('generated organisations, $kind store: every figure equals the reference', ({ target: makeTarget }) => {
  let target: StoreTarget;
  let store: Store;

  beforeAll(async () => {
    target = await makeTarget();
    store = await openStore(target.location);
  });
  afterAll(async () => {
    await store?.close();
    await target?.dispose();
  });

  /** Empties the store (through its own purge), writes the organisation, and asks its questions. */
  async function answers(o: Organisation): Promise<{ actual: Metrics; expected: Metrics }[]> {
    const config = configs.get(o.minGroupSize) ?? configFor(o.minGroupSize);
    await store.purge(endOfTime, []);
    // Retention keeps the metric rollups; rebuilt from no events, they are empty too.
    await store.rebuildRollups();
    // The rollup counts the config's usage events only when told to; otherwise metrics scan the events.
    await store.syncUsageEvents(o.usage === 'rollup' ? config.usageEvents : []);
    for (const batch of o.batches) await store.insert(batch);
    const written = o.batches.flat();
    const out = [];
    for (const q of o.queries) {
      // What an analyst sees is the JSON body of GET /v1/metrics.
      const actual = JSON.parse(JSON.stringify(await computeMetrics(store, config, q))) as Metrics;
      const expected = referenceMetrics(written, config, q);
      // The pulse is there for time saved; its results per item (a number question's t interval with
      // few answers, where the reference's t quantile is an approximation) are survey-results.test.ts's.
      for (const m of [actual, expected]) m.surveys = m.surveys?.filter((s) => s.id !== 'pulse');
      out.push({ actual, expected });
    }
    return out;
  }

  it(
    `${propertyRuns.numRuns} organisations, seed ${propertyRuns.seed}`,
    async () => {
      await fc.assert(
        fc.asyncProperty(organisations, async (o) => {
          for (const [i, { actual, expected }] of (await answers(o)).entries()) {
            const differences = compareMetrics(actual, expected);
            if (differences.length > 0)
              throw new Error(
                `question ${i + 1} of ${o.queries.length}: the store and the reference differ:\n  ${differences.join('\n  ')}\n${o.print()}`,
              );
          }
        }),
        { seed: propertyRuns.seed, numRuns: propertyRuns.numRuns, endOnFailure: propertyRuns.endOnFailure },
      );
    },
    propertyRuns.long ? 3_600_000 : 120_000,
  );
});
