import type { QueuedEvent } from './types.js';

/** The outcome of one send: `sent` when the collector stored (or deliberately rejected) the batch. */
export type SendResult = 'sent' | 'retry';

/** Serializes a batch. `sentAt` is set here, at the moment of sending, so the collector can correct device clocks. */
export function batchBody(writeKey: string, events: QueuedEvent[]): string {
  return JSON.stringify({ writeKey, sentAt: new Date().toISOString(), events });
}

/**
 * Posts a batch with `fetch`. The body is `text/plain`: a CORS-safelisted content type, so the
 * browser sends no preflight and the same body works for `sendBeacon`.
 */
export async function postBatch(url: string, body: string): Promise<SendResult> {
  try {
    const res = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'text/plain' }, keepalive: body.length < 60_000, credentials: 'omit' });
    // 4xx other than 429 will not get better by retrying the same bytes.
    if (res.ok || (res.status >= 400 && res.status < 500 && res.status !== 429)) return 'sent';
    return 'retry';
  } catch {
    return 'retry';
  }
}

/** Hands a batch to the browser to send while the page goes away; false when the browser refused it. */
export function beaconBatch(url: string, body: string): boolean {
  try {
    return typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }));
  } catch {
    return false;
  }
}
