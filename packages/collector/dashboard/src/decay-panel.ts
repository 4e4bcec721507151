import { html, type TemplateResult } from 'lit';
import type { DecayFit, Metrics, ProgramMetrics } from '../../src/metrics/types.js';
import { dataTable } from './data-table.js';
import { days, int, palette, pct } from './format.js';
import type { ChartSeries } from './line-chart.js';

/** The fitted curve R(t) = p + (a − p)·e^(−t/τ), with τ = half-life ÷ ln 2; flat when there is no half-life. */
function fitted(fit: DecayFit, t: number): number | null {
  if (fit.initial === null || fit.plateau === null) return null;
  if (fit.halfLifeDays === null) return fit.initial;
  return fit.plateau + (fit.initial - fit.plateau) * Math.exp((-t * Math.LN2) / fit.halfLifeDays);
}

function summary(p: ProgramMetrics): string {
  if (p.suppressed) return 'suppressed';
  if (!p.fit || p.fit.status === 'insufficient-data') return 'not enough weeks to fit yet';
  if (p.fit.status === 'flat') return `flat at ${pct(p.fit.initial)}: no decay`;
  return `half-life ${days(p.fit.halfLifeDays)}, plateau ${pct(p.fit.plateau)}`;
}

/** Decay per program: weekly retention (points) under its fitted forgetting curve (line), with half-life and plateau. */
export function decayPanel(m: Metrics): TemplateResult {
  const shown = m.programs.filter((p) => !p.suppressed && p.retention.length > 0);
  const maxWeek = Math.min(26, Math.max(0, ...shown.flatMap((p) => p.retention.map((r) => r.week))));
  // One x value a day, so the fitted line is smooth; observed points sit on whole weeks.
  const x = Array.from({ length: maxWeek * 7 + 1 }, (_, t) => t);
  const series: ChartSeries[] = shown.flatMap((p, i) => {
    const color = palette[i % 6] as string;
    const observed = x.map((t) => (t % 7 === 0 ? (p.retention.find((r) => r.week === t / 7)?.rate ?? null) : null));
    const out: ChartSeries[] = [{ label: `${p.program}: weekly retention`, values: observed, color, pointsOnly: true }];
    if (p.fit && p.fit.status !== 'insufficient-data')
      out.push({ label: `${p.program}: fitted curve`, values: x.map((t) => (t < 7 ? null : fitted(p.fit as DecayFit, t))), color });
    return out;
  });
  return html`<section class="panel" aria-labelledby="decay-title">
    <h2 id="decay-title">Decay after training, by program</h2>
    <p class="explain">Weekly retention (points) and the fitted forgetting curve R(t) = plateau + (initial − plateau)·e<sup>−t/τ</sup> (line), fitted from week 1 on.</p>
    <ul class="fit-summary">
      ${m.programs.map((p) => html`<li data-program=${p.program}><strong>${p.program}</strong>: ${summary(p)}</li>`)}
    </ul>
    <figure>
      <uptake-chart data-chart="decay" label="Weekly retention and fitted decay curve per program" x-label="days after training" .x=${x} .series=${series}></uptake-chart>
      ${dataTable(
        'Decay fit per program',
        ['Program', 'People', 'Initial', 'Plateau', 'Half-life', 'R²', 'Weeks fitted'],
        m.programs.map((p) =>
          p.suppressed || !p.fit
            ? [p.program, int(p.size, p.suppressed), 'suppressed', 'suppressed', 'suppressed', 'suppressed', 'suppressed']
            : [
                p.program,
                int(p.size),
                pct(p.fit.initial),
                pct(p.fit.plateau),
                days(p.fit.halfLifeDays),
                p.fit.r2 === null ? '–' : p.fit.r2.toFixed(2),
                p.fit.points,
              ],
        ),
      )}
      ${dataTable(
        'Weekly retention per program',
        ['Week', ...shown.map((p) => p.program)],
        Array.from({ length: maxWeek + 1 }, (_, k) => [
          `week ${k}`,
          ...shown.map((p) => {
            const cell = p.retention.find((r) => r.week === k);
            return cell ? pct(cell.rate, cell.suppressed) : '–';
          }),
        ]),
      )}
    </figure>
  </section>`;
}
