import { describe, expect, it } from 'vitest';
import { importTool } from '../../src/config/import-tool.js';
import { parseConfig } from '../../src/config/load-config.js';
import { allEvents } from '../../src/storage/read-events.js';
import { storeKinds } from '../helpers/store-targets.js';
import { event, postBatch } from '../helpers/temp-collector.js';
import { useCollector } from '../helpers/use-collector.js';
import { lmsToken, statement, viewerToken, xapiConfigInput } from './xapi-fixtures.js';

const basic = (token: string, user = 'lms') => `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
const xapiHeaders = (authorization = basic(lmsToken)) => ({
  Authorization: authorization,
  'Content-Type': 'application/json',
  'X-Experience-API-Version': '1.0.3',
});

async function postStatements(url: string, body: unknown, headers: Record<string, string> = xapiHeaders()) {
  const res = await fetch(`${url}/xAPI/statements`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
}

describe.each(storeKinds)('POST /xAPI/statements, $kind store', ({ kind }) => {
  const c = useCollector(kind, parseConfig(xapiConfigInput()));
  const completed = statement('completed');

  it('stores a completion as training.completed, hashed like every user id, and answers its id with the version header', async () => {
    const answer = await postStatements(c.url, completed);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(['6690e6c9-3ef0-4ed3-8b37-7f3964730bee']);
    expect(answer.headers.get('x-experience-api-version')).toBe('1.0.3');
    expect(answer.headers.get('x-uptake-stored')).toBe('1');
    // An SDK event of the same person joins the fact: both carry the same keyed hash.
    await postBatch(c.url, { writeKey: 'wk_assistant', events: [event({ id: 'sdk-xapi-join-1', userId: 'u-4821', tool: 'assistant' })] });
    const events = await allEvents(c.store);
    const fact = events.find((e) => e.name === 'training.completed');
    expect(fact).toMatchObject({
      id: 'xapi_6690e6c9-3ef0-4ed3-8b37-7f3964730bee',
      tool: importTool,
      props: { program: 'https://lms.corp.example/courses/ai-foundations' },
    });
    expect(fact?.ts.toISOString()).toBe('2026-03-14T08:30:00.000Z');
    expect(fact?.userId).toMatch(/^[0-9a-f]{64}$/);
    expect(events.find((e) => e.id === 'sdk-xapi-join-1')?.userId).toBe(fact?.userId);
  });

  it('is idempotent by statement id, and refuses a different statement under a stored id with 409', async () => {
    const before = (await allEvents(c.store)).length;
    const again = await postStatements(c.url, [completed]);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(['6690e6c9-3ef0-4ed3-8b37-7f3964730bee']);
    expect([again.headers.get('x-uptake-stored'), again.headers.get('x-uptake-duplicates')]).toEqual(['0', '1']);
    // A different serialization of the same statement (display, definition, time zone) is the same statement.
    const reworded = {
      ...completed,
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-GB': 'completed' } },
      timestamp: '2026-03-14T08:30:00Z',
    };
    expect((await postStatements(c.url, reworded)).status).toBe(200);
    const changed = { ...completed, object: { id: 'https://lms.corp.example/courses/other' } };
    const conflict = await postStatements(c.url, changed);
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('x-experience-api-version')).toBe('1.0.3');
    expect(conflict.body).toMatchObject({
      error: expect.stringContaining('stored already with different content'),
      refused: [{ index: 0, id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee', conflict: true }],
    });
    expect(await allEvents(c.store)).toHaveLength(before);
  });

  it('takes a batch: completions stored, other verbs acknowledged and ignored, an id made for a statement without one', async () => {
    const batch = ['passed-with-score', 'attempted', 'no-id', 'mbox-actor', 'voided'].map((name) => statement(name as 'no-id'));
    const answer = await postStatements(c.url, batch);
    expect(answer.status).toBe(200);
    const ids = answer.body as string[];
    expect(ids).toHaveLength(5);
    expect(ids[0]).toBe('a2f1c0de-5b1f-4b0e-9d0c-3c2b7f6e8a41');
    expect(ids[2]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(['stored', 'ignored', 'refused'].map((h) => answer.headers.get(`x-uptake-${h}`))).toEqual(['3', '2', '0']);
    // Sent again, the statement without an id gets the same id and is stored once.
    const again = await postStatements(c.url, batch);
    expect(again.body).toEqual(ids);
    expect(again.headers.get('x-uptake-duplicates')).toBe('3');
    const facts = (await allEvents(c.store)).filter((e) => e.name === 'training.completed');
    expect(facts.map((e) => [e.id, e.ts.toISOString(), e.props['program']])).toEqual([
      ['xapi_6690e6c9-3ef0-4ed3-8b37-7f3964730bee', '2026-03-14T08:30:00.000Z', 'https://lms.corp.example/courses/ai-foundations'],
      [
        'xapi_a2f1c0de-5b1f-4b0e-9d0c-3c2b7f6e8a41',
        '2026-03-15T14:02:11.250Z',
        'https://lms.corp.example/courses/ai-foundations/final-assessment',
      ],
      ['xapi_d1a8b2c4-93f7-4e0a-b5c6-7d8e9f0a1b2c', '2026-03-16T16:45:00.000Z', 'https://lms.corp.example/courses/ai-foundations'],
      [`xapi_${ids[2]}`, '2026-03-17T08:00:00.000Z', 'https://lms.corp.example/courses/ai-foundations'],
    ]);
  });

  it('stores the valid statements of a batch and refuses the others by index and field (400)', async () => {
    const unknownOpenid = {
      ...statement('mbox-actor'),
      id: '11111111-2222-4333-8444-555555555555',
      actor: { openid: 'https://id.corp.example/openid/nobody' },
    };
    const noVerb = { actor: { account: { homePage: 'https://lms.corp.example', name: 'u-1' } }, object: { id: 'https://x.example/a' } };
    const valid = { ...statement('no-id'), actor: { account: { homePage: 'https://lms.corp.example', name: 'u-4826' } } };
    const answer = await postStatements(c.url, [unknownOpenid, valid, noVerb]);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: expect.stringMatching(/^2 of 3 statements refused \(first: statements\[0\]: actor\.openid: .* is not in the xapi\.actorMap\)/),
      refused: [
        { index: 0, id: '11111111-2222-4333-8444-555555555555', error: expect.stringContaining('actor.openid') },
        { index: 2, error: expect.stringContaining('verb') },
      ],
      ids: [null, expect.any(String), null],
    });
    expect(answer.headers.get('x-uptake-stored')).toBe('1');
  });

  it('feeds the metrics: a person trained by an xAPI completion counts in adoption once they use AI', async () => {
    const metrics = async () => {
      const res = await fetch(`${c.url}/v1/metrics?asOf=2026-03-31`, { headers: { Authorization: 'Bearer test-admin-token' } });
      return ((await res.json()) as { adoption: { trained: number; active: number } }).adoption;
    };
    const before = await metrics();
    expect(before.trained).toBe(5);
    await postBatch(c.url, {
      writeKey: 'wk_assistant',
      events: [event({ id: 'sdk-xapi-use-1', name: 'ai.request', userId: 'u-4822', ts: '2026-03-20T10:00:00Z', tool: 'assistant' })],
    });
    expect(await metrics()).toMatchObject({ trained: 5, active: before.active + 1 });
  });

  it('answers the version it speaks and refuses a missing or unsupported X-Experience-API-Version with 400', async () => {
    const about = await fetch(`${c.url}/xAPI/about`);
    expect([about.status, await about.json(), about.headers.get('x-experience-api-version')]).toEqual([
      200,
      { version: ['1.0.3'] },
      '1.0.3',
    ]);
    const { 'X-Experience-API-Version': _, ...without } = xapiHeaders();
    const missing = await postStatements(c.url, completed, without);
    expect([missing.status, missing.body]).toEqual([400, { error: expect.stringContaining('X-Experience-API-Version is missing') }]);
    expect(missing.headers.get('x-experience-api-version')).toBe('1.0.3');
    for (const version of ['0.95', '1.1.0', '2.0.0'])
      expect((await postStatements(c.url, completed, { ...xapiHeaders(), 'X-Experience-API-Version': version })).status).toBe(400);
    expect((await postStatements(c.url, completed, { ...xapiHeaders(), 'X-Experience-API-Version': '1.0' })).status).toBe(200);
  });

  it('needs a token that may import: Bearer or Basic with the token as password; a write key is 401, a viewer 403', async () => {
    expect((await postStatements(c.url, completed, xapiHeaders(`Bearer ${lmsToken}`))).status).toBe(200);
    expect((await postStatements(c.url, completed, xapiHeaders(basic('wk_assistant')))).status).toBe(401);
    expect((await postStatements(c.url, completed, xapiHeaders('Bearer wk_assistant'))).status).toBe(401);
    const { Authorization: _, ...anonymous } = xapiHeaders();
    expect((await postStatements(c.url, completed, anonymous)).status).toBe(401);
    const viewer = await postStatements(c.url, completed, xapiHeaders(basic(viewerToken)));
    expect([viewer.status, viewer.body]).toEqual([403, { error: expect.stringContaining('importing events and training needs') }]);
    // Audited like every import: the refused requests too, with the token's name.
    await expect
      .poll(async () => (await c.store.readAudit()).filter((a) => a.endpoint === '/xAPI/statements').map((a) => [a.token, a.status]))
      .toEqual(
        expect.arrayContaining([
          ['lms', 200],
          ['dashboard', 403],
          [null, 401],
        ]),
      );
  });
});

describe('POST /xAPI/statements without an actor map', () => {
  const c = useCollector('duckdb', parseConfig(xapiConfigInput({})));

  it('refuses an mbox actor with words naming the config key, and stores the account actors beside it', async () => {
    const answer = await postStatements(c.url, [statement('mbox-actor'), statement('completed')]);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      refused: [{ index: 0, id: 'd1a8b2c4-93f7-4e0a-b5c6-7d8e9f0a1b2c', error: expect.stringContaining('needs an xapi.actorMap') }],
      ids: [null, '6690e6c9-3ef0-4ed3-8b37-7f3964730bee'],
    });
    expect((await allEvents(c.store)).map((e) => e.id)).toEqual(['xapi_6690e6c9-3ef0-4ed3-8b37-7f3964730bee']);
  });

  it('holds bodies to the 1 MiB of every route (413), takes no attachments (415) and no parameters (400)', async () => {
    const big = Array.from({ length: 3000 }, () => statement('completed'));
    const tooLarge = await fetch(`${c.url}/xAPI/statements`, { method: 'POST', headers: xapiHeaders(), body: JSON.stringify(big) });
    expect(tooLarge.status).toBe(413);
    const multipart = await postStatements(c.url, statement('completed'), {
      ...xapiHeaders(),
      'Content-Type': 'multipart/mixed; boundary=abc',
    });
    expect([multipart.status, multipart.body]).toEqual([
      415,
      { error: 'attachments are not taken: send the statements as application/json' },
    ]);
    const res = await fetch(`${c.url}/xAPI/statements?method=GET`, { method: 'POST', headers: xapiHeaders(), body: '{}' });
    expect([res.status, res.headers.get('x-experience-api-version')]).toEqual([400, '1.0.3']);
  });
});
