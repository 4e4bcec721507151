import { checkOptions } from './check-options.js';
import { createClient, type Uptake } from './client/create-client.js';
import { noHandle, noop } from './client/no-handle.js';
import { warn } from './client/warn.js';
import { persistOptOut } from './privacy/opt-out.js';
import { trackingRefused } from './privacy/tracking-refused.js';
import type { Extras } from './prompts/connect-prompts.js';
import type { UptakeOptions } from './types.js';

/** A client that does nothing: what `init` returns when it cannot or may not run. `optOut` still records the choice. */
export const inertClient: Uptake = {
  identify: noop,
  track: noop,
  ai: { request: noop, output: () => noHandle, feature: noop },
  task: noop,
  flush: async () => {},
  optOut: async () => persistOptOut(),
  show: noop,
  preview: noop,
  explain: async () => [],
};

/**
 * What `init` and the script tag share: never throws; a bad option is reported once with
 * `console.warn` and an inert client is returned, so the host page keeps working. Also inert,
 * silently, outside a browser (server rendering), under Global Privacy Control, with
 * `consent: 'denied'`, and after `optOut()`. `extras` loads the prompts chunk and web-vitals the way
 * the build can: a dynamic import for bundlers, a script element for the script tag.
 */
export function startClient(options: UptakeOptions, extras: Extras): Uptake {
  try {
    if (typeof window === 'undefined') return inertClient;
    const problem = checkOptions(options);
    if (problem) {
      warn(`${problem}; the SDK stays inert`);
      return inertClient;
    }
    return trackingRefused(options.consent) ? inertClient : createClient(options, extras);
  } catch (error) {
    warn(`init failed, the SDK stays inert: ${error}`);
    return inertClient;
  }
}
