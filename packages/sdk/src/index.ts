export { init } from './init.js';
export type { Uptake, OutputHandle, AiHelpers, TaskOptions, IdentifyOptions } from './client/create-client.js';
export type { UptakeOptions, Props, PropValue } from './types.js';
