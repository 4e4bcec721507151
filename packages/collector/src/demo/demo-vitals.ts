/** web-vitals' "good" and "poor" thresholds (https://web.dev/articles/vitals): at or under the first is good, over the second poor. */
const thresholds = { LCP: [2500, 4000], INP: [200, 500], CLS: [0.1, 0.25], FCP: [1800, 3000], TTFB: [800, 1800] } as const;

/** Median of each metric on the demo tool, and how widely pages vary around it (log-normal spread). */
const shapes = { LCP: [1900, 0.45], INP: [140, 0.6], CLS: [0.04, 0.9], FCP: [1300, 0.4], TTFB: [450, 0.5] } as const;

/** One page load's `perf.vital` props, as the SDK reports them. */
export interface DemoVital {
  metric: keyof typeof thresholds;
  value: number;
  rating: 'good' | 'needs-improvement' | 'poor';
}

/** The five web-vitals of one page load, drawn from log-normal distributions around realistic medians. */
export function demoVitals(random: () => number): DemoVital[] {
  return (Object.keys(shapes) as (keyof typeof shapes)[]).map((metric) => {
    const [median, spread] = shapes[metric];
    // Box–Muller: a standard normal draw from two uniform ones.
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const raw = median * Math.exp(spread * z);
    const value = metric === 'CLS' ? Math.round(raw * 1000) / 1000 : Math.round(raw);
    const [good, poor] = thresholds[metric];
    return { metric, value, rating: value <= good ? 'good' : value <= poor ? 'needs-improvement' : 'poor' };
  });
}
