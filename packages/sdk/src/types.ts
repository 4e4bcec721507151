import type { PropValue } from './protocol/event-schema.js';

/** A property value the collector accepts (the wire protocol's): the SDK redacts strings and cuts them to 256 characters. */
export type { PropValue };

/** Properties of an event: at most 32 keys. */
export type Props = Record<string, PropValue>;

/** Options of `init`. */
export interface UptakeOptions {
  /** Base URL of the collector, e.g. `https://collector.example`. */
  collector: string;
  /** The tool's public write key from the collector's config. */
  writeKey: string;
  /** The tool's id from the collector's config. */
  tool: string;
  /** Milliseconds between scheduled sends (default 5,000). */
  flushInterval?: number;
  /** `'denied'` makes the SDK a no-op, like the script tag's `data-consent="denied"`. */
  consent?: 'granted' | 'denied';
  /** Say in the console why each prompt and survey is or is not due, after each look (like `data-debug`). Default false. */
  debug?: boolean;
}

/** An event as the SDK queues it, before `sentAt` is set on the batch. */
export interface QueuedEvent {
  id: string;
  name: string;
  ts: string;
  userId?: string;
  anonymousId: string;
  sessionId: string;
  tool: string;
  props: Props;
  /**
   * The host's proof that `userId` is who the page says (SPEC "Identity verification"), kept with the
   * event in IndexedDB so that a reload, another tab or a re-identify cannot separate them; it travels
   * in the batch's `identities` map, not in the event.
   */
  userHash?: string;
}
