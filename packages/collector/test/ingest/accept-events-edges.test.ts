import { describe, expect, it } from 'vitest';
import { acceptEvents } from '../../src/ingest/accept-events.js';

// acceptEvents on its own (batch-route.test.ts covers it over HTTP): the edges StrykerJS found unguarded.
const receivedAt = new Date('2026-11-22T10:00:00.000Z');
const ctx = { tool: 'assistant', receivedAt, pseudonymize: (id: string) => `h(${id})` };
const event = (over: Record<string, unknown> = {}) => ({
  id: 'evt-00000001',
  name: 'ai.request',
  ts: '2026-11-22T09:59:00.000Z',
  tool: 'assistant',
  anonymousId: 'a-1',
  props: {},
  ...over,
});

describe('acceptEvents at its edges', () => {
  it('accepts an event exactly 24 h in the future after correction, and refuses one a millisecond later', () => {
    const at = (ms: number) => new Date(receivedAt.getTime() + ms).toISOString();
    const { rows, rejected } = acceptEvents(
      [event({ id: 'evt-future-0', ts: at(86_400_000) }), event({ id: 'evt-future-1', ts: at(86_400_001) })],
      ctx,
    );
    expect(rows.map((r) => r.id)).toEqual(['evt-future-0']);
    expect(rejected).toEqual([{ index: 1, id: 'evt-future-1', error: 'ts: more than 24 hours in the future after clock correction' }]);
  });

  it('stores an id repeated within a batch once', () => {
    expect(acceptEvents([event(), event()], ctx).rows).toHaveLength(1);
  });

  it('keeps absent ids absent (null), and pseudonymizes the ones given', () => {
    const [row] = acceptEvents([event()], ctx).rows;
    expect(row).toMatchObject({ userId: null, anonymousId: 'h(a-1)', sessionId: null });
    const [identified] = acceptEvents([event({ userId: 'u-1', anonymousId: undefined })], ctx).rows;
    expect(identified).toMatchObject({ userId: 'h(u-1)', anonymousId: null });
    const [named] = acceptEvents([event({ userId: 'u-1', anonymousId: 'a-1', sessionId: 's-1' })], ctx).rows;
    expect(named).toMatchObject({ userId: 'h(u-1)', anonymousId: 'h(a-1)', sessionId: 's-1' });
  });

  it('names the id of an invalid event when it has a string one (cut to 64 characters), and none otherwise', () => {
    const long = 'x'.repeat(80);
    const { rejected } = acceptEvents(
      [event({ name: 'Bad Name' }), event({ id: long, name: 'Bad Name' }), 'not an event', event({ id: 42, name: 'Bad Name' })],
      ctx,
    );
    expect(rejected.map((r) => r.id)).toEqual(['evt-00000001', long.slice(0, 64), undefined, undefined]);
    expect(rejected.map((r) => 'id' in r)).toEqual([true, true, false, false]);
  });

  it('stores props with a lone surrogate made well-formed, every key kept', () => {
    const [row] = acceptEvents([event({ props: { feature: 'a\ud83d', other: 'b' } })], ctx).rows;
    expect(JSON.stringify(row?.props)).toBe('{"feature":"a\ufffd","other":"b"}');
  });
});
