import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PromptMetrics } from '../../src/metrics/types.js';
import type { PowerPlanReport } from '../../src/stats/power-plan.js';
import type { PlanEstimate } from '../../src/studio/plan-estimate.js';
import { int, pct } from './format.js';
import { LightElement } from './light-element.js';
import { type Asked, SettledAsk } from './settled-ask.js';
import { studioApi } from './studio-api.js';
import type { Draft } from './studio-draft.js';

/** The part of a draft the plan depends on: asked again only when it changes. */
const planKey = (d: Draft) => JSON.stringify([d['tools'], d['audience'], d['trigger'], d['goal'], d['plan']]);

/** Why there is no number of exposures: the plan's own reason, in a few words. */
function missingWhy(p: PowerPlanReport): string {
  if (p.holdout <= 0) return 'none: no holdout to compare with';
  if (!p.baseline) return 'withheld: too few comparable people for a baseline';
  return 'none: the effect would pass 100%';
}

/**
 * The figures of a plan: its sentence (the collector's `summary`, the one `uptake report` prints),
 * exposures needed, days to reach them and, after launch, the exposures so far out of the need.
 */
function planFigures(p: PowerPlanReport, from: string, launched: boolean): TemplateResult {
  const need = p.exposuresNeeded;
  const none = missingWhy(p);
  const pace = `${p.reachPerDay.toFixed(1)} a day (${p.reachSource === 'trigger' ? 'the trigger’s reach over the last 4 weeks' : 'exposures of the last 2 weeks'})`;
  const days = !need
    ? none
    : p.expectedDays === null
      ? 'unknown: nobody met the trigger lately'
      : p.expectedDays === 0
        ? 'none: it has them'
        : `about ${int(p.expectedDays)}, at ${pace}`;
  const progress =
    p.progress.exposures === null
      ? 'withheld while an arm has too few people (the results say when it is expected to be known)'
      : need
        ? `${int(p.progress.exposures)} of ${int(need.alwaysValid)}${typeof p.progress.share === 'number' ? ` (${pct(p.progress.share)})` : ''}`
        : `${int(p.progress.exposures)}; the need is ${none.replace(':', ',')}`;
  return html`<p class="plan-summary">${p.summary}</p>
    <dl class="plan-figures">
      <dt>Exposures needed, looked at every day (always valid)</dt><dd data-plan="always-valid">${need ? int(need.alwaysValid) : none}</dd>
      <dt>Exposures needed, looked at once (fixed horizon)</dt><dd data-plan="fixed-horizon">${need ? int(need.fixedHorizon) : none}</dd>
      <dt>Days to reach them</dt><dd data-plan="days">${days}</dd>
      ${launched ? html`<dt>Exposed so far (both arms)</dt><dd data-plan="progress">${progress}</dd>` : nothing}
    </dl>
    <p class="note">To detect ${+(p.minimumDetectableEffect * 100).toFixed(1)} points (the goal’s minimum detectable effect) with a ${pct(p.holdout)} holdout, α ${p.alpha}, power ${p.power}. ${from}</p>`;
}

/**
 * `<uptake-studio-plan>`: a prompt's power plan beside its preview (issue 17). Once published, the
 * plan of `GET /v1/metrics`, with the progress since launch; for a draft, `POST
 * /v1/admin/prompts/{id}/plan` on the draft as it stands (at its `plan.minimumDetectableEffect`, else
 * the collector's default), asked again when its audience, trigger, goal or plan stay changed for a
 * moment. Announced politely, like the reach estimate.
 */
export class StudioPlan extends LightElement {
  @property({ attribute: false }) token = '';
  @property({ attribute: false }) itemId = '';
  /** The prompt as the editor last found it valid; null while it never was. */
  @property({ attribute: false }) draft: Draft | null = null;
  /** Whether the prompt was ever published: then the exposures so far are shown. */
  @property({ attribute: false }) launched = false;
  /** The prompt's entry in `/v1/metrics` once published; undefined when there is none. */
  @property({ attribute: false }) measured: PromptMetrics | undefined = undefined;
  @state() private plan: Asked<PlanEstimate> = { state: 'idle' };
  private planAsk = new SettledAsk<PlanEstimate>((plan) => (this.plan = plan));

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('draft') && !changed.has('measured') && !changed.has('token')) return;
    const draft = this.draft;
    if (this.measured || !draft?.['goal'] || !this.token) return;
    this.planAsk.ask(planKey(draft), () => studioApi.plan(this.token, this.itemId || 'new-item', draft));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.planAsk.stop();
  }

  private body(): TemplateResult {
    const m = this.measured;
    if (m)
      return m.plan
        ? planFigures(m.plan, 'As GET /v1/metrics and uptake report give it, on counts released as your role reads them.', this.launched)
        : html`<p class="plan-summary">Withheld: the metrics give no power plan of this prompt to this token.</p>`;
    if (!this.draft) return html`<p class="note">The plan appears once the prompt is valid.</p>`;
    if (!this.draft['goal']) return html`<p class="note">No goal: a plan needs a goal, the event that means the prompt worked.</p>`;
    const p = this.plan;
    if (p.state === 'done') {
      const asOf = p.answer.asOf.slice(0, 16).replace('T', ' ');
      const from = `For the prompt as it stands, as of ${asOf} UTC; counts are rounded with noise so that no one can be singled out.`;
      return planFigures(p.answer, from, this.launched);
    }
    return html`<p class="note">${p.state === 'failed' ? `No plan: ${p.message}` : 'Planning…'}</p>`;
  }

  override render() {
    return html`<h4>Power plan</h4>
      <div class="studio-plan" aria-live="polite">${this.body()}</div>`;
  }
}
