import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, postBatch, tempCollector } from './helpers/temp-collector.js';

let c: Awaited<ReturnType<typeof tempCollector>>;

beforeAll(async () => {
  c = await tempCollector();
});

afterAll(async () => {
  await c.stop();
});

describe('POST /v1/batch over real HTTP on 127.0.0.1, DuckDB file', () => {
  it('stores a batch and reads the same events back', async () => {
    const events = [event({ id: 'read-back-1' }), event({ id: 'read-back-2', name: 'ai.request', props: { feature: 'draft' } })];
    const res = await postBatch(c.url, { writeKey: 'wk_assistant', sentAt: '2026-11-22T10:00:05.120Z', events });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const stored = (await c.store.events()).filter((e) => e.id.startsWith('read-back-'));
    expect(stored.map((e) => [e.id, e.name, e.tool, e.userId, e.props])).toEqual([
      ['read-back-1', 'ai.output_accepted', 'assistant', 'u-4821', { feature: 'summarize' }],
      ['read-back-2', 'ai.request', 'assistant', 'u-4821', { feature: 'draft' }],
    ]);
  });

  it('stores the valid events of a batch and names the invalid ones by index', async () => {
    const res = await postBatch(c.url, {
      writeKey: 'wk_assistant',
      events: [event({ id: 'partial-ok-1' }), event({ id: 'partial-bad', name: 'Not A Name' }), 42, event({ id: 'partial-ok-2' })],
    });
    expect(res.status).toBe(200);
    expect(res.body['accepted']).toBe(2);
    expect(res.body['rejected']).toEqual([
      { index: 1, id: 'partial-bad', error: 'name: expected lowercase dotted words such as ai.output_accepted' },
      { index: 2, error: expect.stringContaining('expected object') },
    ]);
    const ids = (await c.store.events()).map((e) => e.id);
    expect(ids).toContain('partial-ok-1');
    expect(ids).toContain('partial-ok-2');
    expect(ids).not.toContain('partial-bad');
  });

  it('stores an id once: a retried batch counts as duplicates', async () => {
    const batch = { writeKey: 'wk_assistant', events: [event({ id: 'retry-001' }), event({ id: 'retry-002' })] };
    expect((await postBatch(c.url, batch)).body).toMatchObject({ accepted: 2, duplicates: 0 });
    expect((await postBatch(c.url, batch)).body).toMatchObject({ accepted: 0, duplicates: 2 });
    expect((await c.store.events()).filter((e) => e.id.startsWith('retry-'))).toHaveLength(2);
  });

  it('accepts a text/plain body, as sendBeacon sends it', async () => {
    const res = await postBatch(c.url, { writeKey: 'wk_assistant', events: [event({ id: 'beacon-1' })] }, { 'Content-Type': 'text/plain;charset=UTF-8' });
    expect(res.status).toBe(200);
    expect(res.body['accepted']).toBe(1);
  });

  it('corrects the device clock by receivedAt − sentAt', async () => {
    // The device clock runs one hour behind: sentAt is an hour before the collector's now.
    const now = Date.now();
    const sentAt = new Date(now - 3_600_000).toISOString();
    const ts = new Date(now - 3_600_000 - 60_000).toISOString();
    await postBatch(c.url, { writeKey: 'wk_assistant', sentAt, events: [event({ id: 'clock-001', ts })] });
    const stored = (await c.store.events()).find((e) => e.id === 'clock-001');
    expect(stored).toBeDefined();
    const correctedAgo = (stored?.receivedAt.getTime() ?? 0) - (stored?.ts.getTime() ?? 0);
    expect(correctedAgo).toBeGreaterThanOrEqual(59_000);
    expect(correctedAgo).toBeLessThan(61_000);
  });

  it('rejects an event more than 24 h in the future after correction, accepts any past time', async () => {
    const res = await postBatch(c.url, {
      writeKey: 'wk_assistant',
      sentAt: new Date().toISOString(),
      events: [event({ id: 'future-1', ts: new Date(Date.now() + 25 * 3_600_000).toISOString() }), event({ id: 'past-0001', ts: '2019-01-01T00:00:00Z' })],
    });
    expect(res.body['accepted']).toBe(1);
    expect(res.body['rejected']).toEqual([{ index: 0, id: 'future-1', error: 'ts: more than 24 hours in the future after clock correction' }]);
  });

  it('rejects an event that names another tool than its write key', async () => {
    const res = await postBatch(c.url, { writeKey: 'wk_assistant', events: [event({ id: 'other-tool', tool: 'open' })] });
    expect(res.body['rejected']).toEqual([{ index: 0, id: 'other-tool', error: 'tool: the write key belongs to tool "assistant", not "open"' }]);
  });

  it('400 for a body that is not JSON, with the reason in words', async () => {
    const res = await postBatch(c.url, '{"writeKey": "wk_assistant", "events": [');
    expect(res.status).toBe(400);
    expect(res.body['error']).toMatch(/^body is not valid JSON/);
  });

  it('400 for JSON that is not a batch', async () => {
    expect((await postBatch(c.url, [1, 2])).status).toBe(400);
    const res = await postBatch(c.url, { writeKey: 'wk_assistant', events: 'many' });
    expect(res.status).toBe(400);
    expect(res.body['error']).toMatch(/^not a batch: events: /);
  });

  it('401 for an unknown write key', async () => {
    const res = await postBatch(c.url, { writeKey: 'wk_nobody', events: [event()] });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'unknown write key' });
  });

  it('403 for a browser origin the tool does not list; any origin for "*"; none for a server-side sender', async () => {
    const denied = await postBatch(c.url, { writeKey: 'wk_assistant', events: [event()] }, { Origin: 'https://evil.example' });
    expect(denied.status).toBe(403);
    expect(denied.body['error']).toBe('origin https://evil.example is not allowed for tool "assistant"');
    const allowed = await postBatch(c.url, { writeKey: 'wk_assistant', events: [event()] }, { Origin: 'https://assistant.corp.example' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://assistant.corp.example');
    const open = await postBatch(c.url, { writeKey: 'wk_open', events: [event({ tool: 'open' })] }, { Origin: 'https://anywhere.example' });
    expect(open.status).toBe(200);
  });

  it('413 for more than 500 events or more than 1 MiB', async () => {
    const many = await postBatch(c.url, { writeKey: 'wk_assistant', events: Array.from({ length: 501 }, () => event()) });
    expect(many.status).toBe(413);
    expect(many.body['error']).toMatch(/at most 500/);
    const big = await postBatch(c.url, { writeKey: 'wk_assistant', events: [], pad: 'x'.repeat(1_100_000) });
    expect(big.status).toBe(413);
    expect(big.body['error']).toMatch(/larger than 1048576 bytes/);
  });

  it('keeps answering after bad input', async () => {
    const res = await fetch(`${c.url}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
  });
});
