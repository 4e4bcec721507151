import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../packages/collector/src/config/load-config.js';
import { generateDemo } from '../../packages/collector/src/demo/generate-demo.js';
import { computeMetrics } from '../../packages/collector/src/metrics/compute-metrics.js';
import { openStore } from '../../packages/collector/src/storage/open-store.js';
import { duckdbTarget } from '../../packages/collector/test/helpers/store-targets.js';
import { figure, longRun } from '../helpers/reliability-scale.js';
import { max, mean, viewerDeviation } from '../helpers/viewer-deviation.js';

// What a viewer's protection costs in accuracy on the demo organisation (`uptake demo`: seed 42,
// 4,200 employees, the example config), figure by figure against the exact answer of the same day,
// with five pseudonym secrets. docs/privacy.md quotes the figures. Long runs only: writing the demo
// takes half a minute.
const until = '2026-11-29'; // a Sunday: the viewer's figures are for that very day
const today = '2026-12-01';

describe.skipIf(!longRun)('what a viewer’s figures cost in accuracy on the demo organisation', () => {
  it('every rate about 100 people or more within 2 points; the deviations printed', async () => {
    const base = await loadConfig(join(fileURLToPath(new URL('../..', import.meta.url)), 'examples', 'uptake.config.json'));
    const target = await duckdbTarget();
    const store = await openStore(target.location);
    try {
      await store.syncUsageEvents(base.usageEvents);
      await generateDemo(store, { ...base, pseudonymSecret: 'demo-accuracy' }, { seed: 42, employees: 4200, until, tool: 'assistant' });
      const exact = await computeMetrics(store, base, { asOf: until });
      const all = { counts: [] as number[], relative: [] as [number, number][], rates: [] as number[], hidden: 0, big: [] as number[] };
      for (let n = 0; n < 5; n++) {
        // The secret keys the noise only here: the stored ids were hashed with "demo-accuracy".
        const config = { ...base, pseudonymSecret: randomBytes(16).toString('hex') };
        const viewer = await computeMetrics(store, config, { asOf: until }, { exact: false, today });
        expect(viewer.figuresAsOf).toBe(until);
        const d = viewerDeviation(exact, viewer);
        all.counts.push(...d.counts);
        all.relative.push(...d.relative);
        all.rates.push(...d.rates);
        all.hidden += d.hidden.length;
        for (const h of ['d30', 'd60', 'd90'] as const)
          if ((exact.sustained[h].eligible ?? 0) >= 100)
            all.big.push(Math.abs((viewer.sustained[h].rate as number) - (exact.sustained[h].rate as number)) * 100);
        if (n === 0)
          figure(
            'viewer accuracy, demo, figures the viewer does not see (of those the analyst sees)',
            `${d.hidden.length}: ${d.hidden.slice(0, 12).join(', ')}`,
          );
      }
      figure('viewer accuracy, demo, counts: mean |Δ|, max |Δ|', `${mean(all.counts).toFixed(2)}, ${max(all.counts)}`);
      const relative = (from: number, to: number) => all.relative.filter(([n]) => n >= from && n < to).map(([, r]) => r * 100);
      for (const [from, to] of [
        [1, 100],
        [100, Number.POSITIVE_INFINITY],
      ] as const)
        figure(
          `viewer accuracy, demo, counts of ${from} to ${to}: how many, mean |Δ| ÷ exact, max`,
          `${relative(from, to).length / 5}, ${mean(relative(from, to)).toFixed(2)}%, ${max(relative(from, to)).toFixed(1)}%`,
        );
      figure('viewer accuracy, demo, rates: mean |Δ|, max |Δ| (points)', `${mean(all.rates).toFixed(2)}, ${max(all.rates).toFixed(2)}`);
      figure(
        'viewer accuracy, demo, organisation-wide sustained use: mean |Δ|, max |Δ| (points)',
        `${mean(all.big).toFixed(2)}, ${max(all.big).toFixed(2)}`,
      );
      figure('viewer accuracy, demo, counts and rates compared', `${all.counts.length / 5} and ${all.rates.length / 5} per answer`);
      expect(max(all.big)).toBeLessThanOrEqual(2 + 1e-9);
    } finally {
      await store.close();
      await target.dispose();
    }
  }, 600_000);
});
