import { checkOptions } from './check-options.js';
import { createClient, type Uptake } from './create-client.js';
import type { UptakeOptions } from './types.js';

const noop = (): void => {};

/** A client that does nothing: what `init` returns when it cannot or may not run. */
export const inertClient: Uptake = {
  identify: noop,
  track: noop,
  ai: { request: noop, output: () => ({ accepted: noop, edited: noop, rejected: noop, regenerated: noop }), feature: noop },
  task: noop,
  flush: async () => {},
};

/**
 * Starts the SDK. Never throws: a bad option is reported once with `console.warn` and an inert
 * client is returned, so the host page keeps working.
 */
export function init(options: UptakeOptions): Uptake {
  try {
    const problem = checkOptions(options);
    if (problem) {
      console.warn(`[uptake] ${problem}; the SDK stays inert`);
      return inertClient;
    }
    return createClient(options);
  } catch (error) {
    console.warn(`[uptake] init failed, the SDK stays inert: ${String(error)}`);
    return inertClient;
  }
}
