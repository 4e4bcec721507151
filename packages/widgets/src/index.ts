export { UptakePromptElement } from './prompt/uptake-prompt.js';
export type { PromptPlacement } from './prompt/prompt.component.js';
export { UptakePulseElement } from './pulse/uptake-pulse.js';
export type { PulseQuestion, PulseSurvey } from './pulse/survey.js';
export type { ActionDetail, AnswerDetail, CloseReason, RequestCloseDetail } from './shared/events.js';
export { builtInStrings, type UptakeStrings } from './shared/strings.js';
export { safeHref } from './shared/safe-href.js';
