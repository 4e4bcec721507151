import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../packages/collector/src/config/load-config.js';
import { computeMetrics } from '../../packages/collector/src/metrics/compute-metrics.js';
import { addDays } from '../../packages/collector/src/metrics/figures-as-of.js';
import type { Metrics } from '../../packages/collector/src/metrics/types.js';
import { openStore } from '../../packages/collector/src/storage/open-store.js';
import { storeKinds } from '../../packages/collector/test/helpers/store-targets.js';
import { batchGuesses, curiousViewerOrganisation, naiveGuesses, type Reading, reading, rightGuesses } from '../helpers/curious-viewer.js';
import { figure, longRun, scale } from '../helpers/reliability-scale.js';

// A curious viewer knows who was trained when (the org chart, HR) and wants to learn, for each of
// 20 people trained on 20 consecutive days, whether they still used AI at day 30, by reading
// sustained use at 30 days on consecutive days (issue 14's attack). Exactly half of them did, so a
// coin flip is right 10 times in 20 on average, and 15 times or more with probability
// P(Bin(20, ½) ≥ 15) ≈ 2.1%: a viewer right at most 14 times learns nothing a coin would not have
// told. The same guessers on an analyst's exact figures are right 20 times in 20: the attack is real.
// npm test: one organisation of 600 people per store (fixed seed and secret: noise of ±5 on the
// organisation's window, a quarter of the time the 1,900 take); npm run reliability: ten of 1,900
// people per store, as in the issue, each with a fresh seed and pseudonym secret, and the mean
// accuracy printed.
const coinFlipBound = 14;
const organisations = scale(1, 10);
const size = scale(600, 1_900);

function configWith(pseudonymSecret: string) {
  return parseConfig({
    tools: [{ id: 'assistant', writeKey: 'wk_a', identity: 'unverified', origins: ['*'] }],
    adminToken: 'curious-viewer-admin-token',
    pseudonymSecret,
    minGroupSize: 10,
  });
}

describe.each(storeKinds)('a curious viewer against 20 people trained on consecutive days, $kind store', ({ kind, target: makeTarget }) => {
  it(
    `is right no more often than a coin flip (≤ ${coinFlipBound} of 20); the exact figures give all 20`,
    async () => {
      const right = { naive: [] as number[], batch: [] as number[] };
      for (let n = 0; n < organisations; n++) {
        const seed = longRun ? Math.floor(Math.random() * 2 ** 31) : 20_261_122;
        const secret = longRun ? randomBytes(16).toString('hex') : 'curious-viewer-pseudonym-secret';
        const org = curiousViewerOrganisation(seed, size);
        const config = configWith(secret);
        const target = await makeTarget();
        const store = await openStore(target.location);
        try {
          await store.syncUsageEvents(config.usageEvents);
          await store.insert(org.events);
          const read = async (exact: boolean) => {
            const readings = new Map<string, Reading>();
            const answers = new Map<string, Metrics>();
            for (const day of exact ? org.days : [...org.days, org.lastWeekEnd]) {
              const m = await computeMetrics(store, config, { asOf: day }, { exact, today: org.today });
              readings.set(day, reading(day, m));
              answers.set(day, m);
            }
            return { readings, answers };
          };
          const exact = await read(true);
          expect(rightGuesses(naiveGuesses(exact.readings, org.targets), org.targets), `seed ${seed}`).toBe(20);
          expect(rightGuesses(batchGuesses(exact.readings, org.targets), org.targets), `seed ${seed}`).toBe(20);
          const viewer = await read(false);
          right.naive.push(rightGuesses(naiveGuesses(viewer.readings, org.targets), org.targets));
          right.batch.push(rightGuesses(batchGuesses(viewer.readings, org.targets), org.targets));
          if (!longRun) {
            expect(right.naive[0], `seed ${seed}`).toBeLessThanOrEqual(coinFlipBound);
            expect(right.batch[0], `seed ${seed}`).toBeLessThanOrEqual(coinFlipBound);
          }
          // Accuracy where it is promised: groups of 100 or more eligible people (the organisation's
          // windows, each program's, each team's) show a rate within 2 points of the exact one.
          const weekEnd = org.lastWeekEnd;
          expect(viewer.answers.get(weekEnd)?.figuresAsOf).toBe(weekEnd);
          const exactThen = await computeMetrics(store, config, { asOf: weekEnd });
          expectAccurate(exactThen, viewer.answers.get(weekEnd) as Metrics, org.people, weekEnd);
        } finally {
          await store.close();
          await target.dispose();
        }
      }
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length / 20;
      figure(
        `curious viewer, ${kind}, ${organisations} organisation(s) of ${size}, naive day-difference guesser, mean accuracy`,
        mean(right.naive).toFixed(3),
      );
      figure(
        `curious viewer, ${kind}, ${organisations} organisation(s) of ${size}, batch-aware guesser, mean accuracy`,
        mean(right.batch).toFixed(3),
      );
      if (longRun) {
        // Over 200 guesses a coin is right more than 60.9% of the time with probability under 0.1%
        // (½ + 3.09·√(¼ ÷ 200)).
        expect(mean(right.naive)).toBeLessThanOrEqual(0.609);
        expect(mean(right.batch)).toBeLessThanOrEqual(0.609);
      }
    },
    scale(120_000, 1_200_000),
  );
});

/** Every rate about 100 eligible people or more: the viewer's, not null, within 2 points of the exact one. */
function expectAccurate(exact: Metrics, viewer: Metrics, people: { team: string; trainedOn: string }[], asOf: string): void {
  let checked = 0;
  const close = (seen: number | null | undefined, truth: number | null, what: string) => {
    expect(seen, what).not.toBeNull();
    expect(Math.abs((seen as number) - (truth as number)), what).toBeLessThanOrEqual(0.02 + 1e-12);
    checked++;
  };
  const segmentRate = (s: Metrics['segments']['team'][number] | undefined, h: 'd30' | 'd60' | 'd90') =>
    s && { d30: s.sustainedD30, d60: s.sustainedD60, d90: s.sustainedD90 }[h];
  for (const h of ['d30', 'd60', 'd90'] as const) {
    if ((exact.sustained[h].eligible ?? 0) >= 100) close(viewer.sustained[h].rate, exact.sustained[h].rate, `sustained.${h}`);
    for (const p of exact.programs)
      if ((p.sustained[h].eligible ?? 0) >= 100)
        close(viewer.programs.find((v) => v.program === p.program)?.sustained[h].rate, p.sustained[h].rate, `${p.program} ${h}`);
    for (const t of exact.segments.team) {
      const eligible = people.filter((p) => p.team === t.key && addDays(p.trainedOn, Number(h.slice(1))) <= asOf).length;
      const seen = viewer.segments.team.find((v) => v.key === t.key);
      if (eligible >= 100) close(segmentRate(seen, h), segmentRate(t, h) as number | null, `team ${t.key} ${h}`);
    }
  }
  // The organisation's three windows, the programs' and the largest teams'.
  expect(checked).toBeGreaterThanOrEqual(8);
}
