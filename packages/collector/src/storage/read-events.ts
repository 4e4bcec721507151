import type { EventPageQuery, Store, StoredEvent } from './store.js';

/** Events in `(ts, id)` order, page by page, so a reader holds one page at a time. */
export async function* readEvents(
  store: Store,
  range: Pick<EventPageQuery, 'from' | 'to' | 'userId'> = {},
  pageSize = 5000,
): AsyncGenerator<StoredEvent> {
  let after: EventPageQuery['after'];
  for (;;) {
    const page = await store.eventPage({ ...range, after, limit: pageSize });
    yield* page;
    if (page.length < pageSize) return;
    const last = page[page.length - 1] as StoredEvent;
    after = { ts: last.ts, id: last.id };
  }
}

/** Collects every event of a store (tests, small stores). */
export async function allEvents(store: Store): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const event of readEvents(store)) out.push(event);
  return out;
}
