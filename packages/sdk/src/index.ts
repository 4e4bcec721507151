export { init } from './init.js';
export type { Uptake, OutputHandle } from './create-client.js';
export type { UptakeOptions, Props, PropValue } from './types.js';
