import { html, nothing } from 'lit/html.js';
import { emit, type ActionDetail, type CloseReason, type RequestCloseDetail } from '../shared/events.js';
import { safeHref } from '../shared/safe-href.js';
import type { PropertyDeclarations } from '../shared/small-element.js';
import { UptakeElement } from '../shared/uptake-element.js';
import { promptStyles } from './prompt.styles.js';

/** Where the card shows: fixed in a corner, next to an element of the page, or in the flow. */
export type PromptPlacement = 'toast' | 'anchor' | 'inline';

/**
 * A tip card shown at the moment it helps. It is non-modal and never takes focus; Escape closes it
 * while focus is inside. Its content is plain text: nothing from a config is ever rendered as HTML.
 *
 * @tag uptake-prompt
 * @summary Contextual micro-prompt.
 * @event uptake-action - The user chose the action; `detail: { promptId, href?, event? }`. Cancel it to stop a link's navigation (the card closes either way).
 * @event uptake-request-close - The user asked to close the card; cancelable; `detail: { promptId, reason: 'snooze' | 'dismiss' | 'escape' | 'action' }`.
 * @csspart base - The card.
 * @csspart title - The heading.
 * @csspart body - The text.
 * @csspart action - The action (a link or a button).
 * @csspart snooze - The "Not now" button.
 * @csspart dismiss - The "Don't show again" button.
 * @cssproperty --uptake-accent - Accent colour of buttons and focus rings.
 * @cssproperty --uptake-on-accent - Text on the accent colour.
 * @cssproperty --uptake-surface - Background of the card.
 * @cssproperty --uptake-text - Text colour.
 * @cssproperty --uptake-border - Border colour.
 * @cssproperty --uptake-radius - Corner radius.
 * @cssproperty --uptake-font - Font shorthand.
 * @cssproperty --uptake-offset - Distance of a toast from the viewport's corner, and of an anchored card from its anchor.
 */
export class UptakePromptElement extends UptakeElement {
  static override styles = promptStyles;

  // Declared here rather than with decorators: TypeScript's decorator helpers cost the script-tag
  // bundle about 500 B gzip (issue 22).
  static override properties: PropertyDeclarations = {
    promptId: { attribute: 'prompt-id' },
    heading: {},
    body: {},
    actionLabel: { attribute: 'action-label' },
    actionHref: { attribute: 'action-href' },
    actionEvent: { attribute: 'action-event' },
    placement: { reflect: true },
    anchor: {},
  };

  /** Id of the prompt in the config; carried in every event the card emits. */
  promptId = '';
  /** Heading of the tip. */
  heading = '';
  /** Text of the tip. */
  body = '';
  /** Label of the action; no action when empty. */
  actionLabel = '';
  /** Link of the action: http, https or relative; any other scheme is dropped and the action is a button. */
  actionHref = '';
  /** A name for the host app to act on, carried as `detail.event` of `uptake-action` (the config's `action.event`). */
  actionEvent = '';
  /** `toast` (default), `anchor` (next to `anchor`) or `inline`. */
  placement: PromptPlacement = 'toast';
  /** The element the card is placed next to with `placement="anchor"`: a selector, or the element. */
  anchor: string | Element | null = null;

  private readonly _reposition = () => this.position();

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('resize', this._reposition, { passive: true });
    addEventListener('scroll', this._reposition, { passive: true, capture: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('resize', this._reposition);
    removeEventListener('scroll', this._reposition, { capture: true });
  }

  protected override updated(): void {
    this.position();
  }

  protected closeDetail(reason: CloseReason): RequestCloseDetail {
    return { promptId: this.promptId, reason };
  }

  /** The anchor element, if any is found. */
  private anchorElement(): Element | null {
    if (typeof this.anchor !== 'string') return this.anchor;
    try {
      return document.querySelector(this.anchor);
    } catch {
      return null; // not a valid selector
    }
  }

  /**
   * Places an anchored card below its anchor (above when there is no room), aligned with its start
   * edge. Coordinates go through custom properties set with the CSSOM, which a strict
   * `style-src` policy allows (an inline `style` attribute would be blocked).
   */
  private position(): void {
    const anchor = this.placement === 'anchor' ? this.anchorElement() : null;
    if (!anchor || this.hidden) return;
    const a = anchor.getBoundingClientRect();
    const card = this.getBoundingClientRect();
    const gap = 8;
    const below = a.bottom + gap + card.height <= innerHeight || a.top - gap - card.height < 0;
    const top = below ? a.bottom + gap : a.top - gap - card.height;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const left = Math.max(gap, Math.min(rtl ? a.right - card.width : a.left, innerWidth - card.width - gap));
    this.style.setProperty('--_uptake-top', `${Math.round(top)}px`);
    this.style.setProperty('--_uptake-left', `${Math.round(left)}px`);
  }

  private onAction(e: Event, href: string | undefined): void {
    const detail: ActionDetail = { promptId: this.promptId };
    if (href) detail.href = href;
    if (this.actionEvent) detail.event = this.actionEvent;
    // Cancelling stops the link (the host routes it itself); the card has done its job either way.
    if (!emit(this, 'uptake-action', detail, true)) e.preventDefault();
    this.requestClose('action');
  }

  override render() {
    const t = this.text;
    const href = safeHref(this.actionHref);
    const action = !this.actionLabel
      ? nothing
      : href
        ? html`<a part="action" class="button primary" href=${href} @click=${(e: Event) => this.onAction(e, href)}>${this.actionLabel}</a>`
        : html`<button part="action" class="primary" type="button" @click=${(e: Event) => this.onAction(e, undefined)}>${this.actionLabel}</button>`;
    return html`<section part="base" aria-labelledby="title">
      <p part="title" class="title" id="title">${this.heading}</p>
      ${this.body ? html`<p part="body" class="body">${this.body}</p>` : nothing}
      <div class="buttons">
        ${action}
        <button part="snooze" type="button" @click=${() => this.requestClose('snooze')}>${t.snooze}</button>
        <button part="dismiss" type="button" @click=${() => this.requestClose('dismiss')}>${t.dismiss}</button>
      </div>
    </section>`;
  }
}
