import { html, nothing, type TemplateResult } from 'lit';
import { cssomStyle } from './cssom-style.js';
import type { Metrics, PromptMetrics } from '../../src/metrics/types.js';
import { dataTable } from './data-table.js';
import { int, knownAroundNote, pct, points, pointsRange } from './format.js';
import { decidingInterval, pText, varianceChange, verdict } from '../../src/metrics/verdict-words.js';

/** The axis's reach either side of zero: ±50 points. */
export const axisEnd = 0.5;

/** Position of an uplift on the plot's axis, −50 … +50 points mapped to 0 … 100%. */
const at = (v: number) => `${Math.min(100, Math.max(0, 50 + v * 100))}%`;

/** When a suppressed prompt is expected to be known: the viewer's estimate, else the threshold each arm must reach. */
function whenKnown(p: PromptMetrics, minGroupSize: number): string {
  return p.knownAround === undefined ? `known once each arm has at least ${minGroupSize} people` : knownAroundNote(p.knownAround);
}

/**
 * A prompt randomized by team with too few teams to compare has no interval: the person-level one
 * would overstate the evidence. A viewer's test counts only the teams its figures may show.
 */
function noVerdictNote(m: Metrics): TemplateResult {
  const viewer = m.hiddenGroups !== undefined;
  const shown = viewer
    ? `; a viewer's test counts only the teams large enough to show (at least ${m.minGroupSize} people): ask an analyst for the exact test`
    : '';
  return html`<span class="suppressed-note no-verdict-note">no interval: too few teams to compare${shown}</span>`;
}

function interval(p: PromptMetrics, m: Metrics): TemplateResult {
  if (p.noVerdict) return noVerdictNote(m);
  const d = decidingInterval(p);
  if (!d)
    return html`<span class="suppressed-note">suppressed: an arm has fewer people than the minimum group size; ${whenKnown(p, m.minGroupSize)}</span>`;
  const low = Math.min(d.low, d.uplift) < -axisEnd;
  const high = Math.max(d.high, d.uplift) > axisEnd;
  const clipped = low || high ? '; the bar is cut at the end of the axis' : '';
  return html`<span class="forest" role="img" aria-label=${`uplift ${points(d.uplift)}${d.adjusted ? ' adjusted' : ''}, always-valid interval ${points(d.low)} to ${points(d.high)}${clipped}`}>
    <span class="zero"></span>
    <span class="ci" ${cssomStyle({ left: at(d.low), width: `calc(${at(d.high)} - ${at(d.low)})` })}></span>
    <span class="estimate" ${cssomStyle({ left: at(d.uplift) })}></span>
    ${low ? html`<span class="clip clip-low" data-clip="low">◀</span>` : nothing}
    ${high ? html`<span class="clip clip-high" data-clip="high">▶</span>` : nothing}
  </span>`;
}

/** Under a line: the verdict, and when the interval runs past the axis, the interval in words. */
function lineNote(p: PromptMetrics): TemplateResult | typeof nothing {
  if (p.noVerdict) return html`<span class="verdict" data-detected="none">${verdict(p)}</span>`;
  const d = decidingInterval(p);
  if (!d) return nothing;
  const cut =
    Math.min(d.low, d.uplift) < -axisEnd || Math.max(d.high, d.uplift) > axisEnd
      ? html` <span class="clip-note">The bar is cut at the end of the axis (arrow): the always-valid interval runs from ${points(d.low)} to ${points(d.high)}.</span>`
      : nothing;
  return html`<span class="verdict" data-detected=${String(p.detected)}>${verdict(p)}</span>${cut}`;
}

/** The figure at the end of a line: the uplift, or for a suppressed prompt when it is expected to be known. */
function value(p: PromptMetrics): string {
  if (p.uplift !== null) return points(p.uplift);
  return p.knownAround ? `known around ${p.knownAround}` : 'suppressed';
}

/**
 * Prompt uplift: goal conversion of people shown a prompt minus that of the randomized holdout, with
 * its always-valid 95% interval (CUPED-adjusted when the store could). "Detected" only when that
 * interval clears zero, so watching it every day does not manufacture effects.
 */
export function upliftPanel(m: Metrics): TemplateResult {
  return html`<section class="panel" aria-labelledby="uplift-title">
    <h2 id="uplift-title">Prompt uplift against the holdout</h2>
    <p class="explain">Conversion to each prompt's goal, shown minus held out, with its always-valid 95% interval: it stays right however often you look, so stop when it says "detected". The axis runs from −50 to +50 points; the line marks zero; an arrow marks an interval cut at its end.</p>
    ${
      m.prompts.length === 0
        ? html`<p>No prompt with a goal in the config${m.filters.tool ? ' for this tool' : ''}.</p>`
        : html`<ul class="uplift" data-chart="uplift">
          ${m.prompts.map((p) => html`<li><span class="prompt-id">${p.id}</span> ${interval(p, m)} <span class="uplift-value">${value(p)}</span>${lineNote(p)}</li>`)}
        </ul>`
    }
    ${dataTable(
      'Prompt uplift',
      [
        'Prompt',
        'Shown',
        'Held out',
        'Converted (shown)',
        'Converted (held out)',
        'Uplift',
        'Adjusted uplift (CUPED)',
        'Always-valid interval',
        'Verdict',
        'p across prompts',
      ],
      m.prompts.map((p) => {
        const d = decidingInterval(p);
        // The arms and the plain uplift, as every row with a test or a no-verdict gives them.
        const counts = () => [
          p.id,
          int(p.treated),
          int(p.control),
          pct(p.convTreated),
          pct(p.convControl),
          p.uplift === null ? '–' : points(p.uplift),
        ];
        if (p.noVerdict && !p.suppressed) return [...counts(), '–', 'none', verdict(p) ?? '–', '–'];
        if (p.suppressed || !d) {
          const known = p.knownAround === undefined ? 'suppressed' : knownAroundNote(p.knownAround);
          return [
            p.id,
            'suppressed',
            'suppressed',
            'suppressed',
            'suppressed',
            known,
            'suppressed',
            'suppressed',
            'suppressed',
            'suppressed',
          ];
        }
        return [
          ...counts(),
          p.cuped ? `${points(p.cuped.uplift)} (${varianceChange(p.cuped.varianceReduction)})` : '–',
          pointsRange(d.low, d.high),
          verdict(p) ?? '–',
          p.adjustedPValue === null ? '–' : pText(p.adjustedPValue),
        ];
      }),
    )}
  </section>`;
}
