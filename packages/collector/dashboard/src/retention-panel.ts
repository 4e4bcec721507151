import { html, type TemplateResult } from 'lit';
import { cssomStyle } from './cssom-style.js';
import type { CohortMetrics, Metrics } from '../../src/metrics/types.js';
import { hiddenNote, int, pct } from './format.js';

/**
 * A cell's colour: from near white (0%) to mid blue (100%). The darkest shade keeps dark text
 * above a 4.5:1 contrast, so every figure stays readable.
 */
const shade = (rate: number) => `hsl(208 75% ${Math.round(97 - rate * 42)}%)`;

function row(c: CohortMetrics, weeks: number): TemplateResult {
  if (c.suppressed) {
    return html`<tr><th scope="row">${c.cohort}</th><td>suppressed</td><td class="suppressed" colspan=${weeks}>suppressed: fewer than the minimum group size</td></tr>`;
  }
  const cells = Array.from({ length: weeks }, (_, k) => c.retention.find((r) => r.week === k));
  return html`<tr>
    <th scope="row">${c.cohort}</th>
    <td>${int(c.size)}</td>
    ${cells.map((cell) =>
      !cell
        ? html`<td class="empty"><span class="visually-hidden">not yet</span></td>`
        : cell.suppressed
          ? html`<td class="suppressed">suppressed</td>`
          : html`<td class="rate" ${cssomStyle({ background: shade(cell.rate ?? 0) })}>${pct(cell.rate)}</td>`,
    )}
  </tr>`;
}

/** Cohort retention: one row per training cohort, one column per week since training, the share of members active that week. */
export function retentionPanel(m: Metrics): TemplateResult {
  const hidden = hiddenNote(m.hiddenGroups?.cohorts, 'cohort', 'cohorts');
  const weeks = Math.min(26, Math.max(0, ...m.cohorts.flatMap((c) => c.retention.map((r) => r.week + 1))));
  return html`<section class="panel" aria-labelledby="retention-title">
    <h2 id="retention-title">Cohort retention by week</h2>
    <p class="explain" data-figure="retention-weeks">Share of each training cohort with a usage event in week k after training (${
      m.cohorts.length === 0
        ? 'no training cohort yet'
        : weeks === 0
          ? 'no cohort has a full week since training yet'
          : `first ${weeks} week${weeks === 1 ? '' : 's'}`
    }). Darker is higher.</p>
    <div class="scroll heatmap" tabindex="0" role="region" aria-label="Retention table, scrollable">
      <table data-chart="retention">
        <caption class="visually-hidden">Retention by cohort and week since training</caption>
        <thead><tr><th scope="col">Cohort</th><th scope="col">People</th>${Array.from({ length: weeks }, (_, k) => html`<th scope="col">W${k}</th>`)}</tr></thead>
        <tbody>${m.cohorts.map((c) => row(c, weeks))}</tbody>
      </table>
    </div>
    ${hidden ? html`<p class="explain" data-figure="hidden-cohorts">${hidden}</p>` : null}
  </section>`;
}
