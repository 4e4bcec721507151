import type { EventPageQuery, Store, StoredEvent } from '../storage/store.js';
import { readCheckpoint, writeCheckpoint } from './move-checkpoint.js';

/** Options of `copyEvents`. */
export interface CopyEventsOptions {
  /** The settings key of this copy's checkpoint in the destination (see move-checkpoint.ts). */
  checkpoint: string;
  /** Events per page (default 5,000): one read, one insert transaction, one checkpoint. */
  pageSize?: number;
  /** Hears how many events have been read so far, resumed ones included, after each page. */
  onEvents?: (read: number) => void;
}

/** What a copy did, over every run of it when it resumed. */
export interface CopyEventsResult {
  /** Events read from the source. */
  read: number;
  /** Of those, events the destination did not hold yet. */
  inserted: number;
  /** Events the run resumed after (0 when it started from the beginning). */
  resumedAfter: number;
}

/**
 * Copies every event of `from` into `to` as it is stored (ids, pseudonyms, times, props), page by
 * page in `(ts, id)` order. Each page goes through `to.insert`, which skips ids it holds and keeps
 * the rollups of what it stores, then the checkpoint moves past it: an interrupted copy resumes after
 * the last page written, and a page written twice (interrupted between insert and checkpoint) adds
 * nothing. The source's writers should be stopped: an event arriving with an earlier time than the
 * checkpoint is not seen by this run (a second run, from the beginning, copies it).
 */
export async function copyEvents(from: Store, to: Store, options: CopyEventsOptions): Promise<CopyEventsResult> {
  const limit = options.pageSize ?? 5000;
  const resumed = await readCheckpoint(to, options.checkpoint);
  let read = resumed?.read ?? 0;
  let inserted = resumed?.inserted ?? 0;
  const page = (after: EventPageQuery['after']) => {
    const read = from.eventPage({ after, limit });
    // Read ahead while a page is written: a failed write must not leave this read's failure unhandled.
    read.catch(() => undefined);
    return read;
  };
  let next = page(resumed?.after && { ts: new Date(resumed.after.ts), id: resumed.after.id });
  options.onEvents?.(read);
  for (;;) {
    const events = await next;
    if (events.length === 0) break;
    const last = events[events.length - 1] as StoredEvent;
    // The next page is read while this one is written: the two stores work at once.
    if (events.length === limit) next = page({ ts: last.ts, id: last.id });
    inserted += (await to.insert(events)).length;
    read += events.length;
    await writeCheckpoint(to, options.checkpoint, { after: { ts: last.ts.toISOString(), id: last.id }, read, inserted });
    options.onEvents?.(read);
    if (events.length < limit) break;
  }
  await writeCheckpoint(to, options.checkpoint, undefined);
  return { read, inserted, resumedAfter: resumed?.read ?? 0 };
}
