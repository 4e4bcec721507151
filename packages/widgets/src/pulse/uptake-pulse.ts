import { UptakePulseElement } from './pulse.component.js';

// Guarded so that two copies of the widgets on one page (script tag plus a bundle) do not throw.
if (!customElements.get('uptake-pulse')) customElements.define('uptake-pulse', UptakePulseElement);

declare global {
  interface HTMLElementTagNameMap {
    'uptake-pulse': UptakePulseElement;
  }
}

export { UptakePulseElement };
