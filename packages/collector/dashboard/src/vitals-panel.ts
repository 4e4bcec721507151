import { html, type TemplateResult } from 'lit';
import type { Metrics, VitalMetrics } from '../../src/metrics/types.js';
import { int, pct } from './format.js';

/** web-vitals' thresholds (https://web.dev/articles/vitals): at or under the first is good, over the second poor. */
const thresholds: Record<string, [number, number]> = {
  LCP: [2500, 4000],
  INP: [200, 500],
  CLS: [0.1, 0.25],
  FCP: [1800, 3000],
  TTFB: [800, 1800],
};

const value = (v: VitalMetrics) =>
  v.p75 === null ? 'suppressed' : v.metric === 'CLS' ? v.p75.toFixed(3) : `${Math.round(v.p75).toLocaleString('en-US')} ms`;

function rating(v: VitalMetrics): TemplateResult {
  const t = thresholds[v.metric];
  if (v.p75 === null || !t) return html`–`;
  const r = v.p75 <= t[0] ? 'good' : v.p75 <= t[1] ? 'needs improvement' : 'poor';
  return html`<span class="rating ${r.replace(' ', '-')}">${r}</span>`;
}

/** Web-vitals p75 per tool over the last 28 days, rated against web-vitals' thresholds; the share of good page loads beside it. */
export function vitalsPanel(m: Metrics): TemplateResult {
  return html`<section class="panel" aria-labelledby="vitals-title">
    <h2 id="vitals-title">Page performance: web-vitals p75 per tool (last 28 days)</h2>
    ${
      m.vitals.length === 0
        ? html`<p>No <code>perf.vital</code> events in the last 28 days.</p>`
        : html`<div class="scroll" tabindex="0" role="region" aria-label="Web-vitals table, scrollable">
          <table data-chart="vitals">
            <thead><tr><th scope="col">Tool</th><th scope="col">Metric</th><th scope="col">p75</th><th scope="col">Rating</th><th scope="col">Good page loads</th><th scope="col">Samples</th></tr></thead>
            <tbody>${m.vitals.map((v) => html`<tr><th scope="row">${v.tool}</th><td>${v.metric}</td><td>${value(v)}</td><td>${rating(v)}</td><td>${v.suppressed ? 'suppressed' : pct((v.good ?? 0) / Math.max(1, v.samples ?? 0))}</td><td>${int(v.samples, v.suppressed)}</td></tr>`)}</tbody>
          </table>
        </div>`
    }
  </section>`;
}
