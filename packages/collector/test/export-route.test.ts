import { beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from './helpers/store-targets.js';
import { event, postEvents } from './helpers/temp-collector.js';
import { useCollector } from './helpers/use-collector.js';

const auth = { Authorization: 'Bearer test-admin-token' };

describe.each(storeKinds)('GET /v1/export?format=ndjson, $kind store', ({ kind }) => {
  const c = useCollector(kind);
  const total = 12_000;

  beforeAll(async () => {
    // 12,000 events over 24 days of October, posted in batches of 500: more than two export pages.
    await postEvents(c.url, total, (n) => {
      const ts = new Date(Date.UTC(2026, 9, 1) + n * 172_800).toISOString();
      return event({ id: `exp-${String(n).padStart(6, '0')}`, ts, props: { n, feature: 'summarize' } });
    });
  });

  const lines = async (query: string) => {
    const res = await fetch(`${c.url}/v1/export?${query}`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    return (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  };

  it('streams one row per stored event with SPEC columns, in time order', async () => {
    const rows = await lines('format=ndjson');
    expect(rows).toHaveLength(total);
    expect(Object.keys(rows[0] ?? {})).toEqual(['id', 'name', 'ts', 'receivedAt', 'userId', 'anonymousId', 'sessionId', 'tool', 'props']);
    expect(rows[0]).toMatchObject({
      id: 'exp-000000',
      name: 'ai.output_accepted',
      ts: '2026-10-01T00:00:00.000Z',
      userId: 'u-4821',
      tool: 'assistant',
      props: { n: 0, feature: 'summarize' },
    });
    expect(rows.map((r) => (r['props'] as { n: number }).n)).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(String(rows[5]?.['receivedAt'])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('filters by from and to: a `to` day is included whole', async () => {
    // Event n is at n × 172.8 s: 500 events per UTC day, so 2026-10-03 holds n = 1000…1499.
    const day = await lines('format=ndjson&from=2026-10-03&to=2026-10-03');
    expect(day.map((r) => r['id'])).toEqual(Array.from({ length: 500 }, (_, i) => `exp-${String(1000 + i).padStart(6, '0')}`));
    const instant = await lines('from=2026-10-03T00:00:00Z&to=2026-10-03T00:02:52.800Z');
    expect(instant.map((r) => r['id'])).toEqual(['exp-001000']);
  });

  it('needs the admin token; a bad format or date is a 400 naming it', async () => {
    expect((await fetch(`${c.url}/v1/export?format=ndjson`)).status).toBe(401);
    const format = await fetch(`${c.url}/v1/export?format=xml`, { headers: auth });
    expect(format.status).toBe(400);
    expect((await format.json()).error).toBe('format: expected csv, ndjson or parquet, got "xml"');
    const date = await fetch(`${c.url}/v1/export?from=last-week`, { headers: auth });
    expect(date.status).toBe(400);
    expect((await date.json()).error).toBe('from: expected a day YYYY-MM-DD or an ISO-8601 instant, got "last-week"');
  });
});
