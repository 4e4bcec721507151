import { html, nothing } from 'lit/html.js';
import { keyed } from 'lit/directives/keyed.js';
import { emit, type CloseReason, type RequestCloseDetail } from '../shared/events.js';
import { format } from '../shared/strings.js';
import type { PropertyDeclarations, PropertyValues } from '../shared/small-element.js';
import { UptakeElement } from '../shared/uptake-element.js';
import { pulseStyles } from './pulse.styles.js';
import { readAnswer, renderQuestion } from './question.js';
import type { PulseSurvey } from './survey.js';

/** The `survey` attribute is JSON; anything that does not parse is no survey rather than an exception. */
const surveyFromAttribute = (value: string | null): PulseSurvey | null => {
  try {
    return value ? (JSON.parse(value) as PulseSurvey) : null;
  } catch {
    return null;
  }
};

/**
 * A pulse survey, one question at a time. Each answer is emitted as soon as the user moves past its
 * question, so a survey left half way still counts. It never takes focus when it appears: focus
 * moves inside only once the user does, and goes back where it was when the survey closes.
 *
 * @tag uptake-pulse
 * @summary Pulse survey.
 * @event uptake-answer - One answer; `detail: { surveyId, questionId, value }`. `value` is a number (`scale`, `nps`, `number`), the option (`choice`), the text (`text`) or a JSON array of options (`multi`).
 * @event uptake-request-close - The user asked to close the survey; cancelable; `detail: { surveyId, reason: 'dismiss' | 'escape' | 'done' }`.
 * @csspart base - The card.
 * @csspart title - The survey's title.
 * @csspart close - The close button.
 * @csspart progress - "Question 2 of 3".
 * @csspart question - The fieldset, or the text or number field.
 * @csspart legend - The question's text.
 * @csspart option - The label of one option.
 * @csspart ends - The end labels of a scale.
 * @csspart input - The text or number field.
 * @csspart error - The validation message.
 * @csspart next - The next / send button.
 * @csspart thanks - The thank-you message.
 * @csspart done - The close button under the thank-you.
 * @cssproperty --uptake-accent - Accent colour of buttons, controls and focus rings.
 * @cssproperty --uptake-on-accent - Text on the accent colour.
 * @cssproperty --uptake-surface - Background of the card.
 * @cssproperty --uptake-text - Text colour.
 * @cssproperty --uptake-muted - Secondary text colour.
 * @cssproperty --uptake-border - Border colour.
 * @cssproperty --uptake-danger - Colour of validation messages.
 * @cssproperty --uptake-radius - Corner radius.
 * @cssproperty --uptake-font - Font shorthand.
 * @cssproperty --uptake-offset - Distance of a toast from the viewport's corner.
 */
export class UptakePulseElement extends UptakeElement {
  static override styles = pulseStyles;

  // Declared here rather than with decorators (see UptakePromptElement).
  static override properties: PropertyDeclarations = {
    survey: { converter: { fromAttribute: surveyFromAttribute } },
    placement: { reflect: true },
    _step: { state: true },
    _done: { state: true },
    _error: { state: true },
  };

  /** The survey to show: a `surveys[]` entry of the config (a property, or JSON in the attribute). */
  survey: PulseSurvey | null = null;
  /** `toast` (default): fixed in a corner; `inline`: in the flow of its container. */
  placement: 'toast' | 'inline' = 'toast';

  private _step = 0;
  private _done = false;
  private _error = '';

  protected closeDetail(reason: CloseReason): RequestCloseDetail {
    // After the thank-you, any way out is the end of the survey, not a dismissal of it.
    return { surveyId: this.survey?.id ?? '', reason: this._done ? 'done' : reason };
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('survey')) {
      this._step = 0;
      this._done = false;
      this._error = '';
    }
  }

  /** Moves focus to `selector` inside, only if the user already has focus inside. */
  private async follow(selector: string): Promise<void> {
    const inside = Boolean(this.shadowRoot?.activeElement);
    await this.updateComplete;
    if (inside) this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    const survey = this.survey;
    const question = survey?.questions[this._step];
    if (!survey || !question) return;
    const result = readAnswer(question, this.renderRoot, this.text);
    if ('error' in result) {
      this._error = result.error;
      void this.follow('[name="answer"]');
      return;
    }
    this._error = '';
    if (result.value !== null) emit(this, 'uptake-answer', { surveyId: survey.id, questionId: question.id, value: result.value });
    if (this._step + 1 < survey.questions.length) {
      this._step += 1;
      void this.follow('[name="answer"]');
    } else {
      this._done = true;
      void this.follow('[part~="thanks"]');
    }
  }

  override render() {
    const survey = this.survey;
    const question = survey?.questions[this._step];
    if (!survey || !question) return nothing;
    const t = this.text;
    const total = survey.questions.length;
    const last = this._step + 1 === total;
    return html`<section part="base" aria-labelledby="title">
      <div class="head">
        <p part="title" class="title" id="title">${survey.title || t.survey}</p>
        <button part="close" class="close" type="button" aria-label=${t.close} @click=${() => this.requestClose('dismiss')}>×</button>
      </div>
      ${
        this._done
          ? html`<p part="thanks" class="thanks" tabindex="-1">${t.thanks}</p>
            <div class="buttons"><button part="done" class="primary" type="button" @click=${() => this.requestClose('done')}>${t.close}</button></div>`
          : html`<form novalidate @submit=${this.onSubmit}>
            <p part="progress" class="progress">${format(t.progress, { n: this._step + 1, total })}</p>
            ${keyed(`${this._step}:${question.id}`, renderQuestion(question, t, this._error ? 'error' : ''))}
            ${this._error ? html`<p part="error" class="error" id="error">${this._error}</p>` : nothing}
            <div class="buttons"><button part="next" class="primary" type="submit">${last ? t.submit : t.next}</button></div>
          </form>`
      }
    </section>`;
  }
}
