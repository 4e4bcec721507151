import type { Metrics, Rate, TimeSavedFigure, TimeSavedGroup } from '../metrics/types.js';

const int = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toLocaleString('en-US'));
const pct = (r: Rate | undefined) => (r === null || r === undefined ? '–' : `${(r * 100).toFixed(r < 0.1 && r > 0 ? 1 : 0)}%`);
const hours = (h: number | null) => (h === null ? '–' : `${h.toLocaleString('en-US', { maximumFractionDigits: 1 })} h`);

/** How each time-saved method is measured, printed beside its figure. */
export const timeSavedMethods = {
  'per-task': 'per task: minutesSaved of task.completed, at most 480 a task',
  'self-reported': 'self-reported: minutes a week × 4, latest answer in 90 days, at most 2,400 a week',
} as const;

function figureText(f: TimeSavedFigure, hidden: string): string {
  return f.suppressed ? hidden : `${hours(f.hours)} by ${int(f.people)} people (${hours(f.hoursPerPerson)} each)`;
}

/** A breakdown's rows: hours and people per method; `supp.` where hidden. */
function groupRows(list: readonly TimeSavedGroup[]): string[][] {
  const cell = (f: TimeSavedFigure) => (f.suppressed ? ['supp.', ''] : [hours(f.hours), int(f.people)]);
  return list.map((g) => [g.key ?? '(not set)', ...cell(g.perTask), ...cell(g.selfReported)]);
}

/**
 * The report's lines for engaged use, intensity and time saved: `table` lays out a breakdown.
 * Absent figures (an answer of an older collector) print nothing.
 */
export function formatEngagement(
  m: Metrics,
  hidden: string,
  table: (rows: string[][]) => string,
): { headline: string[]; sections: string[] } {
  const headline: string[] = [];
  const sections: string[] = [];
  const e = m.engaged;
  if (e) {
    const a = e.activity;
    const d = e.adoption;
    headline.push(
      `Engaged        ${a.suppressed ? hidden : `${int(a.engaged)} of ${int(a.active)} active people accepted or edited an output or used an engaged feature in the last 28 days (${pct(a.share)})`}`,
    );
    if (!d.suppressed)
      headline.push(
        `               trained: ${int(d.engaged)} of ${int(d.trained)} (${pct(d.rate)}) · sustained engaged 30/60/90 days: ${[e.sustained.d30, e.sustained.d60, e.sustained.d90].map((w) => (w.suppressed ? 'supp.' : pct(w.rate))).join(' / ')}`,
      );
  }
  const i = m.intensity;
  if (i) {
    const share = (n: number | null) => (n === null || !i.active ? 'supp.' : `${int(n)} (${pct(n / i.active)})`);
    headline.push(
      `Intensity      ${i.suppressed ? hidden : `light (1–${i.moderateFrom - 1} days in 28) ${share(i.light)} · moderate (${i.moderateFrom}–${i.heavyFrom - 1}) ${share(i.moderate)} · heavy (${i.heavyFrom}+) ${share(i.heavy)}`}`,
    );
  }
  const t = m.timeSaved;
  if (t) {
    headline.push(`Time saved     ${figureText(t.perTask, hidden)} — ${timeSavedMethods['per-task']}`);
    headline.push(`               ${figureText(t.selfReported, hidden)} — ${timeSavedMethods['self-reported']}`);
    for (const [title, list] of [
      ['program', t.programs],
      ['role', t.role],
      ['team', t.team],
    ] as const) {
      if (!list.length) continue;
      sections.push('', `Time saved by ${title} (hours in the last 28 days)`);
      sections.push(table([[title, 'per task', 'people', 'self-reported', 'people'], ...groupRows(list)]));
    }
  }
  return { headline, sections };
}
