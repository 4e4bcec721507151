export { unitHash } from './unit-hash.js';
export { assign } from './audience.js';
export type { Assignment } from './audience.js';
export { matchesGlob } from './url-glob.js';
export { isDue, daysSince } from './is-due.js';
export { allowedByFrequency, allowedByFatigue } from './caps.js';
export { selectDue } from './select-due.js';
export type { Decision } from './select-due.js';
export { emptyExposure, exposureAction, foldExposures } from './fold-exposures.js';
export type { ExposureAction, ExposureStep, Exposures } from './fold-exposures.js';
export type {
  Audience,
  Trigger,
  Frequency,
  RuleItem,
  Exposure,
  ExposureHistory,
  Fatigue,
  Person,
  LocalEvent,
  RuleContext,
} from './types.js';
