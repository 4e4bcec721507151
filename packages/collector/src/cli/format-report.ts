import type { DecayFit, Metrics, ProgramMetrics, Rate, Window } from '../metrics/types.js';
import type { StoreSummary } from '../storage/store.js';
import { formatEngagement } from './format-engagement.js';
import { formatItemResults } from './format-item-results.js';
import { trendRows } from './format-trends.js';
import { formatVerdicts } from './format-verdicts.js';

const int = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toLocaleString('en-US'));
const pct = (r: Rate | undefined) => (r === null || r === undefined ? '–' : `${(r * 100).toFixed(r < 0.1 && r > 0 ? 1 : 0)}%`);
const count = (n: number, one: string, many: string) => `${int(n)} ${n === 1 ? one : many}`;
const signedPct = (r: number) => `${r >= 0 ? '+' : '−'}${Math.abs(r * 100).toFixed(1)} pts`;

/** Lays out rows as aligned columns: the first left-aligned, the others right-aligned. */
export function table(rows: string[][], indent = '  '): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map(
      (r) =>
        indent +
        r
          .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}

/** A program's row: its size, sustained use at 30/60/90 days, half-life and plateau. */
function programRow(p: ProgramMetrics): string[] {
  if (p.suppressed) return [p.program, 'supp.', '', '', '', '', ''];
  const windows = [p.sustained.d30, p.sustained.d60, p.sustained.d90].map((w) => (w.suppressed ? 'supp.' : pct(w.rate)));
  return [p.program, int(p.size), ...windows, ...fitCells(p.fit)];
}

/** The half-life and plateau columns of a decay fit. */
function fitCells(fit: DecayFit | null): [string, string] {
  const halfLife = fit?.halfLifeDays == null ? (fit?.status === 'flat' ? 'flat' : '–') : `${fit.halfLifeDays.toFixed(1)} d`;
  return [halfLife, pct(fit?.plateau ?? null)];
}

function windowText(w: Window, min: number): string {
  return w.suppressed ? `suppressed (<${min})` : `${pct(w.rate)} of ${int(w.eligible)}`;
}

