import type { Store } from '../storage/store.js';

/**
 * Where a move keeps how far it got: a setting of the store it writes, beside the rows it describes,
 * so a move interrupted at any point resumes from what that store holds. Keys start with this
 * prefix; a move never copies such a setting.
 */
export const checkpointPrefix = 'move:';

/** How far a copy of events got: the counts so far and, for a copy from a store, the last `(ts, id)` written. */
export interface EventsCheckpoint {
  /** Events read (from a file: its rows, in file order). */
  read: number;
  /** Of those, events the destination did not hold yet. */
  inserted: number;
  after?: { ts: string; id: string };
}

/** The checkpoint under `key` in `store`, or undefined when no move is under way there. */
export async function readCheckpoint(store: Store, key: string): Promise<EventsCheckpoint | undefined> {
  const text = await store.getSetting(key);
  return text === undefined ? undefined : (JSON.parse(text) as EventsCheckpoint);
}

/** Writes the checkpoint (`undefined` removes it: the move is finished). */
export function writeCheckpoint(store: Store, key: string, checkpoint: EventsCheckpoint | undefined): Promise<void> {
  return store.putSetting(key, checkpoint === undefined ? undefined : JSON.stringify(checkpoint));
}
