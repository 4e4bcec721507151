import type { Uptake } from './client/create-client.js';
import { moduleExtras } from './module-extras.js';
import { startClient } from './start-client.js';
import type { UptakeOptions } from './types.js';

/**
 * Starts the SDK. Never throws: a bad option is reported once with `console.warn` and an inert
 * client is returned, so the host page keeps working. Also inert, silently, outside a browser (server
 * rendering), under Global Privacy Control, with `consent: 'denied'`, and after `optOut()`.
 */
export function init(options: UptakeOptions): Uptake {
  return startClient(options, moduleExtras);
}
