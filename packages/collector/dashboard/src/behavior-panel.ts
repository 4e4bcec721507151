import { html, type TemplateResult } from 'lit';
import type { Metrics } from '../../src/metrics/types.js';
import { int, pct } from './format.js';

/** The 90-day behaviour check: failing when more than 40% of respondents cannot describe applying their training. */
export function behaviorPanel(m: Metrics): TemplateResult {
  const b = m.behaviorCheck;
  const verdict = b.suppressed ? 'suppressed' : b.failing ? 'failing' : 'passing';
  return html`<section class="panel" aria-labelledby="behavior-title">
    <h2 id="behavior-title">90-day behaviour check</h2>
    <p class="verdict ${verdict}" data-figure="behavior-verdict">
      ${
        b.suppressed
          ? html`<strong>Suppressed</strong>: fewer than ${m.minGroupSize} trained people answered.`
          : html`<strong>${b.failing ? 'Failing at behaviour transfer' : 'Passing'}</strong>:
            ${pct(b.rate === null ? null : 1 - b.rate)} of ${int(b.respondents)} respondents could not describe one specific way they applied
            their training (a program fails above 40%).`
      }
    </p>
    <p class="explain">Asked around day 90: “In the past two weeks, describe one specific way you applied something from your AI training to your actual work.” Applied = “yes” and an example of at least 20 characters.</p>
  </section>`;
}
