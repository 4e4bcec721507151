import { css } from 'lit';

export const promptStyles = css`
  :host {
    --uptake-accent: #1d4ed8;
    --uptake-surface: #ffffff;
    --uptake-text: #111827;
    --uptake-radius: 8px;
    display: block;
    font: 14px/1.45 system-ui, sans-serif;
    color: var(--uptake-text);
  }
  [part='base'] {
    background: var(--uptake-surface);
    border: 1px solid #d1d5db;
    border-radius: var(--uptake-radius);
    padding: 12px 14px;
    max-width: 22rem;
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.12);
  }
  [part='title'] {
    font-weight: 600;
    margin: 0 0 4px;
  }
  [part='body'] {
    margin: 0 0 10px;
  }
  button {
    font: inherit;
    border-radius: 6px;
    border: 1px solid var(--uptake-accent);
    padding: 4px 10px;
    cursor: pointer;
    background: transparent;
    color: var(--uptake-accent);
  }
  button[part='action'] {
    background: var(--uptake-accent);
    color: #fff;
  }
  button:focus-visible {
    outline: 2px solid var(--uptake-accent);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    [part='base'] {
      border-color: CanvasText;
    }
    button {
      border-color: ButtonText;
    }
  }
`;
