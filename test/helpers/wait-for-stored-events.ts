import type { StoredEvent } from '../../packages/collector/src/storage/store.js';

/**
 * Reads the collector's stored events until `predicate` holds or `timeoutMs` passes, and returns the
 * last read: the SDK sends every few seconds, so a test waits for delivery instead of sleeping.
 */
export async function waitForStoredEvents(
  store: { events(): Promise<StoredEvent[]> },
  predicate: (events: StoredEvent[]) => boolean,
  timeoutMs = 15_000,
): Promise<StoredEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = await store.events();
    if (predicate(events) || Date.now() > deadline) return events;
    await new Promise((r) => setTimeout(r, 200));
  }
}
