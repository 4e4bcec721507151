import { html, nothing, type TemplateResult } from 'lit';
import { cssomStyle } from './cssom-style.js';
import type { Metrics, PromptMetrics } from '../../src/metrics/types.js';
import { dataTable } from './data-table.js';
import { int, knownAroundNote, pct, points } from './format.js';

/** The axis's reach either side of zero: ±50 points. */
export const axisEnd = 0.5;

/** Position of an uplift on the plot's axis, −50 … +50 points mapped to 0 … 100%. */
const at = (v: number) => `${Math.min(100, Math.max(0, 50 + v * 100))}%`;

/** When a suppressed prompt is expected to be known: the viewer's estimate, else the threshold each arm must reach. */
function whenKnown(p: PromptMetrics, minGroupSize: number): string {
  return p.knownAround === undefined ? `known once each arm has at least ${minGroupSize} people` : knownAroundNote(p.knownAround);
}

function interval(p: PromptMetrics, minGroupSize: number): TemplateResult {
  if (p.suppressed || p.uplift === null || !p.ci95)
    return html`<span class="suppressed-note">suppressed: an arm has fewer people than the minimum group size; ${whenKnown(p, minGroupSize)}</span>`;
  const [lo, hi] = p.ci95;
  const low = Math.min(lo, p.uplift) < -axisEnd;
  const high = Math.max(hi, p.uplift) > axisEnd;
  const clipped = low || high ? '; the bar is cut at the end of the axis' : '';
  return html`<span class="forest" role="img" aria-label=${`uplift ${points(p.uplift)}, 95% interval ${points(lo)} to ${points(hi)}${clipped}`}>
    <span class="zero"></span>
    <span class="ci" ${cssomStyle({ left: at(lo), width: `calc(${at(hi)} - ${at(lo)})` })}></span>
    <span class="estimate" ${cssomStyle({ left: at(p.uplift) })}></span>
    ${low ? html`<span class="clip clip-low" data-clip="low">◀</span>` : nothing}
    ${high ? html`<span class="clip clip-high" data-clip="high">▶</span>` : nothing}
  </span>`;
}

/** Under a line whose interval runs past the axis: the interval in words, so what the bar cannot show is read. */
function clipNote(p: PromptMetrics): TemplateResult | typeof nothing {
  if (p.suppressed || p.uplift === null || !p.ci95) return nothing;
  const [lo, hi] = p.ci95;
  if (Math.min(lo, p.uplift) >= -axisEnd && Math.max(hi, p.uplift) <= axisEnd) return nothing;
  return html`<span class="clip-note">The bar is cut at the end of the axis (arrow): the 95% interval runs from ${points(lo)} to ${points(hi)}.</span>`;
}

/** The figure at the end of a line: the uplift, or for a suppressed prompt when it is expected to be known. */
function value(p: PromptMetrics): string {
  if (p.uplift !== null) return points(p.uplift);
  return p.knownAround ? `known around ${p.knownAround}` : 'suppressed';
}

/**
 * Prompt uplift: goal conversion of people shown a prompt minus that of the randomized holdout, with
 * its 95% interval (Newcombe). An interval clear of zero is an effect; one across zero is not shown yet.
 */
export function upliftPanel(m: Metrics): TemplateResult {
  return html`<section class="panel" aria-labelledby="uplift-title">
    <h2 id="uplift-title">Prompt uplift against the holdout</h2>
    <p class="explain">Conversion to each prompt's goal, shown minus held out, with its 95% interval. The axis runs from −50 to +50 points; the line marks zero; an arrow marks an interval cut at its end.</p>
    ${
      m.prompts.length === 0
        ? html`<p>No prompt with a goal in the config${m.filters.tool ? ' for this tool' : ''}.</p>`
        : html`<ul class="uplift" data-chart="uplift">
          ${m.prompts.map((p) => html`<li><span class="prompt-id">${p.id}</span> ${interval(p, m.minGroupSize)} <span class="uplift-value">${value(p)}</span>${clipNote(p)}</li>`)}
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
