import { describe, expect, it } from 'vitest';
import { importTool } from '../../src/config/import-tool.js';
import { parseConfig } from '../../src/config/load-config.js';
import { allEvents } from '../../src/storage/read-events.js';
import { storeKinds } from '../helpers/store-targets.js';
import { event, postBatch } from '../helpers/temp-collector.js';
import { useCollector } from '../helpers/use-collector.js';

// Pseudonymized, as in production: the import must hash user ids exactly as the collector does.
const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken: 'test-admin-token',
  // Events dated around 2026-11-22: older than the default maxEventAgeDays (7) before today.
  maxEventAgeDays: 36_500,
});
const auth = { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' };

const rows = [
  { user_id: 'u-4821', completed_at: '2026-03-14', program: 'ai-basics', cohort: 'spring', role: 'professional', team: 'finance' },
  { user_id: 'u-4822', completed_at: '2026-03-15T09:30:00Z', program: 'ai-basics' },
  { user_id: 'u-4823', completed_at: '2026-03-16', program: 'ai-basics', role: '', team: 'legal' },
];

describe.each(storeKinds)('training import, $kind store', ({ kind }) => {
  const c = useCollector(kind, config);
  const post = (body: unknown, headers: Record<string, string> = auth) =>
    fetch(`${c.url}/v1/import/training`, { method: 'POST', headers, body: JSON.stringify(body) }).then(async (res) => ({
      status: res.status,
      body: await res.json(),
    }));

  it('POST /v1/import/training stores training.completed and identify events, joinable with SDK events; twice changes nothing', async () => {
    expect(await post({ rows })).toEqual({ status: 200, body: { rows: 3, events: 5, inserted: 5, existing: 0 } });
    expect(await post({ rows })).toEqual({ status: 200, body: { rows: 3, events: 5, inserted: 0, existing: 5 } });
    // An SDK event of the same person: its stored userId must equal the imported one.
    expect(
      (
        await postBatch(c.url, {
          writeKey: 'wk_assistant',
          events: [event({ id: 'sdk-join-0001', userId: 'u-4821', ts: '2026-03-20T10:00:00Z' })],
        })
      ).body['accepted'],
    ).toBe(1);

    const events = await allEvents(c.store);
    expect(events).toHaveLength(6);
    const sdk = events.find((e) => e.id === 'sdk-join-0001');
    const imported = events.filter((e) => e.tool === importTool);
    expect(sdk?.userId).toMatch(/^[0-9a-f]{64}$/); // hashed, not u-4821
    expect(imported.filter((e) => e.userId === sdk?.userId).map((e) => [e.name, e.props])).toEqual([
      ['identify', { role: 'professional', team: 'finance' }],
      ['training.completed', { program: 'ai-basics', cohort: 'spring' }],
    ]);
    expect(imported.map((e) => [e.name, e.ts.toISOString(), e.anonymousId, e.sessionId])).toEqual([
      ['identify', '2026-03-14T00:00:00.000Z', null, null],
      ['training.completed', '2026-03-14T00:00:00.000Z', null, null],
      ['training.completed', '2026-03-15T09:30:00.000Z', null, null],
      ['identify', '2026-03-16T00:00:00.000Z', null, null],
      ['training.completed', '2026-03-16T00:00:00.000Z', null, null],
    ]);
    expect(imported.find((e) => e.ts.toISOString().startsWith('2026-03-16') && e.name === 'identify')?.props).toEqual({ team: 'legal' });
    // Ids are deterministic but carry nothing of the raw user id.
    expect(imported.every((e) => /^(trn|idn)_[0-9a-f]{40}$/.test(e.id))).toBe(true);
  });

  it('the route needs the admin token, and refuses a bad row whole, naming the row and field', async () => {
    expect((await post({ rows }, { 'Content-Type': 'application/json' })).status).toBe(401);
    const bad = await post({
      rows: [
        { user_id: 'u-new', completed_at: '2026-04-01', program: 'p' },
        { user_id: 'u-x', completed_at: '14/03/2026', program: 'p', email: 'x' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('rows[1].completed_at: expected a date YYYY-MM-DD or an ISO-8601 instant, got "14/03/2026"');
    expect(bad.body.error).toContain('rows[1]: Unrecognized key: "email"');
    expect((await post({ rows: [] })).body).toEqual({ error: 'rows: expected at least one row' });
    expect((await allEvents(c.store)).some((e) => e.props['program'] === 'p')).toBe(false);
  });
});

describe('the import tool name', () => {
  it('is reserved: a config cannot declare a tool of that name', () => {
    expect(() => parseConfig({ tools: [{ id: importTool, writeKey: 'wk', origins: ['*'] }], adminToken: 'test-admin-token' })).toThrow(
      'config: tools[0].id: "uptake-import" is reserved for events of uptake import',
    );
  });
});
