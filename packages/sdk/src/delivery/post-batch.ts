import type { Rejection } from '../protocol/batch-answer-schema.js';
import { retryAfterMs } from './retry-after.js';

/** What the collector said about a batch. */
export interface PostResult {
  /** HTTP status; 0 when no answer came (offline, DNS, CORS, timeout). */
  status: number;
  /** On 200, the events refused as invalid; the others are stored. */
  rejected: Rejection[];
  /** On 429 and 503, how long the collector asked to wait, in milliseconds. */
  retryAfter?: number;
  /** On 4xx, whether the body is the collector's own `{"error": …}`: a proxy's or a wrong URL's 400 is not. */
  fromCollector?: boolean;
}

/** A send that has not been answered after this long is abandoned and retried later, so a stalled connection cannot hold the sender lock. */
export const postTimeoutMs = 30_000;

function rejections(body: unknown): Rejection[] {
  const list = (body as { rejected?: unknown } | null)?.rejected;
  return Array.isArray(list) ? list.filter((r): r is Rejection => typeof r?.index === 'number') : [];
}

/**
 * Posts a batch with `fetch`. The body is a string, so the browser labels it
 * `text/plain;charset=UTF-8`: a CORS-safelisted type, hence no preflight round trip, and the same
 * body as a beacon. Never rejects.
 */
export async function postBatch(url: string, body: string): Promise<PostResult> {
  try {
    const res = await fetch(url, { method: 'POST', body, credentials: 'omit', signal: AbortSignal.timeout?.(postTimeoutMs) });
    const answer: unknown = await res.json().catch(() => null);
    const rejected = res.ok ? rejections(answer) : [];
    const fromCollector = typeof (answer as { error?: unknown } | null)?.error === 'string';
    return { status: res.status, rejected, retryAfter: retryAfterMs(res.headers.get('Retry-After')), fromCollector };
  } catch {
    return { status: 0, rejected: [] };
  }
}
