import { css } from '../shared/css.js';
import { placementStyles, themeStyles } from '../shared/theme.styles.js';

export const pulseStyles = [
  themeStyles,
  placementStyles,
  css`
    [part~='base'] {
      width: 24rem;
      max-width: 100%;
    }
    .head {
      display: flex;
      align-items: start;
      justify-content: space-between;
      gap: 8px;
    }
    button.close {
      border-color: transparent;
      color: var(--uptake-text);
      font-size: 18px;
      line-height: 1;
      padding: 2px 8px;
    }
    .progress {
      color: var(--uptake-muted);
      font-size: 0.9em;
      margin: 0 0 8px;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    legend,
    label[part~='legend'] {
      display: block;
      padding: 0;
      margin-bottom: 6px;
    }
    .mark {
      color: var(--uptake-muted);
    }
    .options {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .row .options {
      flex-direction: row;
      flex-wrap: wrap;
    }
    .row label {
      display: inline-flex;
      flex-direction: column;
      align-items: center;
      min-width: 1.8em;
    }
    .list label {
      display: flex;
      gap: 6px;
      align-items: baseline;
    }
    .ends {
      display: flex;
      justify-content: space-between;
      color: var(--uptake-muted);
      font-size: 0.9em;
    }
    input,
    textarea {
      accent-color: var(--uptake-accent);
      font: inherit;
    }
    textarea,
    input[type='number'] {
      box-sizing: border-box;
      width: 100%;
      color: var(--uptake-text);
      background: var(--uptake-surface);
      border: 1px solid var(--uptake-border);
      border-radius: 6px;
      padding: 4px 6px;
    }
    [aria-invalid='true'] {
      border-color: var(--uptake-danger);
    }
    .error {
      color: var(--uptake-danger);
      margin: 6px 0 0;
    }
    .thanks {
      margin: 4px 0 0;
    }
    @media (forced-colors: active) {
      textarea,
      input[type='number'] {
        border-color: CanvasText;
      }
      .error {
        color: CanvasText;
      }
    }
  `,
];
