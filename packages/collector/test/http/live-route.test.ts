import { get, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { userHash } from '../../src/identity/user-hash.js';
import { LiveEvents } from '../../src/http/live-events.js';
import type { LiveMessage } from '../../src/http/live-message.js';
import { readLiveMessages } from '../../src/http/read-live-messages.js';
import { postBatch, tempCollector } from '../helpers/temp-collector.js';
import { useCollector } from '../helpers/use-collector.js';

// GET /v1/live over real HTTP on 127.0.0.1, against a running collector: what a tool team sees while
// its page sends, refused events with the batch answer's own words, and who may watch.

const secret = 'live-identity-secret-for-tests';
const token = (role: string) => `${role}-live-token-${'0123456789'.repeat(3)}`;
export const liveConfig = parseConfig({
  tools: [
    { id: 'assistant', writeKey: 'wk_assistant', identitySecret: secret, origins: ['https://assistant.corp.example'] },
    { id: 'other', writeKey: 'wk_other', identity: 'unverified', origins: ['*'] },
  ],
  adminToken: token('admin'),
  tokens: ['viewer', 'analyst', 'editor'].map((role) => ({ name: `${role}s`, role, token: token(role) })),
  maxEventsPerPersonPerDay: 3,
  pseudonymSecret: 'live-pseudonym-secret-for-tests',
});

const c = useCollector('duckdb', liveConfig);
const now = () => new Date().toISOString();
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
let counter = 0;
const ev = (overrides: Record<string, unknown> = {}) => ({
  id: `live-${Date.now().toString(36)}-${(counter++).toString(36)}`,
  name: 'ai.output_accepted',
  ts: now(),
  userId: 'u-4821',
  tool: 'assistant',
  props: { feature: 'summarize' },
  ...overrides,
});

/** An open stream: its messages so far, and a way to wait for more. */
interface Stream {
  messages: LiveMessage[];
  until(predicate: (messages: LiveMessage[]) => boolean): Promise<LiveMessage[]>;
  close(): void;
  ended: Promise<void>;
}
const open: Stream[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/**
 * Opens a stream with node:http rather than fetch: after an aborted stream, fetch (undici) opens a
 * spare connection that sends no request, which holds the collector's close for its 10 s deadline.
 */
export function openLive(url: string, authorization: string): Promise<{ res: IncomingMessage; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { Authorization: authorization } }, (res) => resolve({ res, close: () => req.destroy() }));
    req.on('error', reject);
  });
}

