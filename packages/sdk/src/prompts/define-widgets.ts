// Entry of `uptake-widgets.js`, the script tag's widgets (Lit, <uptake-prompt> and <uptake-pulse>):
// `uptake-prompts.js` leaves them out and loads this file the first time something shows.
export { UptakePromptElement, UptakePulseElement } from '@uptake/widgets';
