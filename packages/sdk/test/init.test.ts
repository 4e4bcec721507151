import { afterEach, describe, expect, it, vi } from 'vitest';
import { init } from '../src/index.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('init', () => {
  it('never throws on bad options: it warns once, naming the option, and stays inert', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const u = init({ collector: 'http://127.0.0.1:1', writeKey: '', tool: 'assistant' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('options.writeKey');
    expect(() => u.track('report.generated')).not.toThrow();
    expect(() => init(undefined as never)).not.toThrow();
  });

  it('sends tracked events as a text/plain batch with sentAt and the canonical AI event names', async () => {
    const bodies: { body: string; type: string | null }[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (_url, request) => {
      bodies.push({ body: String(request?.body), type: new Headers(request?.headers).get('content-type') });
      return new Response('{}', { status: 200 });
    });
    const u = init({ collector: 'http://127.0.0.1:1', writeKey: 'wk_assistant', tool: 'assistant' });
    u.identify('u-4821', { role: 'professional' });
    u.ai.request('summarize');
    const out = u.ai.output('summarize', 'o-1');
    out.accepted();
    u.task('monthly-close', { aiAssisted: true, minutesSaved: 20 });
    await u.flush();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.type).toBe('text/plain');
    const batch = JSON.parse(bodies[0]?.body ?? '{}');
    expect(batch.writeKey).toBe('wk_assistant');
    expect(Date.parse(batch.sentAt)).not.toBeNaN();
    expect(batch.events.map((e: { name: string }) => e.name)).toEqual(['identify', 'ai.request', 'ai.output_shown', 'ai.output_accepted', 'task.completed']);
    expect(batch.events[3].props).toEqual({ feature: 'summarize', outputId: 'o-1' });
    expect(batch.events.every((e: { userId: string }) => e.userId === 'u-4821')).toBe(true);
  });

  it('keeps events queued when the collector is unreachable, and sends them later', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValueOnce(new TypeError('offline'));
    const u = init({ collector: 'http://127.0.0.1:1', writeKey: 'wk', tool: 't' });
    u.track('report.generated');
    await u.flush();
    fetch.mockResolvedValue(new Response('{}', { status: 200 }));
    await u.flush();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(JSON.parse(String(fetch.mock.calls[1]?.[1]?.body)).events).toHaveLength(1);
  });

  it('refuses a malformed event name with a warning instead of throwing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const u = init({ collector: 'http://127.0.0.1:1', writeKey: 'wk', tool: 't' });
    expect(() => u.track('Bad Name')).not.toThrow();
    expect(String(warn.mock.calls[0]?.[0])).toContain('"Bad Name" is not an event name');
  });
});