async function stream(query = '', auth = `Bearer ${token('analyst')}`): Promise<Stream> {
  const { res, close } = await openLive(`${c.url}/v1/live${query}`, auth);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
  const messages: LiveMessage[] = [];
  let wake: () => void = () => undefined;
  const ended = (async () => {
    try {
      for await (const m of readLiveMessages(Readable.toWeb(res) as ReadableStream<Uint8Array>)) {
        messages.push(m);
        wake();
      }
    } catch {
      // closed by close()
    }
    wake();
  })();
  const s: Stream = {
    messages,
    ended,
    close,
    async until(predicate) {
      const deadline = Date.now() + 10_000;
      while (!predicate(messages)) {
        if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(messages)}`);
        await Promise.race([new Promise<void>((r) => (wake = r)), new Promise((r) => setTimeout(r, 100))]);
      }
      return messages;
    },
  };
  open.push(s);
  await s.until((m) => m.some((x) => x.type === 'hello'));
  return s;
}

const events = (messages: LiveMessage[]) => messages.filter((m) => m.type !== 'hello');

describe('GET /v1/live: the events a collector receives, as they arrive', () => {
  it('shows stored events with their props and refused ones with the reasons of the batch answer, by index', async () => {
    const s = await stream();
    const old = ev({ ts: daysAgo(30) });
    const batch = {
      writeKey: 'wk_assistant',
      identities: { 'u-4821': userHash(secret, 'u-4821') },
      events: [
        ev({ props: { feature: 'summarize', words: 120 } }),
        ev({ userId: 'u-stranger' }), // no userHash for this user id
        old, // older than maxEventAgeDays (7)
        ev({ name: 'training.completed', props: { program: 'workshop' } }), // only imports may say so
        ev({ props: { feature: { nested: true } } }), // not a prop value
        ev({ userId: undefined, anonymousId: 'a-77', name: 'ai.request' }), // anonymous: accepted
        ev({ name: 'identify', props: { role: 'professional', cohort: 'made-up' } }),
        ev(),
        ev(), // the fourth of u-4821 today: over the daily cap of 3
      ],
    };
    const answer = await postBatch(c.url, batch);
    expect(answer.status).toBe(200);
    const rejected = answer.body['rejected'] as { index: number; id?: string; error: string }[];
    expect(rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 8]);

    const got = events(await s.until((m) => events(m).length >= 9));
    expect(got.map((m) => m.type)).toEqual([
      'accepted',
      'refused',
      'refused',
      'refused',
      'refused',
      'accepted',
      'accepted',
      'accepted',
      'refused',
    ]);
    // Exactly the batch answer's words, at the same indexes.
    const refusals = got.flatMap((m) => (m.type === 'refused' ? [{ index: m.index, id: m.id, error: m.reason }] : []));
    expect(refusals).toEqual(rejected);
    expect(refusals.map((r) => r.error)).toEqual([
      expect.stringMatching(/^userId: no valid userHash/),
      expect.stringMatching(/^ts: more than 7 days before receipt \(maxEventAgeDays\)/),
      expect.stringMatching(/^name: training\.completed comes from imported training/),
      expect.stringMatching(/^props\.feature: /),
      expect.stringMatching(/^this person sent more than 3 events on .* \(maxEventsPerPersonPerDay\)$/),
    ]);
    const first = got[0] as Extract<LiveMessage, { type: 'accepted' }>;
    expect(first).toMatchObject({
      tool: 'assistant',
      name: 'ai.output_accepted',
      props: { feature: 'summarize', words: 120 },
      identified: true,
    });
    expect(first.person).toMatch(/^[0-9a-f]{6}$/);
    expect(got[2]).toMatchObject({ type: 'refused', name: 'ai.output_accepted', ts: old.ts, tool: 'assistant' });
    // An identified person keeps one alias in the stream; the anonymous one has another.
    const persons = got.map((m) => ('person' in m ? m.person : undefined));
    expect(persons[7]).toBe(first.person);
    expect(got[5]).toMatchObject({ name: 'ai.request', identified: false });
    expect(persons[5]).not.toBe(first.person);
    // What a page may not set is said, as the answer's warnings say it.
    expect(got[6]).toMatchObject({
      name: 'identify',
      props: { role: 'professional' },
      note: expect.stringMatching(/^props: cohort not stored/),
    });
    // Refused events' props are not shown: they were not stored.
    expect(got[4]).not.toHaveProperty('props');
  });

  it('never shows a user id, nor the stored pseudonym; aliases differ between streams', async () => {
    const a = await stream();
    const b = await stream();
    await postBatch(c.url, { writeKey: 'wk_other', events: [ev({ tool: 'other', userId: 'emp-secret-042' })] });
    const [ma] = events(await a.until((m) => events(m).length >= 1));
    const [mb] = events(await b.until((m) => events(m).length >= 1));
    const stored = (await c.store.events()).find((e) => e.id === (ma as { id: string }).id)?.userId ?? '';
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    for (const m of [ma, mb]) {
      const text = JSON.stringify(m);
      expect(text).not.toContain('emp-secret-042');
      expect(text).not.toContain(stored.slice(0, 6));
    }
    expect((ma as { person: string }).person).not.toBe((mb as { person: string }).person);
  });

  it('shows a batch refused as a whole: an unknown write key (to the tool its events claim), an origin not allowed', async () => {
    const s = await stream('?tool=assistant');
    expect(s.messages[0]).toEqual({ type: 'hello', tool: 'assistant' });
    expect((await postBatch(c.url, { writeKey: 'wk_asistant', events: [ev(), ev()] })).status).toBe(401);
    expect((await postBatch(c.url, { writeKey: 'wk_assistant', events: [ev()] }, { Origin: 'https://evil.example' })).status).toBe(403);
    const got = events(await s.until((m) => events(m).length >= 2));
    expect(got).toEqual([
      {
        type: 'batch-refused',
        receivedAt: expect.any(String),
        status: 401,
        reason: 'unknown write key',
        tools: ['assistant'],
        events: 2,
        writeKey: 'wk_asistant',
      },
      {
        type: 'batch-refused',
        receivedAt: expect.any(String),
        status: 403,
        reason: 'origin https://evil.example is not allowed for tool "assistant"',
        tools: ['assistant'],
        events: 1,
        writeKey: 'wk_assistant',
      },
    ]);
  });

  it('filters by tool and by name (a pattern with *)', async () => {
    const s = await stream('?tool=other&name=ai.*');
    await postBatch(c.url, {
      writeKey: 'wk_other',
      events: [ev({ tool: 'other', name: 'report.generated' }), ev({ tool: 'other', name: 'ai.request', userId: 'u-1' })],
    });
    await postBatch(c.url, { writeKey: 'wk_assistant', identities: { 'u-9': userHash(secret, 'u-9') }, events: [ev({ userId: 'u-9' })] });
    await postBatch(c.url, { writeKey: 'wk_other', events: [ev({ tool: 'other', name: 'ai.feature_used', userId: 'u-2' })] });
    const got = events(await s.until((m) => events(m).length >= 2));
    expect(got.map((m) => (m as { name: string }).name)).toEqual(['ai.request', 'ai.feature_used']);
  });

  it('answers 400 in words for an unknown tool or a bad name pattern', async () => {
    const ask = (query: string) => fetch(`${c.url}/v1/live${query}`, { headers: { Authorization: `Bearer ${token('admin')}` } });
    const unknown = await ask('?tool=asistant');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: 'tool: no tool "asistant" in this collector\'s config (its tools: assistant, other)' });
    expect((await ask('?name=AI%20things')).status).toBe(400);
  });

  it('is for analyst and admin tokens: a viewer or editor gets 403, a write key or no token 401', async () => {
    const get = (authorization?: string) =>
      fetch(`${c.url}/v1/live`, { headers: authorization ? { Authorization: authorization } : {} }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as { error: string },
      }));
    for (const role of ['viewer', 'editor']) {
      expect(await get(`Bearer ${token(role)}`)).toEqual({
        status: 403,
        body: { error: `exporting events needs an analyst or admin token; the token "${role}s" has the role ${role}` },
      });
    }
    expect((await get('Bearer wk_assistant')).status).toBe(401);
    expect((await get()).status).toBe(401);
    (await stream('', `Bearer ${token('admin')}`)).close();
  });

  it('writes one audit line per stream, when it closes, with the events it carried', async () => {
    // Lines of this test's stream only: earlier streams' lines are dated when those streams opened.
    const start = new Date();
    const lines = async () => (await c.store.readAudit({})).filter((e) => e.endpoint.startsWith('/v1/live') && e.at >= start);
    const s = await stream('?tool=other', `Bearer ${token('analyst')}`);
    await postBatch(c.url, {
      writeKey: 'wk_other',
      events: [ev({ tool: 'other' }), ev({ tool: 'other' }), ev({ tool: 'other', name: 'Bad' })],
    });
    await s.until((m) => events(m).length >= 3);
    expect(await lines()).toEqual([]);
    s.close();
    await s.ended;
    await expect.poll(lines).toEqual([
      expect.objectContaining({
        token: 'analysts',
        role: 'analyst',
        method: 'GET',
        endpoint: '/v1/live?tool=other',
        status: 200,
        rows: 3,
      }),
    ]);
  });

  it('drops what a reader too slow to keep up would have received, and says how many', async () => {
    const { res, close } = await openLive(`${c.url}/v1/live?tool=other`, `Bearer ${token('admin')}`);
    res.pause(); // nothing is read while 20,000 events arrive
    const sent = 20_000;
    for (let b = 0; b < sent / 500; b++) {
      const batch = Array.from({ length: 500 }, (_, i) =>
        ev({ tool: 'other', userId: `slow-${b}-${i}`, props: { feature: 'x'.repeat(200), n: i } }),
      );
      expect((await postBatch(c.url, { writeKey: 'wk_other', events: batch })).body['accepted']).toBe(500);
    }
    const tail = Readable.toWeb(res) as ReadableStream<Uint8Array>;
    let received = 0;
    let skipped = 0;
    for await (const m of readLiveMessages(tail)) {
      if (m.type === 'accepted') received++;
      if (m.type === 'skipped') skipped += m.count;
      if (received + skipped >= sent) break;
    }
    close();
    expect(skipped).toBeGreaterThan(0);
    expect(received + skipped).toBe(sent);
  }, 60_000);
});

describe('GET /v1/live when the collector stops, and POST /v1/batch when no one listens', () => {
  it('a stopping collector ends its streams with a bye, promptly', async () => {
    const collector = await tempCollector(liveConfig);
    const { res } = await openLive(`${collector.url}/v1/live`, `Bearer ${token('admin')}`);
    const messages: LiveMessage[] = [];
    const reading = (async () => {
      for await (const m of readLiveMessages(Readable.toWeb(res) as ReadableStream<Uint8Array>)) messages.push(m);
    })();
    await expect.poll(() => messages.length).toBe(1);
    const started = Date.now();
    await collector.stop();
    await reading;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(messages).toEqual([{ type: 'hello' }, { type: 'bye', reason: 'the collector is stopping' }]);
  });

  it('builds nothing for the stream while no one listens; once one listens, one publish per batch', async () => {
    const collector = await tempCollector(liveConfig);
    try {
      const publish = vi.spyOn(LiveEvents.prototype, 'publish');
      const batch = { writeKey: 'wk_other', events: [ev({ tool: 'other', userId: 'quiet-1' }), ev({ tool: 'other', name: 'Bad' })] };
      const quiet = await postBatch(collector.url, batch);
      expect((await postBatch(collector.url, { writeKey: 'nope', events: [] })).status).toBe(401);
      expect(publish).not.toHaveBeenCalled();
      const { res, close } = await openLive(`${collector.url}/v1/live`, `Bearer ${token('admin')}`);
      res.resume();
      const again = await postBatch(collector.url, {
        ...batch,
        events: [ev({ tool: 'other', userId: 'quiet-2' }), ev({ tool: 'other', name: 'Bad' })],
      });
      // The answer is the same with a listener as without.
      expect({ ...again.body, rejected: [] }).toEqual({ ...quiet.body, rejected: [] });
      expect((again.body['rejected'] as { error: string }[]).map((r) => r.error)).toEqual(
        (quiet.body['rejected'] as { error: string }[]).map((r) => r.error),
      );
      expect(publish).toHaveBeenCalledTimes(1);
      close();
      // Once the stream is gone, nothing is built again.
      await new Promise((r) => setTimeout(r, 100));
      await postBatch(collector.url, batch);
      expect(publish).toHaveBeenCalledTimes(1);
      publish.mockRestore();
    } finally {
      await collector.stop();
    }
  });
});
