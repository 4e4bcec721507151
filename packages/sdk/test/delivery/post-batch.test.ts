import { afterEach, describe, expect, it, vi } from 'vitest';
import { postBatch } from '../../src/delivery/post-batch.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('postBatch', () => {
  it('posts a string body (text/plain, no CORS preflight) without cookies, and reads rejections by index', async () => {
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(Response.json({ accepted: 1, duplicates: 0, rejected: [{ index: 1, error: 'name: bad' }, { nonsense: true }] }));
    const result = await postBatch('http://c/v1/batch', '{"events":[]}');
    expect(result).toEqual({ status: 200, rejected: [{ index: 1, error: 'name: bad' }], retryAfter: undefined, fromCollector: false });
    const init = fetch.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(typeof init?.body).toBe('string');
    expect(init?.headers).toBeUndefined();
    expect(init?.credentials).toBe('omit');
  });

  it('reports status and Retry-After of a refusal', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{"error":"busy"}', { status: 503, headers: { 'Retry-After': '3' } }));
    expect(await postBatch('http://c/v1/batch', '{}')).toEqual({ status: 503, rejected: [], retryAfter: 3000, fromCollector: true });
  });

  it('tells the collector\'s own {"error"} answers from anyone else\'s', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response('<html>Bad Request</html>', { status: 400 }));
    expect((await postBatch('http://c/v1/batch', '{}')).fromCollector).toBe(false);
  });

  it('tolerates a 200 whose body is not JSON', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('ok', { status: 200 }));
    expect((await postBatch('http://c/v1/batch', '{}')).rejected).toEqual([]);
  });

  it('reports status 0 when the network fails, and never rejects', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    expect(await postBatch('http://c/v1/batch', '{}')).toEqual({ status: 0, rejected: [] });
  });
});
