import { newId } from '../identity/new-id.js';
import type { QueuedEvent } from '../types.js';

/** The queue keeps at most this many events; past it the oldest go, counted in an `sdk.dropped` event. */
export const maxQueued = 10_000;

/**
 * A queued event older than this (7 days, the collector's default `maxEventAgeDays`) is dropped and
 * counted in `sdk.dropped`: the collector would refuse it, and a long-offline browser must not retry it forever.
 */
export const maxEventAgeMs = 7 * 864e5;

/** The event that counts `count` events dropped from a full queue; it belongs to whoever produced `like`. */
export function droppedEvent(like: QueuedEvent, count: number): QueuedEvent {
  return { ...like, id: newId(), name: 'sdk.dropped', ts: new Date().toISOString(), props: { count } };
}
