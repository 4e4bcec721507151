import { describe, expect, it, vi } from 'vitest';

// web-vitals needs a real browser's performance timeline; here it is replaced by a stub that reports
// what the test says, so the once-per-metric logic around it can be checked. Chromium tests run it for real.
const callbacks = vi.hoisted(() => new Map<string, (m: { name: string; value: number; rating: string }) => void>());
vi.mock('web-vitals', () => {
  const on = (name: string) => (cb: (m: { name: string; value: number; rating: string }) => void) => void callbacks.set(name, cb);
  return { onCLS: on('CLS'), onFCP: on('FCP'), onINP: on('INP'), onLCP: on('LCP'), onTTFB: on('TTFB') };
});

const { reportVitals } = await import('../../src/perf/report-vitals.js');

describe('reportVitals', () => {
  it('records each of LCP, INP, CLS, FCP and TTFB once per page as perf.vital', () => {
    const recorded: unknown[] = [];
    reportVitals((name, props) => recorded.push({ name, ...props }));
    expect([...callbacks.keys()].sort()).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
    callbacks.get('LCP')?.({ name: 'LCP', value: 1234.5, rating: 'good' });
    callbacks.get('CLS')?.({ name: 'CLS', value: 0.02, rating: 'good' });
    // A back/forward-cache restore makes web-vitals report again: not recorded twice.
    callbacks.get('LCP')?.({ name: 'LCP', value: 99, rating: 'good' });
    expect(recorded).toEqual([
      { name: 'perf.vital', metric: 'LCP', value: 1234.5, rating: 'good' },
      { name: 'perf.vital', metric: 'CLS', value: 0.02, rating: 'good' },
    ]);
  });
});
