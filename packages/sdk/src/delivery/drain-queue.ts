import { warn } from '../client/warn.js';
import { droppedEvent, maxEventAgeMs } from '../storage/dropped-event.js';
import type { EventQueue } from '../storage/event-queue.js';
import type { QueuedEvent } from '../types.js';
import { backoff, backoffMaxMs } from './backoff.js';
import type { PostResult } from './post-batch.js';
import type { Renew } from './with-sender-lock.js';

/** What a drain needs: where events wait, how a batch is sent, how to keep the right to send. */
export interface DrainOptions {
  queue: EventQueue;
  send(events: QueuedEvent[]): Promise<PostResult>;
  renew: Renew;
  /** Called with the events of each batch the collector answered (stored, or refused for good). */
  confirmed(events: QueuedEvent[]): void;
}

/** Survives from one drain to the next: failures in a row, and the batch size a `413` taught. */
export interface DrainState {
  attempt: number;
  batchSize: number;
}

/**
 * Sends queued events batch by batch, oldest first, until the queue is empty or a send fails.
 * Resolves how many milliseconds to wait before the next try, or `undefined` when nothing is left
 * (or another tab took over). An event the collector refuses by index is removed alone; a failed
 * batch stays queued whole.
 */
export async function drainQueue(o: DrainOptions, state: DrainState): Promise<number | undefined> {
  for (;;) {
    if (!(await o.renew())) return undefined;
    const { keys, events } = await o.queue.peek(state.batchSize);
    if (events.length === 0) return undefined;
    // Events come out in the order they were queued, so the ones past the age limit lead the batch.
    let stale = 0;
    while (stale < events.length && Date.now() - Date.parse(events[stale]!.ts) > maxEventAgeMs) stale++;
    if (stale) {
      await o.queue.remove(keys.slice(0, stale));
      await o.queue.add([droppedEvent(events[stale - 1]!, stale)]);
      o.confirmed(events.slice(0, stale));
      continue;
    }
    const { status, rejected, retryAfter, fromCollector } = await o.send(events);
    const done = async (): Promise<void> => {
      await o.queue.remove(keys);
      o.confirmed(events);
    };
    if (status >= 200 && status < 300) {
      state.attempt = 0;
      const first = rejected[0];
      if (first) warn(`collector refused ${events[first.index]?.name}: ${first.error}`);
      await done();
    } else if (status === 413 && events.length > 1) {
      // Too large: halve the batch until it fits (100 events with 32 long props each can pass 1 MiB).
      state.batchSize = Math.ceil(events.length / 2);
    } else if ((status === 400 || status === 413) && fromCollector) {
      // The collector refused the envelope itself; the same bytes will never pass, and keeping them
      // would block the queue. A 400 that is not the collector's (a proxy, a wrong URL) keeps them.
      warn(`collector answered ${status}; ${events.length} events dropped`);
      await done();
    } else {
      state.attempt++;
      if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
        // 401, 403, 404: a configuration problem an operator can fix; keep the events and ask rarely.
        warn(`collector answered ${status}; check its URL, the write key and the tool's origins`);
        return backoffMaxMs;
      }
      return retryAfter ?? backoff(state.attempt);
    }
  }
}
