import type { Metrics, QuestionResult, SurveyResult } from '../metrics/types.js';

const int = (n: number | null | undefined) => (n === null || n === undefined ? 'supp.' : n.toLocaleString('en-US'));
const pct = (r: number | null | undefined) => (r === null || r === undefined ? '–' : `${(r * 100).toFixed(0)}%`);
const dec = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toFixed(n !== 0 && Math.abs(n) < 10 ? 2 : 1));
const interval = (ci: [number, number] | null | undefined) => (ci ? ` (95%: ${dec(ci[0])} … ${dec(ci[1])})` : '');

/** One question's figures on one line: its distribution and summary, by type. */
export function questionLine(q: QuestionResult): string {
  if (q.suppressed) return 'suppressed';
  const parts = [`${int(q.respondents)} answered`];
  if (q.mean !== undefined) parts.push(`mean ${dec(q.mean)}${interval(q.ci95)}`);
  if (q.median !== undefined) parts.push(`median ${dec(q.median)}`);
  if (q.nps !== undefined) parts.push(`NPS ${q.nps === null ? '–' : `${q.nps >= 0 ? '+' : '−'}${Math.abs(q.nps).toFixed(0)}`}`);
  if (q.histogram) {
    const buckets = q.histogram.map((b) => `${b.value}: ${int(b.people)}`);
    if (q.other !== undefined && q.other !== 0) buckets.push(`other: ${int(q.other)}`);
    parts.push(buckets.join(', '));
  }
  if (q.type === 'text') parts.push('answers: GET /v1/surveys/{id}/answers (analyst, admin)');
  return parts.join(' · ');
}

function surveyLines(s: SurveyResult): string[] {
  if (s.suppressed) return [`  ${s.id}: suppressed`];
  const waves = s.waves.length > 1 ? ` · ${s.waves.length} waves` : '';
  const out = [`  ${s.id}: ${int(s.respondents)} of ${int(s.shown)} people shown answered (${pct(s.responseRate)})${waves}`];
  const width = Math.max(...s.questions.map((q) => q.id.length + q.type.length + 3));
  for (const q of s.questions) out.push(`    ${`${q.id} (${q.type})`.padEnd(width)}  ${questionLine(q)}`);
  if (s.waves.length > 1)
    for (const w of s.waves) {
      out.push(`    wave ${w.wave}: ${w.suppressed ? 'suppressed' : `${int(w.respondents)} respondents`}`);
      for (const q of w.questions.filter((x) => x.mean !== undefined || x.nps !== undefined)) out.push(`      ${q.id}: ${questionLine(q)}`);
    }
  if (s.trend.length) out.push(`    by week: ${s.trend.map((w) => `${w.week} ${int(w.respondents)}`).join(' · ')}`);
  return out;
}

/** The results per item of `uptake report`: the prompts' funnels and each survey's results. */
export function formatItemResults(m: Metrics): string[] {
  const out: string[] = [];
  if (m.funnels?.length) {
    out.push('', 'Prompt funnels (people shown → clicked → reached the goal)');
    for (const f of m.funnels) {
      const p = m.prompts.find((x) => x.id === f.id);
      const known = p?.knownAround ? ` · uplift expected to be known around ${p.knownAround}` : '';
      out.push(
        !f.suppressed
          ? `  ${f.id}: ${int(f.shown)} → ${int(f.clicked)} clicked → ${int(f.goal)} reached the goal${known}`
          : `  ${f.id}: suppressed${known}`,
      );
    }
  }
  if (m.surveys?.length) {
    out.push('', "Surveys (each person's latest answer; a person's n-th response is in wave n)");
    for (const s of m.surveys) out.push(...surveyLines(s));
  }
  return out;
}
