import { html, type TemplateResult } from 'lit';
import { cssomStyle } from './cssom-style.js';
import type { Metrics } from '../../src/metrics/types.js';
import { dataTable } from './data-table.js';
import { int, pct } from './format.js';

/** Output acceptance over the last 28 days: of the AI outputs shown, how many were accepted, edited or rejected. */
export function outputsPanel(m: Metrics): TemplateResult {
  const o = m.outputs;
  const bars = [
    ['Accepted', o.accepted, 'accepted'],
    ['Edited', o.edited, 'edited'],
    ['Rejected', o.rejected, 'rejected'],
  ] as const;
  return html`<section class="panel" aria-labelledby="outputs-title">
    <h2 id="outputs-title">Output acceptance (last 28 days)</h2>
    <p class="big" data-figure="acceptance">${pct(o.acceptanceRate, o.suppressed)}</p>
    <p class="explain">${o.suppressed ? `Fewer than ${m.minGroupSize} people saw AI outputs: suppressed.` : `(accepted + edited) ÷ ${int(o.shown)} outputs shown`}</p>
    ${
      o.suppressed
        ? null
        : html`<div class="bars" data-chart="outputs" role="img" aria-label=${bars.map(([l, n]) => `${l} ${int(n)}`).join(', ')}>
          ${bars.map(([label, n, kind]) => html`<div class="bar-row"><span class="bar-label">${label}</span><span class="bar ${kind}" ${cssomStyle({ width: `${((n ?? 0) / Math.max(1, o.shown ?? 0)) * 100}%` })}></span><span class="bar-value">${int(n)}</span></div>`)}
        </div>`
    }
    ${dataTable(
      'Output decisions',
      ['Decision', 'Outputs', 'Share of shown'],
      [
        ['Shown', int(o.shown, o.suppressed), o.suppressed ? 'suppressed' : '100%'],
        ...bars.map(([label, n]) => [label, int(n, o.suppressed), o.suppressed ? 'suppressed' : pct((n ?? 0) / Math.max(1, o.shown ?? 0))]),
      ],
    )}
  </section>`;
}
