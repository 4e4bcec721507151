import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { storeKinds } from '../helpers/store-targets.js';
import { event, postBatch, testConfig } from '../helpers/temp-collector.js';
import { useCollector } from '../helpers/use-collector.js';

const viewer = `viewer-${'v'.repeat(32)}`;
const analyst = `analyst-${'a'.repeat(32)}`;
const config = parseConfig({
  ...testConfig,
  pseudonymSecret: undefined,
  tokens: [
    { name: 'managers', role: 'viewer', token: viewer },
    { name: 'hr-analytics', role: 'analyst', token: analyst },
  ],
});
const person = 'u-4821';

describe.each(storeKinds)('the audit log of requests with a token: $kind', ({ kind }) => {
  const c = useCollector(kind, config);

  const get = (path: string, token?: string, method = 'GET') =>
    fetch(`${c.url}${path}`, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });

  it('records reads, exports, refusals and erasures by token name, endpoint, status and rows; never a person', async () => {
    const posted = await postBatch(c.url, { writeKey: 'wk_assistant', events: [event(), event(), event({ userId: 'u-other' })] });
    expect(posted.body['accepted']).toBe(3);
    const calls: [string, string | undefined, string?][] = [
      ['/v1/metrics?asOf=2026-11-22&tool=assistant&note=u-4821', viewer],
      ['/v1/tools', viewer],
      ['/v1/whoami', viewer],
      ['/v1/export?format=ndjson', viewer],
      [`/v1/export?format=ndjson&from=2026-11-01&user=${person}`, analyst],
      ['/v1/export?format=parquet', analyst],
      ['/v1/stats', analyst],
      ['/v1/stats', undefined],
      ['/v1/stats', 'not-a-token'],
      [`/v1/people/${person}`, 'test-admin-token', 'DELETE'],
    ];
    // One after the other, so the log's order is theirs.
    for (const [path, token, method] of calls) {
      const res = await get(path, token, method);
      await res.arrayBuffer();
    }
    await expect.poll(async () => (await c.store.readAudit()).length).toBe(calls.length - 1);
    const lines = await c.store.readAudit();
    expect(lines.map(({ token, role, method, endpoint, status, rows }) => ({ token, role, method, endpoint, status, rows }))).toEqual([
      { token: 'managers', role: 'viewer', method: 'GET', endpoint: '/v1/metrics?asOf=2026-11-22&tool=assistant', status: 200, rows: 1 },
      { token: 'managers', role: 'viewer', method: 'GET', endpoint: '/v1/tools', status: 200, rows: 2 },
      { token: 'managers', role: 'viewer', method: 'GET', endpoint: '/v1/export?format=ndjson', status: 403, rows: 0 },
      {
        token: 'hr-analytics',
        role: 'analyst',
        method: 'GET',
        endpoint: '/v1/export?format=ndjson&from=2026-11-01&user=<person>',
        status: 200,
        rows: 2,
      },
      { token: 'hr-analytics', role: 'analyst', method: 'GET', endpoint: '/v1/export?format=parquet', status: 200, rows: 3 },
      { token: 'hr-analytics', role: 'analyst', method: 'GET', endpoint: '/v1/stats', status: 200, rows: 1 },
      { token: null, role: null, method: 'GET', endpoint: '/v1/stats', status: 401, rows: 0 },
      { token: null, role: null, method: 'GET', endpoint: '/v1/stats', status: 401, rows: 0 },
      // The two events of the person, their daily_usage, person_days and daily_outputs rows.
      { token: 'admin', role: 'admin', method: 'DELETE', endpoint: '/v1/people/:userId', status: 200, rows: 6 },
    ]);
    for (const line of lines) expect(Math.abs(line.at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(JSON.stringify(lines)).not.toContain(person);
  });

  it('GET /v1/audit (admin) reads it, since a day and of one token, and is itself recorded', async () => {
    const res = await get('/v1/audit?token=hr-analytics&since=2000-01-01', 'test-admin-token');
    const { entries } = (await res.json()) as { entries: { token: string; endpoint: string; at: string }[] };
    expect(entries.map((e) => e.endpoint)).toEqual([
      '/v1/export?format=ndjson&from=2026-11-01&user=<person>',
      '/v1/export?format=parquet',
      '/v1/stats',
    ]);
    expect(entries[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await get('/v1/audit?since=tomorrow', 'test-admin-token')).status).toBe(400);
    expect((await get('/v1/audit?limit=0', 'test-admin-token')).status).toBe(400);
    await expect
      .poll(async () => (await c.store.readAudit({ token: 'admin' })).map((l) => `${l.endpoint} ${l.status} ${l.rows}`))
      .toEqual([
        '/v1/people/:userId 200 6',
        '/v1/audit?token=hr-analytics&since=2000-01-01 200 3',
        '/v1/audit?since=tomorrow 400 0',
        '/v1/audit?limit=0 400 0',
      ]);
  });
});

describe.each(storeKinds)('an export its client abandons half way: $kind', ({ kind }) => {
  const c = useCollector(kind, config);

  it('is audited all the same, with the rows sent until the client left', async () => {
    const total = 20_000;
    const at = new Date('2026-11-22T10:00:00Z');
    const events = Array.from({ length: total }, (_, i) => ({
      id: `abandoned-${i}`,
      name: 'ai.request',
      ts: at,
      receivedAt: at,
      userId: `u-${i % 400}`,
      anonymousId: null,
      sessionId: null,
      tool: 'assistant',
      props: {},
    }));
    for (let i = 0; i < total; i += 5_000) await c.store.insert(events.slice(i, i + 5_000));
    // A client that leaves: the first chunk read, then its socket destroyed (as a closed tab or a killed curl does).
    const first = await new Promise<string>((resolve, reject) => {
      const req = request(`${c.url}/v1/export?format=ndjson`, { headers: { Authorization: `Bearer ${analyst}` } }, (res) => {
        res.once('data', (chunk: Buffer) => {
          req.destroy();
          resolve(`${res.statusCode} ${chunk.toString().slice(0, 1)}`);
        });
      });
      req.once('error', reject);
      req.end();
    });
    expect(first).toBe('200 {');
    await expect
      .poll(async () => (await c.store.readAudit({ token: 'hr-analytics' })).map((l) => l.endpoint), { timeout: 10_000 })
      .toEqual(['/v1/export?format=ndjson']);
    const [line] = await c.store.readAudit({ token: 'hr-analytics' });
    expect(line?.status).toBe(200);
    expect(line?.rows).toBeGreaterThan(0);
    expect(line?.rows).toBeLessThan(total);
  });
});
