import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { storeKinds } from './helpers/store-targets.js';
import { event, postBatch, testConfig } from './helpers/temp-collector.js';
import { useCollector } from './helpers/use-collector.js';

// Text that is valid JSON and passes the protocol schema, but that no store can hold as it is, and
// bytes that are not text at all: found
// by the reliability fuzz (test/reliability/hostile-input.test.ts). Each used to fail the whole
// group commit with 503, so the sender retried it forever and other senders' batches in the same
// group failed with it.

const highSurrogate = '😀'.slice(0, 1); // an emoji cut in half, as a fixed-length cut can leave it

describe.each(storeKinds)('text no store can hold, $kind store', ({ kind }) => {
  const c = useCollector(kind);
  const stored = async (prefix: string) => (await c.store.events()).filter((e) => e.id.startsWith(prefix));

  it('stores unpaired surrogates as U+FFFD, in prop values, prop keys and ids, without failing the batches committed with them', async () => {
    const [odd, plain] = await Promise.all([
      postBatch(c.url, {
        writeKey: 'wk_assistant',
        events: [
          event({ id: 'surr-0001', props: { title: `ends in half an emoji ${highSurrogate}`, [`k${highSurrogate}`]: 1 } }),
          event({ id: 'surr-0002', userId: `u-${highSurrogate}`, sessionId: `s-\udc00`, props: { both: '\udc00\ud800', emoji: '😀' } }),
        ],
      }),
      postBatch(c.url, { writeKey: 'wk_assistant', events: [event({ id: 'surr-plain' })] }),
    ]);
    expect(odd.status).toBe(200);
    expect(odd.body).toMatchObject({ accepted: 2, rejected: [] });
    expect(plain.body).toMatchObject({ accepted: 1 });
    const [one, two] = await stored('surr-000');
    expect(one?.props).toEqual({ title: 'ends in half an emoji \uFFFD', 'k\uFFFD': 1 });
    expect(two?.userId).toBe('u-\uFFFD');
    expect(two?.sessionId).toBe('s-\uFFFD');
    expect(two?.props).toEqual({ both: '\uFFFD\uFFFD', emoji: '😀' });
  });

  it('rejects an event with a NUL character, naming the field; the others of the batch are stored', async () => {
    const res = await postBatch(c.url, {
      writeKey: 'wk_assistant',
      events: [
        event({ id: 'nul-00001', userId: 'u\u0000' }),
        event({ id: 'nul-00002', props: { note: 'a\u0000b' } }),
        event({ id: 'nul-00003', props: { 'k\u0000': 'x' } }),
        event({ id: 'nul-00004', sessionId: '\u0000' }),
        event({ id: 'nul-00005' }),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body['accepted']).toBe(1);
    expect(res.body['rejected']).toEqual([
      { index: 0, id: 'nul-00001', error: 'userId: contains a NUL character (U+0000), which cannot be stored' },
      { index: 1, id: 'nul-00002', error: 'props.note: contains a NUL character (U+0000), which cannot be stored' },
      { index: 2, id: 'nul-00003', error: 'props: contains a NUL character (U+0000), which cannot be stored' },
      { index: 3, id: 'nul-00004', error: 'sessionId: contains a NUL character (U+0000), which cannot be stored' },
    ]);
    expect((await stored('nul-')).map((e) => e.id)).toEqual(['nul-00005']);
  });

  it('rejects a __proto__ prop key like constructor and prototype, instead of dropping it', async () => {
    const text = JSON.stringify({
      writeKey: 'wk_assistant',
      events: [event({ id: 'proto-001', props: { PROTO: { polluted: true }, ok: 1 } }), event({ id: 'proto-002', props: { PROTO: 'x' } })],
    });
    const res = await postBatch(c.url, text.replaceAll('"PROTO"', '"__proto__"'));
    expect(res.body).toMatchObject({ accepted: 0 });
    expect((res.body['rejected'] as { error: string }[]).map((r) => r.error)).toEqual(
      Array(2).fill('props: keys must not be __proto__, constructor or prototype'),
    );
    expect(await stored('proto-')).toEqual([]);
  });

  it('rejects a time before the year 1 (PostgreSQL has no year 0), accepts the year 1', async () => {
    const res = await postBatch(
      c.url,
      {
        writeKey: 'wk_assistant',
        events: [event({ id: 'year-0000', ts: '0000-06-01T00:00:00Z' }), event({ id: 'year-0001', ts: '0001-01-01T00:00:00Z' })],
        // Only a server-side sender with a token may send times that old.
      },
      { Authorization: `Bearer ${testConfig.adminToken}` },
    );
    expect(res.body).toMatchObject({
      accepted: 1,
      rejected: [{ index: 0, id: 'year-0000', error: 'ts: before the year 1 after clock correction' }],
    });
    expect((await stored('year-')).map((e) => e.ts.toISOString())).toEqual(['0001-01-01T00:00:00.000Z']);
  });

  it('400 for a body that is not valid UTF-8, plain or gzip-encoded; nothing stored', async () => {
    const json = JSON.stringify({ writeKey: 'wk_assistant', events: [event({ id: 'utf8-0001', props: { note: 'XX' } })] });
    // 0xC3 0x28: a two-byte sequence whose second byte is not a continuation byte.
    const bytes = Buffer.from(json.replace('XX', '\u0001\u0002'));
    bytes[bytes.indexOf(1)] = 0xc3;
    bytes[bytes.indexOf(2)] = 0x28;
    for (const [body, headers] of [
      [bytes, {}],
      [gzipSync(bytes), { 'Content-Encoding': 'gzip' }],
    ] as const) {
      const res = await postBatch(c.url, body, headers);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'body is not valid UTF-8' });
    }
    expect(await stored('utf8-')).toEqual([]);
  });

  it('GET /v1/config: 400 for a parameter given twice, or a userId with a NUL', async () => {
    for (const [query, error] of [
      ['writeKey=wk_open&userId=a&userId=b', 'userId: expected one value'],
      ['writeKey=wk_open&writeKey=wk_open', 'writeKey: expected one value'],
      ['writeKey=wk_open&tool=open&tool=x', 'tool: expected one value'],
      ['writeKey=wk_open&userId=%00', 'userId: contains a NUL character (U+0000)'],
    ]) {
      const res = await fetch(`${c.url}/v1/config?${query}`);
      expect(res.status, query).toBe(400);
      expect(await res.json()).toEqual({ error });
    }
    expect((await fetch(`${c.url}/v1/config?writeKey=wk_open&userId=u-1`)).status).toBe(200);
  });

  it('admin endpoints: 400, not 503, for a repeated parameter, a NUL or the year 0 in metrics filters and training rows', async () => {
    const admin = { Authorization: 'Bearer test-admin-token' };
    for (const [query, error] of [
      ['cohort=a&cohort=b', 'cohort: expected one value'],
      ['asOf=2026-01-01&asOf=2026-01-02', 'asOf: expected one value'],
      ['program=%00', 'program: contains a NUL character (U+0000)'],
      ['asOf=0000-06-01', 'asOf: 0000-06-01 is before the year 1'],
    ]) {
      const res = await fetch(`${c.url}/v1/metrics?${query}`, { headers: admin });
      expect(res.status, query).toBe(400);
      expect(await res.json()).toEqual({ error });
    }
    const res = await fetch(`${c.url}/v1/import/training`, {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ rows: [{ user_id: 'u\u0000', completed_at: '0000-01-01', program: 'p' }] }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'rows[0].user_id: contains a NUL character (U+0000); rows[0].completed_at: 0000-01-01 is before the year 1',
    });
  });
});
