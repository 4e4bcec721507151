import type { QueuedEvent } from '../types.js';
import { droppedEvent, maxQueued } from './dropped-event.js';
import type { EventQueue } from './event-queue.js';

/** The queue where IndexedDB is unavailable: it lasts as long as the page, with the same bound. An event's key is its position counted from the first ever added. */
export function createMemoryQueue(): EventQueue {
  let events: QueuedEvent[] = [];
  let first = 0;
  return {
    async add(added) {
      events.push(...added);
      const excess = events.length - maxQueued;
      if (excess > 0) {
        events = events.slice(excess + 1);
        first += excess + 1;
        events.push(droppedEvent(added[added.length - 1] as QueuedEvent, excess + 1));
      }
    },
    async peek(n) {
      return { keys: events.slice(0, n).map((_, i) => first + i), events: events.slice(0, n) };
    },
    async remove(keys) {
      // Only a batch from the head is ever removed (one sender per tab): drop that many.
      const count = keys.filter((k) => k >= first).length;
      events = events.slice(count);
      first += count;
    },
    async clear() {
      first += events.length;
      events = [];
    },
  };
}
