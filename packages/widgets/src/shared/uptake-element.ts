import { type PropertyDeclarations, SmallElement } from './small-element.js';
import { emit, type CloseReason, type RequestCloseDetail } from './events.js';
import { resolveStrings, type UptakeStrings } from './strings.js';

/**
 * What both widgets share: overridable strings, Escape to close, a cancelable
 * `uptake-request-close`, and focus handed back to where it came from. A widget never takes focus
 * by itself; it only returns focus that the user moved into it.
 */
export abstract class UptakeElement extends SmallElement {
  // Declared here rather than with decorators (see UptakePromptElement).
  static override properties: PropertyDeclarations = {
    strings: { attribute: false },
    theme: { reflect: true },
  };

  /** Text to use instead of the built-in strings of the element's language (its `lang` or the nearest one). */
  strings?: Partial<UptakeStrings>;
  /** `light` or `dark`; when absent the system preference decides. */
  theme?: 'light' | 'dark';

  /** Where focus was before the user moved it into the widget. */
  private _focusOrigin: HTMLElement | null = null;

  constructor() {
    super();
    this.addEventListener('focusin', (e) => {
      const from = e.relatedTarget;
      // A move inside the shadow root arrives retargeted to the host itself.
      if (from instanceof HTMLElement && from !== this && !this.contains(from)) this._focusOrigin = from;
      else if (from === null && !this.shadowRoot?.activeElement) this._focusOrigin = null;
    });
    this.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      this.requestClose('escape');
    });
  }

  /** The id the close event carries. */
  protected abstract closeDetail(reason: CloseReason): RequestCloseDetail;

  /** The strings in effect. */
  protected get text(): UptakeStrings {
    return resolveStrings(this, this.strings);
  }

  /**
   * Emits `uptake-request-close`; unless a listener cancels it, hides the widget and returns focus
   * to where it was before the user moved it in. Returns whether the widget closed.
   */
  requestClose(reason: CloseReason): boolean {
    if (!emit(this, 'uptake-request-close', this.closeDetail(reason), true)) return false;
    const hadFocus = Boolean(this.shadowRoot?.activeElement);
    this.hidden = true;
    if (hadFocus) this._focusOrigin?.focus();
    return true;
  }
}
