import { html, type TemplateResult } from 'lit';
import { cssomStyle } from './cssom-style.js';
import type { Metrics, PromptMetrics } from '../../src/metrics/types.js';
import { dataTable } from './data-table.js';
import { int, knownAroundNote, pct, points } from './format.js';

/** Position of an uplift on the plot's axis, −50 … +50 points mapped to 0 … 100%. */
const at = (v: number) => `${Math.min(100, Math.max(0, 50 + v * 100))}%`;

function interval(p: PromptMetrics): TemplateResult {
  if (p.suppressed || p.uplift === null || !p.ci95)
    return html`<span class="suppressed-note">suppressed: an arm has fewer people than the minimum group size${
      p.knownAround === undefined ? '' : `; ${knownAroundNote(p.knownAround)}`
    }</span>`;
  const [lo, hi] = p.ci95;
  return html`<span class="forest" role="img" aria-label=${`uplift ${points(p.uplift)}, 95% interval ${points(lo)} to ${points(hi)}`}>
    <span class="zero"></span>
    <span class="ci" ${cssomStyle({ left: at(lo), width: `calc(${at(hi)} - ${at(lo)})` })}></span>
    <span class="estimate" ${cssomStyle({ left: at(p.uplift) })}></span>
  </span>`;
}

/**
 * Prompt uplift: goal conversion of people shown a prompt minus that of the randomized holdout, with
 * its 95% interval (Newcombe). An interval clear of zero is an effect; one across zero is not shown yet.
 */
export function upliftPanel(m: Metrics): TemplateResult {
  return html`<section class="panel" aria-labelledby="uplift-title">
    <h2 id="uplift-title">Prompt uplift against the holdout</h2>
    <p class="explain">Conversion to each prompt's goal, shown minus held out, with its 95% interval. The axis runs from −50 to +50 points; the line marks zero.</p>
    ${
      m.prompts.length === 0
        ? html`<p>No prompt with a goal in the config${m.filters.tool ? ' for this tool' : ''}.</p>`
        : html`<ul class="uplift" data-chart="uplift">
          ${m.prompts.map((p) => html`<li><span class="prompt-id">${p.id}</span> ${interval(p)} <span class="uplift-value">${p.uplift === null ? 'suppressed' : points(p.uplift)}</span></li>`)}
        </ul>`
    }
    ${dataTable(
      'Prompt uplift',
      ['Prompt', 'Shown', 'Held out', 'Converted (shown)', 'Converted (held out)', 'Uplift', '95% interval'],
      m.prompts.map((p) =>
        p.suppressed
          ? [
              p.id,
              'suppressed',
              'suppressed',
              'suppressed',
              'suppressed',
              p.knownAround === undefined ? 'suppressed' : knownAroundNote(p.knownAround),
              'suppressed',
            ]
          : [
              p.id,
              int(p.treated),
              int(p.control),
              pct(p.convTreated),
              pct(p.convControl),
              p.uplift === null ? '–' : points(p.uplift),
              p.ci95 ? `${points(p.ci95[0])} … ${points(p.ci95[1])}` : '–',
            ],
      ),
    )}
  </section>`;
}
