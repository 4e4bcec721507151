import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load-config.js';
import { storeKinds } from './helpers/store-targets.js';
import { event, postBatch, tempCollector, testConfig } from './helpers/temp-collector.js';
import { useCollector } from './helpers/use-collector.js';

describe.each(storeKinds)('POST /v1/batch over real HTTP on 127.0.0.1, $kind store', ({ kind }) => {
  const c = useCollector(kind);

  const stored = async (prefix: string) => (await c.store.events()).filter((e) => e.id.startsWith(prefix));

  it('stores a batch and reads the same events back', async () => {
    const events = [event({ id: 'read-back-1' }), event({ id: 'read-back-2', name: 'ai.request', props: { feature: 'draft' } })];
    const res = await postBatch(c.url, { writeKey: 'wk_assistant', sentAt: new Date().toISOString(), events });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect((await stored('read-back-')).map((e) => [e.id, e.name, e.tool, e.userId, e.anonymousId, e.sessionId, e.props])).toEqual([
      ['read-back-1', 'ai.output_accepted', 'assistant', 'u-4821', 'a-1', 's-1', { feature: 'summarize' }],
      ['read-back-2', 'ai.request', 'assistant', 'u-4821', 'a-1', 's-1', { feature: 'draft' }],
    ]);
  });

  it('stores the valid events of a batch and names the invalid ones by index', async () => {
    const res = await postBatch(c.url, {
      writeKey: 'wk_assistant',
      events: [
        event({ id: 'partial-ok-1' }),
        event({ id: 'partial-bad', name: 'Not A Name' }),
        42,
        event({ id: 'partial-ok-2', props: { n: 1, b: true, z: null } }),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body['accepted']).toBe(2);
    expect(res.body['rejected']).toEqual([
      { index: 1, id: 'partial-bad', error: 'name: expected lowercase dotted words such as ai.output_accepted' },
      { index: 2, error: expect.stringContaining('expected object') },
    ]);
    expect((await stored('partial-')).map((e) => [e.id, e.props])).toEqual([
      ['partial-ok-1', { feature: 'summarize' }],
      ['partial-ok-2', { n: 1, b: true, z: null }],
    ]);
  });

  it('answers each field rule of the table with the field named', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ id: 'short' }, /^id: /],
      [{ name: 'a'.repeat(65) }, /^name: /],
      [{ ts: 'yesterday' }, /^ts: /],
      [{ userId: 'u'.repeat(129) }, /^userId: /],
      [{ tool: undefined }, /^tool: /],
      [{ props: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, i])) }, /^props: at most 32 keys/],
      [{ props: { big: 'x'.repeat(257) } }, /^props\.big: at most 256/],
      [{ props: { deep: { a: 1 } } }, /^props\.deep: /],
    ];
    const res = await postBatch(c.url, { writeKey: 'wk_assistant', events: cases.map(([o]) => event(o)) });
    expect(res.body['accepted']).toBe(0);
    const rejected = res.body['rejected'] as { index: number; error: string }[];
    expect(rejected.map((r) => r.index)).toEqual(cases.map((_, i) => i));
    for (const [i, [, pattern]] of cases.entries()) expect(rejected[i]?.error).toMatch(pattern);
  });

  it('stores an id once: a retried batch counts as duplicates, also within one batch', async () => {
    const batch = { writeKey: 'wk_assistant', events: [event({ id: 'retry-001' }), event({ id: 'retry-002' })] };
    expect((await postBatch(c.url, batch)).body).toMatchObject({ accepted: 2, duplicates: 0 });
    expect((await postBatch(c.url, batch)).body).toMatchObject({ accepted: 0, duplicates: 2 });
    const twice = await postBatch(c.url, { writeKey: 'wk_assistant', events: [event({ id: 'retry-003' }), event({ id: 'retry-003' })] });
    expect(twice.body).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(await stored('retry-')).toHaveLength(3);
  });

  it('accepts a text/plain body, as sendBeacon sends it', async () => {
    const res = await postBatch(
      c.url,
      { writeKey: 'wk_assistant', events: [event({ id: 'beacon-01' })] },
      { 'Content-Type': 'text/plain;charset=UTF-8' },
    );
    expect(res.status).toBe(200);
    expect(res.body['accepted']).toBe(1);
  });

  it('accepts a gzip-encoded body', async () => {
    const body = gzipSync(JSON.stringify({ writeKey: 'wk_assistant', events: [event({ id: 'gzip-0001' }), event({ id: 'gzip-0002' })] }));
    const res = await postBatch(c.url, body, { 'Content-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.body['accepted']).toBe(2);
    expect(await stored('gzip-')).toHaveLength(2);
  });

  it('stops a gzip bomb while inflating: 413, nothing stored', async () => {
    // 64 MiB of one repeated event compresses to a few dozen KiB; the collector must stop at 1 MiB.
    const one = JSON.stringify(event({ id: 'bomb-0001' }));
    const huge = `{"writeKey":"wk_assistant","events":[${`${one},`.repeat(Math.ceil((64 * 1024 * 1024) / one.length))}${one}]}`;
    const bomb = gzipSync(huge, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = process.memoryUsage().rss;
    const res = await postBatch(c.url, bomb, { 'Content-Encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(res.body['error']).toMatch(/larger than 1048576 bytes once decompressed/);
    expect(process.memoryUsage().rss - started).toBeLessThan(48 * 1024 * 1024);
    expect(await stored('bomb-')).toHaveLength(0);
  });

  it('400 for a body that claims gzip and is not; 415 for an encoding it does not speak', async () => {
    const bad = await postBatch(c.url, '{"writeKey": "wk_assistant", "events": []}', { 'Content-Encoding': 'gzip' });
    expect(bad.status).toBe(400);
    expect(bad.body['error']).toMatch(/^body is not valid gzip/);
    const br = await postBatch(c.url, 'xxxx', { 'Content-Encoding': 'br' });
    expect(br.status).toBe(415);
    expect(br.body['error']).toBe('Content-Encoding "br" is not supported: send gzip or no encoding');
  });

  it('corrects the device clock by receivedAt − sentAt and stores receivedAt', async () => {
    // The device clock runs one hour behind: sentAt is an hour before the collector's now.
    const now = Date.now();
    const sentAt = new Date(now - 3_600_000).toISOString();
    const ts = new Date(now - 3_600_000 - 60_000).toISOString();
    await postBatch(c.url, { writeKey: 'wk_assistant', sentAt, events: [event({ id: 'clock-001', ts })] });
    const [e] = await stored('clock-');
    expect(e).toBeDefined();
    expect(Math.abs((e?.receivedAt.getTime() ?? 0) - now)).toBeLessThan(5_000);
    const correctedAgo = (e?.receivedAt.getTime() ?? 0) - (e?.ts.getTime() ?? 0);
    expect(correctedAgo).toBeGreaterThanOrEqual(59_000);
    expect(correctedAgo).toBeLessThan(61_000);
  });

  it('rejects an event more than 24 h in the future after correction, accepts any past time', async () => {
    const res = await postBatch(c.url, {
      writeKey: 'wk_assistant',
      sentAt: new Date().toISOString(),
      events: [
        event({ id: 'future-01', ts: new Date(Date.now() + 25 * 3_600_000).toISOString() }),
        event({ id: 'future-02', ts: new Date(Date.now() + 23 * 3_600_000).toISOString() }),
        event({ id: 'past-0001', ts: '2019-01-01T00:00:00Z' }),
      ],
    });
    expect(res.body['accepted']).toBe(2);
    expect(res.body['rejected']).toEqual([
      { index: 0, id: 'future-01', error: 'ts: more than 24 hours in the future after clock correction' },
    ]);
  });

  it('rejects an event that names another tool than its write key', async () => {
    const res = await postBatch(c.url, { writeKey: 'wk_assistant', events: [event({ id: 'other-tool', tool: 'open' })] });
    expect(res.body['rejected']).toEqual([
      { index: 0, id: 'other-tool', error: 'tool: the write key belongs to tool "assistant", not "open"' },
    ]);
  });

  it('400 for a body that is not JSON, with the reason in words', async () => {
    const res = await postBatch(c.url, '{"writeKey": "wk_assistant", "events": [');
    expect(res.status).toBe(400);
    expect(res.body['error']).toMatch(/^body is not valid JSON/);
    expect((await postBatch(c.url, '')).body['error']).toBe('empty body: expected a JSON batch');
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
    const denied = await postBatch(
      c.url,
      { writeKey: 'wk_assistant', events: [event({ id: 'origin-denied' })] },
      { Origin: 'https://evil.example' },
    );
    expect(denied.status).toBe(403);
    expect(denied.body['error']).toBe('origin https://evil.example is not allowed for tool "assistant"');
    expect(await stored('origin-denied')).toHaveLength(0);
    const allowed = await postBatch(c.url, { writeKey: 'wk_assistant', events: [event()] }, { Origin: 'https://assistant.corp.example' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://assistant.corp.example');
    const open = await postBatch(c.url, { writeKey: 'wk_open', events: [event({ tool: 'open' })] }, { Origin: 'https://anywhere.example' });
    expect(open.status).toBe(200);
  });

  it('answers a CORS preflight for a listed origin, and not for others', async () => {
    const preflight = (origin: string) =>
      fetch(`${c.url}/v1/batch`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type, content-encoding',
        },
      });
    const ok = await preflight('https://assistant.corp.example');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://assistant.corp.example');
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/content-encoding/i);
    // The "*" tool makes every origin acceptable for a preflight; the batch route still judges by key.
    const any = await preflight('https://evil.example');
    expect(any.headers.get('access-control-allow-origin')).toBe('https://evil.example');
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

describe.each(storeKinds)('limits and failures, $kind store', ({ target }) => {
  it('429 with Retry-After past the rate limit, per write key', async () => {
    const config = parseConfig({ ...testConfig, rateLimit: { perMinute: 3 } });
    const c = await tempCollector(config, target);
    try {
      for (let i = 0; i < 3; i++) expect((await postBatch(c.url, { writeKey: 'wk_assistant', events: [event()] })).status).toBe(200);
      const limited = await postBatch(c.url, { writeKey: 'wk_assistant', events: [event({ id: 'limited-01' })] });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.body['error']).toMatch(/^rate limit of 3 requests per minute/);
      expect((await c.store.events()).map((e) => e.id)).not.toContain('limited-01');
      expect((await postBatch(c.url, { writeKey: 'wk_open', events: [event({ tool: 'open' })] })).status).toBe(200);
    } finally {
      await c.stop();
    }
  });

  it('503 with Retry-After when storage is unavailable, and no crash', async () => {
    const c = await tempCollector(testConfig, target);
    try {
      await c.store.close();
      const res = await postBatch(c.url, { writeKey: 'wk_assistant', events: [event()] });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.body).toEqual({ error: 'storage unavailable, try again later' });
      const health = await fetch(`${c.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ error: 'storage unreachable' });
    } finally {
      await c.stop();
    }
  });
});
