import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { hmacPseudonym } from '../../src/ingest/pseudonymizer.js';
import { personTables } from '../../src/storage/person-tables.js';
import { startCollector } from '../../src/start-collector.js';
import { duckdbTarget, storeKinds } from '../helpers/store-targets.js';
import { event, postBatch, testConfig } from '../helpers/temp-collector.js';
import { useCollector } from '../helpers/use-collector.js';
import { noMetricRollupRows } from '../helpers/metric-rollup-counts.js';

const secret = 'people-route-test-secret-0123456789';
const config = parseConfig({ ...testConfig, pseudonymize: true, pseudonymSecret: secret });
const auth = { Authorization: `Bearer ${testConfig.adminToken}` };
const pseudonym = hmacPseudonym(secret);

async function forget(url: string, userId: string, query = '', headers: Record<string, string> = auth) {
  const res = await fetch(`${url}/v1/people/${encodeURIComponent(userId)}${query}`, { method: 'DELETE', headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe.each(storeKinds)('DELETE /v1/people/{userId}, $kind store', ({ kind }) => {
  const c = useCollector(kind, config);

  it('erases the person’s events and rollup rows by their pseudonym, counts them, and a second time nothing', async () => {
    const events = [
      event({ userId: 'emp-1001', ts: '2026-11-20T10:00:00Z' }),
      event({ userId: 'emp-1001', ts: '2026-11-21T10:00:00Z' }),
      event({ userId: 'emp-1001', ts: '2026-11-22T10:00:00Z' }),
      event({ userId: 'emp-2002', ts: '2026-11-21T10:00:00Z' }),
      // The other person has a row in every rollup, two in person_items (a prompt and a survey), but
      // person_trainings: trainings arrive by import, never with a write key.
      event({ userId: 'emp-2002', ts: '2026-11-21T10:01:00Z', name: 'prompt.shown', props: { promptId: 'tip' } }),
      event({
        userId: 'emp-2002',
        ts: '2026-11-21T10:02:00Z',
        name: 'survey.answered',
        props: { surveyId: 's', questionId: 'q', value: 3 },
      }),
      event({ userId: 'emp-2002', ts: '2026-11-21T10:03:00Z', name: 'perf.vital', props: { metric: 'LCP', value: 1200, rating: 'good' } }),
      event({ userId: 'emp-2002', ts: '2026-11-21T10:04:00Z', name: 'identify', props: { team: 'sales' } }),
    ];
    expect((await postBatch(c.url, { writeKey: 'wk_assistant', events })).body['accepted']).toBe(8);

    expect((await forget(c.url, 'emp-1001', '', {})).status).toBe(401);
    expect(await forget(c.url, 'emp-1001', '?before=2026-11-21')).toEqual({
      status: 200,
      body: {
        deleted: {
          events: 1,
          daily_usage: 1,
          person_usage_days: 1,
          person_days: 1,
          ...noMetricRollupRows,
          daily_outputs: 1,
        },
      },
    });
    expect(await forget(c.url, 'emp-1001')).toEqual({
      status: 200,
      body: {
        deleted: {
          events: 2,
          daily_usage: 2,
          person_usage_days: 2,
          person_days: 2,
          ...noMetricRollupRows,
          daily_outputs: 2,
        },
      },
    });
    expect(await forget(c.url, 'emp-1001')).toEqual({
      status: 200,
      body: {
        deleted: {
          events: 0,
          daily_usage: 0,
          person_usage_days: 0,
          person_days: 0,
          ...noMetricRollupRows,
        },
      },
    });
    for (const { table, person } of personTables) {
      const count = async (userId: string) =>
        Number((await c.store.query(`SELECT count(*) AS n FROM ${table} WHERE ${person} = $1`, [pseudonym(userId)]))[0]?.['n']);
      expect(await count('emp-1001')).toBe(0);
      expect(await count('emp-2002')).toBe(({ events: 5, person_items: 2, person_trainings: 0 } as Record<string, number>)[table] ?? 1);
    }
    expect((await forget(c.url, 'emp-1001', '?before=soon')).status).toBe(400);
  });

  it('exports one person’s rows for an access request (GET /v1/export?user=)', async () => {
    const mine = event({ userId: 'emp-3003' });
    const posted = await postBatch(c.url, { writeKey: 'wk_assistant', events: [mine, event({ userId: 'emp-4004' })] });
    expect(posted.body).toMatchObject({ accepted: 2 });
    const res = await fetch(`${c.url}/v1/export?format=ndjson&user=emp-3003`, { headers: auth });
    expect(res.status).toBe(200);
    const rows = (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.id, r.userId])).toEqual([[mine['id'], pseudonym('emp-3003')]]);
  });
});

describe('the erasure log line', () => {
  it('carries the counts, never the user id in clear nor its pseudonym, not even in a debug request line', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const target = await duckdbTarget();
    const collector = await startCollector({ config, ...target.location, port: 0, host: '127.0.0.1', logger: { level: 'debug', stream } });
    try {
      await postBatch(collector.url, { writeKey: 'wk_assistant', events: [event({ userId: 'emp-secret-77' })] });
      expect((await forget(collector.url, 'emp-secret-77')).status).toBe(200);
    } finally {
      await collector.close();
      await target.dispose();
    }
    const log = lines.join('');
    expect(log).toContain('erasure: forgot a person');
    expect(log).toContain('/v1/people/:userId');
    expect(log).not.toContain('emp-secret-77');
    expect(log).not.toContain(pseudonym('emp-secret-77'));
  });
});
