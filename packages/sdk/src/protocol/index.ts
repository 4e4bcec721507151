export { limits } from './limits.js';
export { eventSchema, instantSchema } from './event-schema.js';
export type { WireEvent, WireEventInput, PropValue } from './event-schema.js';
export { batchSchema } from './batch-schema.js';
export type { Batch } from './batch-schema.js';
export { describeIssues, formatIssues } from './format-issues.js';
