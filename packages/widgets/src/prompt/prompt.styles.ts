import { css } from '../shared/css.js';
import { placementStyles, themeStyles } from '../shared/theme.styles.js';

export const promptStyles = [
  themeStyles,
  placementStyles,
  css`
    /* Coordinates are set by the element through the CSSOM (allowed by a strict style-src). */
    :host([placement='anchor']) {
      position: fixed;
      top: var(--_uptake-top, 0);
      left: var(--_uptake-left, 0);
    }
    .body {
      margin: 0;
      white-space: pre-line;
    }
  `,
];
