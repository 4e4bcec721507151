import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Metrics, PromptFunnel, PromptMetrics, QuestionResult, SurveyResult } from '../../src/metrics/types.js';
import { getJson } from './api.js';
import { int, knownAroundNote, pct, points, pointsRange } from './format.js';
import { LightElement } from './light-element.js';
import type { Kind } from './studio-draft.js';
import { decidingInterval, verdict } from '../../src/metrics/verdict-words.js';

const num = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toFixed(Math.abs(n) < 10 ? 2 : 1));
const share = (part: number | null, whole: number | null) => (part === null || !whole ? '' : ` (${pct(part / whole)})`);
const nps = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(0)}`);

/** The one line an item's row of the studio list says of its result. */
export function headline(kind: Kind, id: string, m: Metrics | null): string {
  if (!m) return '—';
  if (kind === 'prompt') {
    const p = m.prompts.find((x) => x.id === id);
    if (!p) return 'no goal: no uplift';
    if (p.uplift !== null) return `uplift ${points(p.uplift)}, ${verdict(p) ?? 'not tested'}`;
    return p.knownAround === undefined ? 'too few people yet' : knownAroundNote(p.knownAround);
  }
  const s = m.surveys?.find((x) => x.id === id);
  if (!s || s.suppressed) return 'too few answers yet';
  return `${int(s.respondents)} answered (${pct(s.responseRate)})`;
}

function table(caption: string, head: string[], rows: (string | number)[][]): TemplateResult {
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${`${caption}, table`}>
    <table>
      <caption>${caption}</caption>
      <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}</tr>`)}</tbody>
    </table>
  </div>`;
}

/** A prompt's results on its studio screen: the uplift and its verdict, then the funnel. */
export function promptResults(p: PromptMetrics | undefined, f: PromptFunnel | undefined): TemplateResult {
  if (!p || !f) return html`<p class="note">This prompt has no goal: the metrics measure a prompt against its goal.</p>`;
  const d = decidingInterval(p);
  const uplift =
    p.uplift !== null && d
      ? `Uplift ${points(p.uplift)} against the holdout${d.adjusted ? `, ${points(d.uplift)} adjusted for each person's goal events in the 14 days before` : ''}; always-valid interval ${pointsRange(d.low, d.high)}: ${verdict(p)}.`
      : p.uplift !== null && p.noVerdict
        ? `Uplift ${points(p.uplift)} against the holdout: ${verdict(p)}.`
        : `Uplift: ${p.knownAround === undefined ? 'too few people in an arm yet' : knownAroundNote(p.knownAround)}.`;
  return html`<p>${uplift}</p>
    ${
      f.suppressed
        ? html`<p class="note">Funnel: too few people shown yet.</p>`
        : table(
            'Funnel (people shown the prompt)',
            ['Step', 'People'],
            [
              ['Shown', int(f.shown)],
              ['Clicked its action', `${int(f.clicked)}${share(f.clicked, f.shown)}`],
              ['Reached the goal', `${int(f.goal)}${share(f.goal, f.shown)}`],
            ],
          )
    }`;
}

function questionResults(q: QuestionResult, caption: string): TemplateResult {
  if (q.suppressed) return html`<p class="note">${caption}: too few answers.</p>`;
  const summary = [
    `${int(q.respondents)} answered`,
    q.mean === undefined ? '' : `mean ${num(q.mean)}${q.ci95 ? ` (95% interval ${num(q.ci95[0])} … ${num(q.ci95[1])})` : ''}`,
    q.median === undefined ? '' : `median ${num(q.median)}`,
    q.nps === undefined ? '' : `NPS ${nps(q.nps)}`,
  ].filter(Boolean);
  const rows = (q.histogram ?? []).map((b) => [String(b.value), int(b.people, b.people === null)]);
  if (q.other !== undefined && q.other !== 0) rows.push(['Other answers', int(q.other, q.other === null)]);
  return html`<p>${caption}: ${summary.join(' · ')}</p>
    ${rows.length ? table(`${caption}: people per answer`, ['Answer', 'People'], rows) : nothing}
    ${
      q.trend?.length
        ? table(
            `${caption}: by week`,
            ['Week', 'Answers', ...(q.mean === undefined ? [] : ['Mean']), ...(q.nps === undefined ? [] : ['NPS'])],
            q.trend.map((w) => [
              w.week,
              int(w.answers, w.suppressed),
              ...(q.mean === undefined ? [] : [num(w.mean)]),
              ...(q.nps === undefined ? [] : [nps(w.nps)]),
            ]),
          )
        : nothing
    }`;
}

/**
 * `<uptake-studio-results>`: one item's results as the caller's token reads `/v1/metrics` (a viewer's
 * or an editor's protected figures, an analyst's or an admin's exact ones), and for a survey's text
 * questions the answers, which only an analyst or an admin may read. Every text is a Lit text binding.
 */
export class StudioResults extends LightElement {
  @property({ attribute: false }) token = '';
  @property({ attribute: false }) kind: Kind = 'prompt';
  @property({ attribute: false }) itemId = '';
  @property({ attribute: false }) metrics: Metrics | null = null;
  @state() private answers = new Map<string, string[] | string>();

  private async readAnswers(question: string): Promise<void> {
    try {
      const body = await getJson<{ answers: { value: string; week: string }[] }>(
        `v1/surveys/${encodeURIComponent(this.itemId)}/answers`,
        this.token,
        { question },
      );
      this.answers = new Map(this.answers).set(
        question,
        body.answers.map((a) => `${a.week}: ${a.value}`),
      );
    } catch (error) {
      this.answers = new Map(this.answers).set(question, (error as Error).message);
    }
  }

  private textAnswers(q: QuestionResult): TemplateResult {
    const read = this.answers.get(q.id);
    if (read === undefined) return html`<button type="button" @click=${() => this.readAnswers(q.id)}>Read the answers to ${q.id}</button>`;
    if (typeof read === 'string') return html`<p class="note" role="status">${read}</p>`;
    return html`<ul class="text-answers" aria-label=${`Answers to ${q.id}`}>${read.map((a) => html`<li>${a}</li>`)}</ul>`;
  }

  private surveyResults(s: SurveyResult | undefined): TemplateResult {
    if (!s || s.suppressed) return html`<p class="note">Too few people answered yet: results show from the minimum group size on.</p>`;
    return html`<p>${int(s.respondents)} of ${int(s.shown)} people shown answered (${pct(s.responseRate)}).</p>
      ${s.questions.map(
        (q) => html`<h4>${q.id} <span class="note">(${q.type})</span></h4>
          ${questionResults(q, q.id)} ${q.type === 'text' ? this.textAnswers(q) : nothing}`,
      )}
      ${
        s.waves.length > 1
          ? html`<h4>Waves</h4>
            ${s.waves.map(
              (w) => html`<p>Wave ${w.wave}: ${int(w.respondents, w.suppressed)} respondents</p>
              ${w.questions.filter((q) => q.mean !== undefined || q.nps !== undefined).map((q) => questionResults(q, `Wave ${w.wave}, ${q.id}`))}`,
            )}`
          : nothing
      }`;
  }

  override render() {
    const m = this.metrics;
    const week = m?.figuresAsOf
      ? html`<p class="note">Figures as of the week ending ${m.figuresAsOf}; counts may be off by a few so that no one can be singled out.</p>`
      : nothing;
    return html`<section class="studio-results" aria-labelledby="studio-results-title">
      <h3 id="studio-results-title">Results of ${this.itemId}</h3>
      ${week}
      ${
        !m
          ? html`<p class="note">No figures: the metrics could not be read.</p>`
          : this.kind === 'prompt'
            ? promptResults(
                m.prompts.find((p) => p.id === this.itemId),
                m.funnels?.find((f) => f.id === this.itemId),
              )
            : this.surveyResults(m.surveys?.find((s) => s.id === this.itemId))
      }
    </section>`;
  }
}
