import { onCLS, onFCP, onINP, onLCP, onTTFB, type Metric } from 'web-vitals';
import type { Props } from '../types.js';

/**
 * Records LCP, INP, CLS, FCP and TTFB as `perf.vital` events (`metric`, `value`, `rating`), once
 * per page per metric: web-vitals reports again after a back/forward-cache restore, which it counts
 * as a new page view but which is the same page load here.
 */
export function reportVitals(record: (name: string, props: Props) => void): void {
  const seen = new Set<string>();
  const report = (m: Metric): void => {
    if (seen.has(m.name)) return;
    seen.add(m.name);
    record('perf.vital', { metric: m.name, value: m.value, rating: m.rating });
  };
  for (const on of [onCLS, onFCP, onINP, onLCP, onTTFB]) {
    try {
      on(report);
    } catch {
      // A browser without PerformanceObserver simply reports nothing.
    }
  }
}
