import { html, type TemplateResult } from 'lit';
import type { Metrics } from '../../src/metrics/types.js';
import { figuresWeek, int, pct } from './format.js';

/**
 * Under the share of trained people active: the organisation-wide DAU, WAU and MAU. They count
 * everyone, trained or not, and are reported as they are (SPEC "Privacy"), while the share is of
 * the trained and hidden when they are too few: said in words when one is shown and not the other.
 */
function activityNote(m: Metrics, dau: string): string {
  if (m.activity.suppressed) return 'activity suppressed';
  const counts = `${dau} ${int(m.activity.dau)} · WAU ${int(m.activity.wau)} · MAU ${int(m.activity.mau)}`;
  if (!m.adoption.suppressed) return counts;
  return `The share is suppressed: fewer than ${m.minGroupSize} people trained. Everyone using AI, trained or not (organisation-wide counts, reported as they are): ${counts}`;
}

/**
 * The problem in one line: how many people were trained, how many still use AI 90 days later, and
 * the completion–application gap (trained people who have not described applying it).
 */
export function headlinePanel(m: Metrics): TemplateResult {
  const d90 = m.sustained.d90;
  const week = figuresWeek(m);
  // A viewer's DAU is that of the week's last day, a Sunday.
  const dau = m.figuresAsOf ? 'Sunday’s DAU' : 'DAU';
  return html`<section class="panel headline" aria-labelledby="headline-title">
    <h2 id="headline-title">Trained versus still applying it</h2>
    ${week ? html`<p class="explain" data-figure="figures-as-of">${week}</p>` : null}
    <dl class="figures">
      <div><dt>Trained</dt><dd data-figure="trained">${int(m.adoption.trained, m.adoption.suppressed)}</dd><dd class="note">people, as of ${m.figuresAsOf ?? m.asOf}</dd></div>
      <div>
        <dt>Still using AI 90 days after training</dt>
        <dd data-figure="sustained-d90">${pct(d90.rate, d90.suppressed)}</dd>
        <dd class="note">${d90.suppressed ? `fewer than ${m.minGroupSize} people eligible` : `${int(d90.active)} of ${int(d90.eligible)} people 90 days past training`}</dd>
      </div>
      <div>
        <dt>Completion–application gap</dt>
        <dd data-figure="gap">${int(m.gap.count, m.gap.suppressed)}</dd>
        <dd class="note">${m.gap.suppressed ? 'too few behaviour-check answers' : `${pct(m.gap.share)} of trained people have not described applying it`}</dd>
      </div>
      <div>
        <dt>Trained people active in the last 28 days</dt>
        <dd data-figure="adoption">${pct(m.adoption.rate, m.adoption.suppressed)}</dd>
        <dd class="note" data-figure="activity">${activityNote(m, dau)}</dd>
      </div>
    </dl>
  </section>`;
}
