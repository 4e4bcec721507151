import type { OutputHandle } from './create-client.js';

export const noop = (): void => {};

/** What `ai.output()` returns when nothing can be recorded: an inert client, or a call that failed. */
export const noHandle: OutputHandle = { accepted: noop, edited: noop, rejected: noop, regenerated: noop };
