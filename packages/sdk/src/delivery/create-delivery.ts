import { newId } from '../identity/new-id.js';
import { maxQueued } from '../storage/dropped-event.js';
import { createEventQueue } from '../storage/event-queue.js';
import { openQueueDb } from '../storage/open-queue-db.js';
import type { QueuedEvent } from '../types.js';
import { batchBody } from './batch-body.js';
import { beaconEvents } from './beacon-events.js';
import { drainQueue, type DrainState } from './drain-queue.js';
import { postBatch } from './post-batch.js';
import { withSenderLock } from './with-sender-lock.js';

/** A batch carries at most this many events (SPEC "The SDK"). */
export const maxBatch = 100;
/** A beacon carries at most this many of the tab's latest unconfirmed events; the rest wait in IndexedDB. */
const maxRecent = 300;

/** Where and how often to deliver. */
export interface DeliveryOptions {
  /** The collector's `/v1/batch` URL. */
  url: string;
  writeKey: string;
  /** Names the queue database and the sender lock, shared by the tool's tabs. */
  tool: string;
  /** Milliseconds between scheduled sends. */
  interval: number;
}

/** Takes events from the page and gets them to the collector. */
export interface Delivery {
  /** Takes an event: kept in memory at once (cheap), written to IndexedDB at the next task. */
  add(event: QueuedEvent): void;
  /** Writes buffered events to IndexedDB and sends the queue now, unless another tab is sending it. */
  flush(): Promise<void>;
  /** Stops for good and deletes everything queued. */
  stop(): Promise<void>;
}

/**
 * Memory buffer → IndexedDB → batches of at most 100 events, every `interval` ms or as soon as 100
 * are waiting; one tab sends at a time; beacons when the page is hidden; holds while offline and
 * resumes on `online`; retries with backoff.
 */
export function createDelivery(o: DeliveryOptions): Delivery {
  const lockName = `uptake:${o.tool}`;
  const db = openQueueDb(lockName);
  const queue = createEventQueue(db);
  const owner = newId();
  const state: DrainState = { attempt: 0, batchSize: maxBatch };
  /** Tracked, not yet written to IndexedDB. */
  let buffer: QueuedEvent[] = [];
  /** This tab's events no send has confirmed yet: what a beacon carries when the page goes away. */
  let recent: QueuedEvent[] = [];
  let written: Promise<void> = Promise.resolve();
  let writeScheduled = false;
  let fresh = 0;
  let cycle: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const write = (): Promise<void> => {
    writeScheduled = false;
    const events = buffer;
    if (events.length > 0) {
      buffer = [];
      // A failed write (quota, a closing database) keeps the events in memory for the next try.
      written = written.then(() => queue.add(events)).catch(() => void (buffer = events.concat(buffer).slice(-maxQueued)));
    }
    return written;
  };

  const wake = (ms: number): void => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(run, ms);
  };

  const confirmed = (events: QueuedEvent[]): void => {
    const ids = new Set(events.map((e) => e.id));
    recent = recent.filter((e) => !ids.has(e.id));
  };

  const drain = (): Promise<number | undefined> =>
    withSenderLock(lockName, db, owner, (renew) =>
      drainQueue({ queue, renew, confirmed, send: (events) => postBatch(o.url, batchBody(o.writeKey, events)) }, state),
    );

  function run(): Promise<void> {
    cycle ??= (async () => {
      let wait: number | undefined;
      fresh = 0;
      try {
        await write();
        // Offline, a send can only fail; the `online` listener resumes at once.
        if (!stopped && navigator.onLine !== false) wait = await drain();
      } catch {
        // Storage trouble: try again at the next interval.
      }
      cycle = undefined;
      wake(wait ?? o.interval);
    })();
    return cycle;
  }

  addEventListener('online', () => {
    state.attempt = 0;
    void run();
  });
  // On `window` in the bubbling phase, so web-vitals' capturing listeners report CLS and INP first
  // and those events ride in the beacon too.
  addEventListener('visibilitychange', () => {
    if (stopped || document.visibilityState !== 'hidden') return;
    void write();
    beaconEvents(o.url, o.writeKey, recent.slice(-maxRecent));
    recent = [];
  });
  wake(o.interval);

  return {
    add(event) {
      if (stopped) return;
      buffer.push(event);
      // Trimmed in steps, not at every call, so that track() stays O(1).
      if (recent.push(event) > 2 * maxRecent) recent = recent.slice(-maxRecent);
      if (!writeScheduled) {
        writeScheduled = true;
        setTimeout(write, 0);
      }
      if (++fresh >= maxBatch) void run();
    },
    async flush() {
      await cycle;
      await run();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      buffer = [];
      recent = [];
      await written;
      await queue.clear().catch(() => {});
    },
  };
}
