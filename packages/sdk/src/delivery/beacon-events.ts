import type { QueuedEvent } from '../types.js';
import { batchBody } from './batch-body.js';

/**
 * Browsers give beacons and keepalive fetches 64 KiB in flight per page and refuse more
 * (https://fetch.spec.whatwg.org/#http-network-or-cache-fetch, "keepalive"); this leaves a margin.
 */
export const maxBeaconBytes = 60_000;
const maxBeaconEvents = 100;

/**
 * Hands events to the browser to deliver while the page goes away. `sendBeacon` with a string body,
 * which the browser sends as `text/plain`: an `application/json` beacon needs a CORS preflight, which
 * cannot finish while the page unloads (https://w3c.github.io/beacon/#sec-processing-model). When the
 * browser refuses the beacon, `fetch` with `keepalive`. Bodies are split to stay under 64 KB. Nobody
 * is left to read an answer, so the events stay queued until a normal send confirms them; the
 * collector stores each id once.
 */
export function beaconEvents(url: string, writeKey: string, events: QueuedEvent[]): void {
  if (events.length === 0) return;
  const body = batchBody(writeKey, events);
  const bytes = new Blob([body]).size;
  if (events.length > 1 && (bytes > maxBeaconBytes || events.length > maxBeaconEvents)) {
    const half = Math.ceil(events.length / 2);
    beaconEvents(url, writeKey, events.slice(0, half));
    beaconEvents(url, writeKey, events.slice(half));
    return;
  }
  try {
    if (navigator.sendBeacon(url, body)) return;
  } catch {
    // Some browsers throw instead of returning false (old Safari on a refused URL).
  }
  if (bytes <= maxBeaconBytes) fetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {});
}
