export { UptakePromptElement } from './prompt/uptake-prompt.js';
