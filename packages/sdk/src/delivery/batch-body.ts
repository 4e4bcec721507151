import type { QueuedEvent } from '../types.js';

/** Serializes a batch. `sentAt` is set here, at the moment of sending, so the collector can correct device clocks. */
export function batchBody(writeKey: string, events: QueuedEvent[]): string {
  return JSON.stringify({ writeKey, sentAt: new Date().toISOString(), events });
}
