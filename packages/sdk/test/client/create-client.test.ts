import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, type Uptake } from '../../src/client/create-client.js';
import { moduleExtras } from '../../src/module-extras.js';
import { createEventQueue } from '../../src/storage/event-queue.js';
import { openQueueDb } from '../../src/storage/open-queue-db.js';
import { fakeCollector, until } from '../helpers/fake-collector.js';
import { useFreshIndexedDb } from '../helpers/fresh-indexeddb.js';

useFreshIndexedDb();

let client: Uptake | undefined;
const start = (): Uptake =>
  (client = createClient(
    { collector: 'http://127.0.0.1:1', writeKey: 'wk_assistant', tool: 'assistant', flushInterval: 60_000 },
    moduleExtras,
  ));

beforeEach(() => localStorage.clear());
afterEach(async () => {
  await client?.optOut();
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('createClient', () => {
  it('never throws into the host page, whatever the arguments', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const u = start();
    const throwing = {
      get plan(): string {
        throw new Error('getter');
      },
    };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const bare = Object.create(null) as never;
    expect(() => u.track(Symbol('x') as never)).not.toThrow();
    expect(() => u.track('report.generated', throwing as never)).not.toThrow();
    expect(() => u.track('report.generated', revoked.proxy as never)).not.toThrow();
    expect(() => u.identify('u-1', throwing as never)).not.toThrow();
    expect(() => u.ai.request(bare)).not.toThrow();
    expect(() => u.ai.feature(bare)).not.toThrow();
    expect(() => u.task(bare)).not.toThrow();
    const handle = u.ai.output(bare, bare);
    expect(() => handle.accepted()).not.toThrow();
  });

  it('sends the canonical events with ids, times, identity and the tool', async () => {
    const collector = fakeCollector();
    const u = start();
    u.track('page.viewed');
    u.identify('u-4821', { role: 'professional', team: 'finance' });
    u.ai.request('summarize');
    const out = u.ai.output('summarize', 'o-1');
    out.accepted();
    out.edited();
    out.rejected();
    out.regenerated();
    u.ai.feature('critique');
    u.task('monthly-close', { aiAssisted: true, minutesSaved: 20 });
    await u.flush();
    const events = collector.received.flatMap((r) => r.body.events) as unknown as Record<string, unknown>[];
    expect(events.map((e) => e['name'])).toEqual([
      'page.viewed',
      'identify',
      'ai.request',
      'ai.output_shown',
      'ai.output_accepted',
      'ai.output_edited',
      'ai.output_rejected',
      'ai.output_regenerated',
      'ai.feature_used',
      'task.completed',
    ]);
    expect(events[0]?.['userId']).toBeUndefined();
    expect(events.slice(1).every((e) => e['userId'] === 'u-4821')).toBe(true);
    expect(events[1]?.['props']).toEqual({ role: 'professional', team: 'finance' });
    expect(events[4]?.['props']).toEqual({ feature: 'summarize', outputId: 'o-1' });
    expect(events[9]?.['props']).toEqual({ workflow: 'monthly-close', aiAssisted: true, minutesSaved: 20 });
    expect(new Set(events.map((e) => e['id'])).size).toBe(events.length);
    expect(new Set(events.map((e) => e['anonymousId']))).toEqual(new Set([localStorage.getItem('uptake.anonymousId')]));
    expect(new Set(events.map((e) => e['sessionId'])).size).toBe(1);
    expect(events.every((e) => e['tool'] === 'assistant' && !Number.isNaN(Date.parse(String(e['ts']))))).toBe(true);
  });

  it("carries each user id's userHash in the batch's identities, from the events queued for it, and asks the config with it", async () => {
    const collector = fakeCollector();
    const u = start();
    const hashA = 'a'.repeat(64);
    u.track('page.viewed');
    u.identify('u-a', { role: 'professional' }, { userHash: hashA });
    u.ai.request('summarize');
    // Someone else signs in on the same page, without a hash: the first person's events keep theirs.
    u.identify('u-b');
    u.ai.request('draft');
    await u.flush();
    const batches = collector.received.filter((r) => r.url.endsWith('/v1/batch'));
    const events = batches.flatMap((r) => r.body.events) as unknown as Record<string, unknown>[];
    expect(events.map((e) => [e['name'], e['userId']])).toEqual([
      ['page.viewed', undefined],
      ['identify', 'u-a'],
      ['ai.request', 'u-a'],
      ['identify', 'u-b'],
      ['ai.request', 'u-b'],
    ]);
    expect(events.some((e) => 'userHash' in e)).toBe(false);
    expect(batches.map((r) => r.body.identities)).toEqual([{ 'u-a': hashA }]);
    const configUrls = collector.fetch.mock.calls.map((c) => String(c[0])).filter((url) => url.includes('/v1/config'));
    expect(configUrls[0]).toContain(`&userId=u-a&userHash=${hashA}`);
    expect(configUrls[1]).toMatch(/&userId=u-b$/);
  });

  it('gives an output without an id one, and task defaults to nulls', async () => {
    const collector = fakeCollector();
    const u = start();
    u.ai.output('draft').accepted();
    u.task('close');
    await u.flush();
    const [shown, accepted, task] = collector.received[0]?.body.events ?? [];
    expect(shown?.props['outputId']).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(accepted?.props['outputId']).toBe(shown?.props['outputId']);
    expect(task?.props).toEqual({ workflow: 'close', aiAssisted: null, minutesSaved: null });
  });

  it('redacts and cuts string props; never throws on bad arguments, warning once with the problem', async () => {
    const collector = fakeCollector();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const u = start();
    expect(() => {
      u.track('Bad Name');
      u.track(undefined as never);
      u.identify('' as string);
      u.identify({} as never);
      u.track('search.done', { query: 'mail jane@corp.example', long: 'x'.repeat(400), nested: { a: 1 } as never });
      u.ai.request(null as never);
    }).not.toThrow();
    await u.flush();
    const said = warn.mock.calls.map((c) => String(c[0]));
    expect(said).toContain('[uptake] track: "Bad Name" is not an event name such as report.generated');
    expect(said).toContain('[uptake] identify: userId must be a string of 1–128 characters');
    expect(said.some((s) => s.includes('props.nested dropped'))).toBe(true);
    const search = collector.received[0]?.body.events.find((e) => e.name === 'search.done');
    expect(search?.props).toEqual({ query: 'mail [redacted]', long: 'x'.repeat(256) });
    expect(collector.names()).toEqual(['search.done', 'ai.request']);
  });

  it('optOut stops tracking, clears the queue and forgets the identity, for good', async () => {
    const collector = fakeCollector();
    const u = start();
    u.track('report.generated');
    const queue = createEventQueue(openQueueDb('uptake:assistant'));
    await until(async () => (await queue.peek(10)).events.length === 1);
    await u.optOut();
    u.track('report.generated');
    await u.flush();
    expect(collector.fetch).not.toHaveBeenCalled();
    expect((await queue.peek(10)).events).toEqual([]);
    expect(localStorage.getItem('uptake.anonymousId')).toBeNull();
    expect(localStorage.getItem('uptake.optOut')).toBe('1');
  });
});
