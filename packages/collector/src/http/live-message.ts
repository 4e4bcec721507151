import type { Props } from '@uptake/sdk';

/**
 * What `GET /v1/live` sends, one JSON object per Server-Sent Event (`data:` line): the events a
 * collector receives at `POST /v1/batch` as they arrive, and what it refused, with the reasons the
 * batch answer gives. Read by `uptake tail` and the dashboard's live panel.
 *
 * `person` is a short alias, never an id: the first 6 hex characters of an HMAC, keyed per stream,
 * of what the store keeps for the person (their pseudonym). The same person has the same alias
 * throughout one stream, another in the next stream, and it cannot be matched with an export.
 */
export type LiveMessage = LiveHello | LiveAccepted | LiveRefused | LiveBatchRefused | LiveDuplicates | LiveSkipped | LiveBye;

/** The first message: the stream is open, with the filters it applies. */
export interface LiveHello {
  type: 'hello';
  tool?: string;
  name?: string;
}

/** Who an event is about, as a per-stream alias; `identified` is false for an anonymous id only. */
export interface LivePerson {
  person?: string;
  identified?: boolean;
}

/** An event stored (or already stored: see `duplicates`), its props as stored. */
export interface LiveAccepted extends LivePerson {
  type: 'accepted';
  receivedAt: string;
  id: string;
  /** The event's time, corrected for the device clock, as stored. */
  ts: string;
  tool: string;
  name: string;
  props: Props;
  /** What was not stored of it (an `identify`'s `program` and `cohort` from a page), as the answer's `warnings` says. */
  note?: string;
}

/** An event refused by index, with the batch answer's words. Its props are not shown: they were not stored. */
export interface LiveRefused extends LivePerson {
  type: 'refused';
  receivedAt: string;
  /** The event's position in its batch, as in the answer's `rejected[].index`. */
  index: number;
  /** The write key's tool. */
  tool: string;
  id?: string;
  /** As sent (the event may be refused for it), at most 64 characters. */
  name?: string;
  ts?: string;
  reason: string;
}

/** A whole batch refused (unknown write key, origin not allowed, not a batch, too large, rate limit…). */
export interface LiveBatchRefused {
  type: 'batch-refused';
  receivedAt: string;
  status: number;
  reason: string;
  /** The write key's tool when the key is known, else the tools its events claim. */
  tools: string[];
  /** How many events it held, when it was a JSON object with an `events` list. */
  events?: number;
  /** The write key it came with (write keys are public), at most 64 characters. */
  writeKey?: string;
}

/** Events of a batch that were already stored (a resend): the answer's `duplicates`, stored once. */
export interface LiveDuplicates {
  type: 'duplicates';
  receivedAt: string;
  tool: string;
  count: number;
}

/** Messages this stream dropped because its reader did not keep up. */
export interface LiveSkipped {
  type: 'skipped';
  count: number;
}

/** The last message when the collector ends the stream (it is stopping). */
export interface LiveBye {
  type: 'bye';
  reason: string;
}
