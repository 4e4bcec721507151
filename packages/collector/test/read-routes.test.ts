import { beforeAll, describe, expect, it } from 'vitest';
import { event, postBatch } from './helpers/temp-collector.js';
import { useCollector } from './helpers/use-collector.js';

const c = useCollector();

beforeAll(async () => {
  await postBatch(c.url, {
    writeKey: 'wk_assistant',
    events: [event({ userId: 'u-1', name: 'ai.request' }), event({ userId: 'u-1' }), event({ userId: 'u-2' })],
  });
});

describe('reading endpoints', () => {
  it('GET /healthz answers ok when storage is reachable', async () => {
    const res = await fetch(`${c.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('GET /v1/stats needs the admin token', async () => {
    const none = await fetch(`${c.url}/v1/stats`);
    expect(none.status).toBe(401);
    expect((await none.json()).error).toMatch(/Authorization: Bearer/);
    const wrong = await fetch(`${c.url}/v1/stats`, { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
  });

  it('GET /v1/stats counts events and users', async () => {
    const res = await fetch(`${c.url}/v1/stats`, { headers: { Authorization: 'Bearer test-admin-token' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      events: 3,
      users: 2,
      byName: [
        { name: 'ai.output_accepted', events: 2 },
        { name: 'ai.request', events: 1 },
      ],
    });
  });

  it.each([
    ['uptake.js', 'uptake'],
    ['uptake-prompts.js', 'uptakePrompts'],
    ['uptake-vitals.js', 'uptakeVitals'],
    ['uptake-widgets.js', 'uptakeWidgets'],
    ['uptake-explain.js', 'uptakeExplain'],
  ])('GET /%s serves the built script-tag bundle', async (file, global) => {
    const res = await fetch(`${c.url}/${file}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await res.text()).toMatch(new RegExp(`^var ${global}=`));
  });

  it('an unknown route is a 404 with words', async () => {
    const res = await fetch(`${c.url}/nope?x=1`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no route GET /nope' });
  });
});
