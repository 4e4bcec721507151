import { namePattern } from '../protocol/limits.js';

/**
 * The wire protocol's rule for event names. Taken from the protocol's limits: the build keeps only
 * the limits the SDK reads, so the others cost `uptake.js` nothing.
 */
export const eventName = namePattern;
