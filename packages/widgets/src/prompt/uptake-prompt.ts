import { UptakePromptElement } from './prompt.component.js';

// Guarded so that two copies of the widgets on one page (script tag plus a bundle) do not throw.
if (!customElements.get('uptake-prompt')) customElements.define('uptake-prompt', UptakePromptElement);

declare global {
  interface HTMLElementTagNameMap {
    'uptake-prompt': UptakePromptElement;
  }
}

export { UptakePromptElement };
