import type { LiveAccepted, LiveBatchRefused, LiveDuplicates, LiveRefused } from './live-message.js';

/**
 * A message before it is addressed to one stream: `pseudonym` (what the store keeps for the person)
 * becomes that stream's `person` alias, and is never sent.
 */
export type LiveItem = (Omit<LiveAccepted, 'person'> | Omit<LiveRefused, 'person'> | LiveBatchRefused | LiveDuplicates) & {
  pseudonym?: string;
};

type Listener = (items: readonly LiveItem[]) => void;

/**
 * The in-memory fan-out from `POST /v1/batch` to the open `GET /v1/live` streams of this collector
 * (nothing of it is stored). The batch route asks `listening` once per batch and builds nothing when
 * no one listens, so ingest costs no more per event than without it.
 */
export class LiveEvents {
  private readonly listeners = new Set<Listener>();

  /** Whether any stream is open. */
  get listening(): boolean {
    return this.listeners.size > 0;
  }

  /** Adds a stream's listener; returns how to remove it. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hands a batch's items to every stream. A stream that throws is its own problem, never the batch's. */
  publish(items: readonly LiveItem[]): void {
    if (items.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(items);
      } catch {
        // A stream's failure must not fail the batch that was just stored.
      }
    }
  }
}