/** `uptake report` for people: the metrics as a few aligned sections; suppressed figures say so. */
export function formatReport(m: Metrics, summary: StoreSummary): string {
  const min = m.minGroupSize;
  const hidden = `suppressed (fewer than ${min} people)`;
  const filters = [
    m.filters.tool ? `tool ${m.filters.tool}` : 'all tools',
    m.filters.program ? `program ${m.filters.program}` : 'all programs',
    m.filters.cohort ? `cohort ${m.filters.cohort}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const out: string[] = [];
  out.push(`Uptake report as of ${m.asOf} · ${filters} · groups under ${min} people suppressed`);
  out.push(`Stored: ${count(summary.events, 'event', 'events')} from ${count(summary.users, 'person', 'people')}`);
  out.push('');
  out.push(
    m.activity.suppressed
      ? `Activity       ${hidden}`
      : table(
          [
            [
              'Activity',
              `DAU ${int(m.activity.dau)}`,
              `WAU ${int(m.activity.wau)}`,
              `MAU ${int(m.activity.mau)}`,
              `stickiness ${pct(m.activity.stickiness)}`,
            ],
          ],
          '',
        ),
  );
  out.push(
    `Adoption       ${m.adoption.suppressed ? hidden : `${int(m.adoption.active)} of ${int(m.adoption.trained)} trained people used AI in the last 28 days (${pct(m.adoption.rate)})`}`,
  );
  out.push(
    `Sustained use  30 days: ${windowText(m.sustained.d30, min)} · 60 days: ${windowText(m.sustained.d60, min)} · 90 days: ${windowText(m.sustained.d90, min)}`,
  );
  const bc = m.behaviorCheck;
  out.push(
    `Behaviour      ${bc.suppressed ? hidden : `${int(bc.applied)} of ${int(bc.respondents)} respondents described applying their training (${pct(bc.rate)})${bc.failing ? ' — FAILING: more than 40% cannot' : ''}`}`,
  );
  out.push(
    `Gap            ${m.gap.suppressed ? hidden : `${int(m.gap.count)} of ${int(m.gap.trained)} trained people (${pct(m.gap.share)}) have not shown applying it`}`,
  );
  const o = m.outputs;
  out.push(
    `AI outputs     ${o.suppressed ? hidden : `shown ${int(o.shown)} · accepted ${int(o.accepted)} · edited ${int(o.edited)} · rejected ${int(o.rejected)} · acceptance ${pct(o.acceptanceRate)}`}`,
  );

  const engagement = formatEngagement(m, hidden, (rows) => table(rows));
  out.push(...engagement.headline);
  out.push(...engagement.sections);

  if (m.cohorts.length) {
    const weeks = Math.min(12, Math.max(0, ...m.cohorts.map((c) => c.retention.length)));
    out.push('', 'Cohorts (share of members active in week k after training)');
    out.push(
      table([
        ['cohort', 'size', ...Array.from({ length: weeks }, (_, k) => `wk${k}`), 'half-life', 'plateau'],
        ...m.cohorts.map((c) =>
          c.suppressed
            ? [c.cohort, 'supp.', ...Array.from({ length: weeks }, () => ''), '', '']
            : [
                c.cohort,
                int(c.size),
                ...Array.from({ length: weeks }, (_, k) => {
                  const cell = c.retention[k];
                  return !cell ? '' : cell.suppressed ? 'supp.' : pct(cell.rate);
                }),
                ...fitCells(c.fit),
              ],
        ),
      ]),
    );
  }
  if (m.programs.length) {
    out.push('', 'Programs (sustained use at 30/60/90 days; decay of weekly retention)');
    out.push(table([['program', 'people', '30 d', '60 d', '90 d', 'half-life', 'plateau'], ...m.programs.map(programRow)]));
  }
  for (const trait of ['role', 'team'] as const) {
    const list = m.segments[trait];
    if (!list.length) continue;
    out.push('', `By ${trait} (trained people; sustained use at 90 days)`);
    out.push(
      table([
        [trait, 'people', 'sustained 90 d'],
        ...list.map((s) => [s.key ?? '(not set)', s.suppressed ? 'supp.' : int(s.users), s.suppressed ? '' : pct(s.sustainedD90)]),
      ]),
    );
  }
  if (m.prompts.length) {
    out.push('', 'Prompts (goal conversion, shown vs held out)');
    out.push(
      table([
        ['prompt', 'shown', 'held out', 'conv. shown', 'conv. held out', 'uplift', 'fixed 95% interval'],
        ...m.prompts.map((p) =>
          p.suppressed
            ? [p.id, int(p.treated), int(p.control), pct(p.convTreated), pct(p.convControl), 'supp.', '']
            : [
                p.id,
                int(p.treated),
                int(p.control),
                pct(p.convTreated),
                pct(p.convControl),
                signedPct(p.uplift as number),
                `${signedPct(p.ci95![0])} … ${signedPct(p.ci95![1])}`,
              ],
        ),
      ]),
    );
  }
  const trends = trendRows(m);
  if (trends) out.push('', trends.title, table(trends.rows));
  out.push(...formatVerdicts(m));
  const planned = m.prompts.filter((p) => p.plan);
  if (planned.length) {
    out.push('', 'Power plan (docs/analysts.md "Power before launch")');
    for (const p of planned) out.push(`${p.id}: ${p.plan?.summary}`);
  }
  out.push(...formatItemResults(m));
  if (m.vitals.length) {
    out.push('', 'Web-vitals (75th percentile, last 28 days)');
    out.push(
      table([
        ['tool', 'metric', 'p75', 'samples'],
        ...m.vitals.map((v) => [
          v.tool,
          v.metric,
          v.p75 === null ? 'supp.' : v.metric === 'CLS' ? v.p75.toFixed(3) : `${Math.round(v.p75)} ms`,
          v.suppressed ? '' : int(v.samples),
        ]),
      ]),
    );
  }
  return out.join('\n');
}
