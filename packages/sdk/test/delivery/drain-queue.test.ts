import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffMaxMs } from '../../src/delivery/backoff.js';
import { drainQueue, type DrainState } from '../../src/delivery/drain-queue.js';
import type { PostResult } from '../../src/delivery/post-batch.js';
import { maxEventAgeMs } from '../../src/storage/dropped-event.js';
import { createMemoryQueue } from '../../src/storage/memory-queue.js';
import type { QueuedEvent } from '../../src/types.js';
import { event } from '../helpers/event.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Drains a queue of `n` events (or these events) against scripted answers; returns what was sent and what is left. */
async function drain(
  n: number | QueuedEvent[],
  answers: ((events: QueuedEvent[]) => PostResult)[],
  state: DrainState = { attempt: 0, batchSize: 100 },
) {
  const queue = createMemoryQueue();
  await queue.add(typeof n === 'number' ? Array.from({ length: n }, (_, i) => event(i)) : n);
  const sent: QueuedEvent[][] = [];
  const confirmed: string[] = [];
  const wait = await drainQueue(
    {
      queue,
      renew: async () => true,
      confirmed: (events) => confirmed.push(...events.map((e) => e.id)),
      send: async (events) => {
        sent.push(events);
        return (answers[sent.length - 1] ?? answers[answers.length - 1] ?? (() => ({ status: 200, rejected: [] })))(events);
      },
    },
    state,
  );
  return { wait, sent, confirmed, left: (await queue.peek(1e5)).events, state };
}

const ok = (): PostResult => ({ status: 200, rejected: [] });

describe('drainQueue', () => {
  it('drops queued events past the age limit without sending them, counted in sdk.dropped', async () => {
    const old = new Date(Date.now() - maxEventAgeMs - 60_000).toISOString();
    const { wait, sent, confirmed, left } = await drain(
      [{ ...event(0), ts: old, userId: 'u-1', userHash: 'f'.repeat(64) }, { ...event(1), ts: old }, event(2)],
      [ok],
    );
    expect(wait).toBeUndefined();
    const names = sent.flat().map((e) => [e.id, e.name]);
    expect(names[0]).toEqual(['event-000002', 'report.generated']);
    expect(names[1]?.[1]).toBe('sdk.dropped');
    const dropped = sent.flat()[1];
    expect(dropped?.props).toEqual({ count: 2 });
    expect(Date.now() - Date.parse(dropped?.ts ?? '')).toBeLessThan(60_000);
    expect(confirmed.slice(0, 2)).toEqual(['event-000000', 'event-000001']);
    expect(left).toEqual([]);
  });

  it('sends batches of at most 100, oldest first, until the queue is empty', async () => {
    const { wait, sent, left, confirmed } = await drain(250, [ok]);
    expect(wait).toBeUndefined();
    expect(sent.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(sent[0]?.[0]?.props['n']).toBe(0);
    expect(left).toEqual([]);
    expect(confirmed).toHaveLength(250);
  });

  it('drops an event the collector rejects by index, alone, with a warning naming it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { sent, left } = await drain(3, [() => ({ status: 200, rejected: [{ index: 1, error: 'props.n: bad' }] })]);
    expect(sent).toHaveLength(1);
    expect(left).toEqual([]);
    expect(String(warn.mock.calls[0]?.[0])).toContain('props.n: bad');
  });

  it('keeps the whole batch after a 503 and waits as Retry-After says', async () => {
    const { wait, left, state } = await drain(5, [() => ({ status: 503, rejected: [], retryAfter: 2000 })]);
    expect(wait).toBe(2000);
    expect(left).toHaveLength(5);
    expect(state.attempt).toBe(1);
  });

  it('backs off exponentially on network errors and 5xx without Retry-After, and resets after a success', async () => {
    const state = { attempt: 3, batchSize: 100 };
    const failed = await drain(1, [() => ({ status: 0, rejected: [] })], state);
    expect(failed.wait).toBeGreaterThanOrEqual(4000);
    expect(failed.wait).toBeLessThanOrEqual(8000);
    await drain(1, [ok], state);
    expect(state.attempt).toBe(0);
  });

  it('on 413 halves the batch until it fits, and keeps the smaller size', async () => {
    const tooBig = (events: QueuedEvent[]): PostResult => (events.length > 25 ? { status: 413, rejected: [] } : ok());
    const { sent, left, state } = await drain(60, [tooBig]);
    expect(sent.map((b) => b.length)).toEqual([60, 30, 15, 15, 15, 15]);
    expect(left).toEqual([]);
    expect(state.batchSize).toBe(15);
  });

  it('drops a batch the collector calls malformed (400), instead of blocking the queue forever', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { sent, left } = await drain(2, [() => ({ status: 400, rejected: [], fromCollector: true }), ok]);
    expect(sent).toHaveLength(1);
    expect(left).toEqual([]);
  });

  it("keeps the events of a 400 that is not the collector's (a proxy, a wrong URL)", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { wait, left } = await drain(2, [() => ({ status: 400, rejected: [], fromCollector: false })]);
    expect(wait).toBe(backoffMaxMs);
    expect(left).toHaveLength(2);
  });

  it('keeps events and waits the longest on 401/403 (a configuration problem), warning once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { wait, left } = await drain(2, [() => ({ status: 403, rejected: [] })]);
    expect(wait).toBe(backoffMaxMs);
    expect(left).toHaveLength(2);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/collector answered 403; check/);
  });

  it('the edges of the status codes: 300 and 500 keep the batch; a single event too large (413) from the collector is dropped', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Only 2xx is a success: a 300 (a redirect fetch did not follow) and a 500 keep every event, with backoff, not the 4xx wait.
    for (const status of [300, 500]) {
      const { wait, left } = await drain(2, [() => ({ status, rejected: [] })]);
      expect(left, `status ${status}`).toHaveLength(2);
      expect(wait, `status ${status}`).toBeLessThan(backoffMaxMs);
    }
    // A 408 or a 429 is a wait, not a configuration problem.
    for (const status of [408, 429])
      expect((await drain(1, [() => ({ status, rejected: [] })])).wait, `status ${status}`).toBeLessThan(backoffMaxMs);
    // One event alone over the limit cannot be halved: the collector's 413 drops it rather than block the queue.
    const single = await drain(1, [() => ({ status: 413, rejected: [], fromCollector: true }), ok]);
    expect(single.sent).toHaveLength(1);
    expect(single.left).toEqual([]);
  });

  it('stops when the lease is lost', async () => {
    const queue = createMemoryQueue();
    await queue.add([event(1)]);
    const send = vi.fn();
    expect(
      await drainQueue({ queue, renew: async () => false, confirmed: () => {}, send }, { attempt: 0, batchSize: 100 }),
    ).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });
});
