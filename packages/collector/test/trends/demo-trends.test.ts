import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { generateDemo } from '../../src/demo/generate-demo.js';
import { computeTrends } from '../../src/trends/compute-trends.js';
import { useStore } from '../helpers/use-store.js';

// The demo organisation (300 employees here) trains in waves over eight months to 2026-11-29: its
// trends must look like an adoption programme's, not like noise or a flat line.
const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_a', identity: 'unverified', origins: ['*'] }],
  adminToken: 'demo-trends-admin-token-0123456789',
});

describe('the demo organisation’s trends', () => {
  const store = useStore('duckdb');

  it('the trained grow wave after wave, adoption follows them, sustained usage appears 30, 60 and 90 days after the first wave', async () => {
    await generateDemo(store, config, { seed: 5, employees: 300, until: '2026-11-29', tool: 'assistant' });
    const t = await computeTrends(store, config, { asOf: '2026-11-29' }, { from: '2026-03-30' }, { today: '2026-12-02' });
    const series = (id: string) => t.series.find((s) => s.id === id)?.points ?? [];
    const trained = series('adoption').map((p) => p.people ?? 0);
    // Never fewer trained people than the week before, and several steps up (the waves).
    expect(trained.every((n, i) => i === 0 || n >= (trained[i - 1] as number))).toBe(true);
    expect(trained.filter((n, i) => i > 0 && n > (trained[i - 1] as number)).length).toBeGreaterThanOrEqual(4);
    const adoption = series('adoption').map((p) => p.value);
    expect(adoption.at(-1)).toBeGreaterThan(0.2);
    // Sustained usage needs people trained N days before: it starts later the longer N is.
    const firstShown = (id: string) => series(id).findIndex((p) => !p.suppressed);
    const [d30, d60, d90] = ['sustained-d30', 'sustained-d60', 'sustained-d90'].map(firstShown) as [number, number, number];
    expect(d30).toBeGreaterThanOrEqual(0);
    expect(d60).toBeGreaterThan(d30);
    expect(d90).toBeGreaterThan(d60);
    expect(series('sustained-d90').at(-1)?.value).toBeGreaterThan(0);
  }, 300_000);
});
