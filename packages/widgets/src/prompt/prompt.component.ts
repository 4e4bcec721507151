import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { promptStyles } from './prompt.styles.js';

/**
 * A tip card shown at the moment it helps. Its content is plain text: nothing from a config is
 * ever rendered as HTML.
 *
 * @summary Contextual micro-prompt.
 * @event uptake-action - The user chose the action; `detail: { promptId }`.
 * @event uptake-request-close - The user asked to close the card; cancelable; `detail: { promptId, reason }`.
 * @csspart base - The card.
 * @csspart title - The heading.
 * @csspart body - The text.
 * @csspart action - The action button.
 * @cssproperty --uptake-accent - Accent colour of buttons and focus rings.
 */
export class UptakePromptElement extends LitElement {
  static override styles = promptStyles;

  /** Id of the prompt in the config; carried in every event the card emits. */
  @property({ attribute: 'prompt-id' }) promptId = '';
  /** Heading of the tip. */
  @property() heading = '';
  /** Text of the tip. */
  @property() body = '';
  /** Label of the action button; no button when empty. */
  @property({ attribute: 'action-label' }) actionLabel = '';

  private emit(name: 'uptake-action' | 'uptake-request-close', detail: object, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable, detail }));
  }

  private close(reason: 'dismiss'): void {
    if (this.emit('uptake-request-close', { promptId: this.promptId, reason }, true)) this.hidden = true;
  }

  override render() {
    return html`<section part="base" role="note" aria-label=${this.heading}>
      <p part="title">${this.heading}</p>
      <p part="body">${this.body}</p>
      ${this.actionLabel ? html`<button part="action" @click=${() => this.emit('uptake-action', { promptId: this.promptId })}>${this.actionLabel}</button>` : nothing}
      <button part="dismiss" @click=${() => this.close('dismiss')}>Not now</button>
    </section>`;
  }
}
