import { css } from './css.js';

// The dark palette, for theme="dark" and for a dark system preference unless theme="light".
const dark = css`
    --uptake-accent: #93c5fd;
    --uptake-on-accent: #111827;
    --uptake-surface: #1f2937;
    --uptake-text: #f9fafb;
    --uptake-muted: #d1d5db;
    --uptake-border: #9ca3af;
    --uptake-danger: #fca5a5;
`;

/**
 * The theme both widgets share: custom properties with AA-contrast defaults (light and dark),
 * buttons, the focus ring, and the forced-colors and reduced-motion rules.
 */
export const themeStyles = css`
  :host {
    --uptake-accent: #1d4ed8;
    --uptake-on-accent: #ffffff;
    --uptake-surface: #ffffff;
    --uptake-text: #111827;
    --uptake-muted: #4b5563;
    --uptake-border: #6b7280;
    --uptake-danger: #b91c1c;
    --uptake-radius: 8px;
    --uptake-font: 14px/1.45 system-ui, sans-serif;
    --uptake-shadow: 0 4px 16px rgb(0 0 0 / 0.16);
    --uptake-transition: 160ms ease-out;
    display: block;
    font: var(--uptake-font);
    color: var(--uptake-text);
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([hidden]) {
    display: none;
  }
  [part~='base'] {
    box-sizing: border-box;
    background: var(--uptake-surface);
    color: var(--uptake-text);
    border: 1px solid var(--uptake-border);
    border-radius: var(--uptake-radius);
    padding: 12px 14px;
    max-width: 24rem;
    box-shadow: var(--uptake-shadow);
    transition: opacity var(--uptake-transition), transform var(--uptake-transition);
  }
  .title {
    font-weight: 600;
    margin: 0 0 4px;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 10px;
  }
  button,
  a.button {
    font: inherit;
    border-radius: 6px;
    border: 1px solid var(--uptake-accent);
    padding: 4px 10px;
    cursor: pointer;
    background: transparent;
    color: var(--uptake-accent);
    text-decoration: none;
    transition: background-color var(--uptake-transition);
  }
  .primary {
    background: var(--uptake-accent);
    color: var(--uptake-on-accent);
  }
  :focus-visible {
    outline: 2px solid var(--uptake-accent);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    [part~='base'] {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    [part~='base'] {
      border-color: CanvasText;
      box-shadow: none;
    }
    button,
    a.button {
      border-color: ButtonText;
    }
    .primary {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** `placement="toast"`: fixed in the viewport's end corner; `placement="inline"`: in the flow of its container. */
export const placementStyles = css`
  :host {
    --uptake-offset: 16px;
    z-index: 2147483000;
  }
  :host([placement='toast']) {
    position: fixed;
    inset-block-end: var(--uptake-offset);
    inset-inline-end: var(--uptake-offset);
    max-width: calc(100vw - 2 * var(--uptake-offset));
  }
  :host([placement='inline']) {
    position: static;
  }
`;
