import type { QueuedEvent } from '../types.js';

/**
 * Serializes a batch. `sentAt` is set here, at the moment of sending, so the collector can correct
 * device clocks. Each event's `userHash` moves into the batch's `identities` map, one per user id.
 */
export function batchBody(writeKey: string, events: QueuedEvent[]): string {
  const identities: Record<string, string> = {};
  const list = events.map(({ userHash, ...e }) => {
    if (userHash && e.userId) identities[e.userId] = userHash;
    return e;
  });
  return JSON.stringify({ writeKey, sentAt: new Date().toISOString(), identities, events: list });
}
