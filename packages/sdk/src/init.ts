import { checkOptions } from './check-options.js';
import { createClient, type Uptake } from './client/create-client.js';
import { warn } from './client/warn.js';
import { persistOptOut } from './privacy/opt-out.js';
import { trackingRefused } from './privacy/tracking-refused.js';
import type { UptakeOptions } from './types.js';

const noop = (): void => {};

/** A client that does nothing: what `init` returns when it cannot or may not run. `optOut` still records the choice. */
export const inertClient: Uptake = {
  identify: noop,
  track: noop,
  ai: { request: noop, output: () => ({ accepted: noop, edited: noop, rejected: noop, regenerated: noop }), feature: noop },
  task: noop,
  flush: async () => {},
  optOut: async () => persistOptOut(),
};

/**
 * Starts the SDK. Never throws: a bad option is reported once with `console.warn` and an inert
 * client is returned, so the host page keeps working. Also inert, silently, outside a browser (server
 * rendering), under Global Privacy Control, with `consent: 'denied'`, and after `optOut()`.
 */
export function init(options: UptakeOptions): Uptake {
  try {
    if (typeof window === 'undefined') return inertClient;
    const problem = checkOptions(options);
    if (problem) {
      warn(`${problem}; the SDK stays inert`);
      return inertClient;
    }
    return trackingRefused(options.consent) ? inertClient : createClient(options);
  } catch (error) {
    warn(`init failed, the SDK stays inert: ${error}`);
    return inertClient;
  }
}
