import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load-config.js';
import { storeKinds } from './helpers/store-targets.js';
import { event, postBatch } from './helpers/temp-collector.js';
import { useCollector } from './helpers/use-collector.js';

// The setup is a server-side backfill (it holds training facts), sent with the admin token.
const asServer = { Authorization: 'Bearer config-admin-token-0123' };

const config = parseConfig({
  tools: [
    { id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['https://assistant.corp.example'] },
    { id: 'other', writeKey: 'wk_other', identity: 'unverified', origins: ['*'] },
  ],
  adminToken: 'config-admin-token-0123',
  // Events dated around 2026-11-22: older than the default maxEventAgeDays (7) before today.
  maxEventAgeDays: 36_500,
  fatigue: { perDay: 1, perWeek: 3 },
  prompts: [
    {
      id: 'critique-tip',
      tools: ['assistant'],
      trigger: { event: 'ai.output_rejected', count: 2, withinDays: 1 },
      content: { title: 'Ask it to critique first', body: '<b>not html</b>' },
    },
    { id: 'other-tip', tools: ['other'], trigger: { event: 'ai.request' }, content: { title: 'Other' } },
    { id: 'everywhere', trigger: { inactiveDays: 7 }, content: { title: 'Everywhere' } },
  ],
  surveys: [
    {
      id: 'behavior-check',
      trigger: { daysSinceTraining: [88, 100] },
      questions: [{ id: 'applied', type: 'choice', text: 'Applied?', options: ['yes', 'no'] }],
    },
  ],
});

describe.each(storeKinds)('GET /v1/config, $kind store', ({ kind }) => {
  const c = useCollector(kind, config);
  const get = (query: string, headers: Record<string, string> = {}) => fetch(`${c.url}/v1/config?${query}`, { headers });

  beforeAll(async () => {
    const at = (iso: string) => ({ ts: iso });
    await postBatch(
      c.url,
      {
        writeKey: 'wk_assistant',
        events: [
          event({
            id: 'cfg-0001',
            userId: 'u-7',
            name: 'prompt.shown',
            props: { promptId: 'critique-tip' },
            ...at('2026-11-20T09:00:00.000Z'),
          }),
          event({
            id: 'cfg-0002',
            userId: 'u-7',
            name: 'prompt.dismissed',
            props: { promptId: 'critique-tip', reason: 'snooze' },
            ...at('2026-11-20T09:01:00.000Z'),
          }),
          event({
            id: 'cfg-0003',
            userId: 'u-7',
            name: 'prompt.shown',
            props: { promptId: 'critique-tip' },
            ...at('2026-11-21T09:00:00.000Z'),
          }),
          event({
            id: 'cfg-0004',
            userId: 'u-7',
            name: 'prompt.dismissed',
            props: { promptId: 'critique-tip', reason: 'dismiss' },
            ...at('2026-11-21T09:02:00.000Z'),
          }),
          event({
            id: 'cfg-0005',
            userId: 'u-7',
            name: 'prompt.held_out',
            props: { promptId: 'everywhere' },
            ...at('2026-11-19T08:00:00.000Z'),
          }),
          event({
            id: 'cfg-0006',
            userId: 'u-7',
            name: 'survey.shown',
            props: { surveyId: 'behavior-check' },
            ...at('2026-11-21T10:00:00.000Z'),
          }),
          event({
            id: 'cfg-0007',
            userId: 'u-7',
            name: 'survey.answered',
            props: { surveyId: 'behavior-check', questionId: 'applied', value: 'yes' },
            ...at('2026-11-21T10:01:00.000Z'),
          }),
          event({
            id: 'cfg-0008',
            userId: 'u-8',
            name: 'prompt.shown',
            props: { promptId: 'critique-tip' },
            ...at('2026-11-21T11:00:00.000Z'),
          }),
          event({ id: 'cfg-0009', userId: 'u-7', name: 'ai.request', ...at('2026-11-21T11:00:00.000Z') }),
          event({
            id: 'cfg-0011',
            userId: 'u-7',
            name: 'training.completed',
            props: { program: 'workshop' },
            ...at('2026-09-01T15:00:00.000Z'),
          }),
          event({
            id: 'cfg-0012',
            userId: 'u-7',
            name: 'training.completed',
            props: { program: 'workshop' },
            ...at('2026-10-01T15:00:00.000Z'),
          }),
        ],
      },
      asServer,
    );
  });

  it("returns the tool's prompts and surveys and the person's history across devices", async () => {
    const res = await get('tool=assistant&writeKey=wk_assistant&userId=u-7');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const body = await res.json();
    expect(body.tool).toBe('assistant');
    expect(body.fatigue).toEqual({ perDay: 1, perWeek: 3 });
    expect(body.prompts.map((p: { id: string }) => p.id)).toEqual(['critique-tip', 'everywhere']);
    expect(body.prompts[0].content).toEqual({ title: 'Ask it to critique first', body: '<b>not html</b>' });
    expect(body.surveys.map((s: { id: string }) => s.id)).toEqual(['behavior-check']);
    expect(body.history).toEqual({
      prompts: {
        'critique-tip': {
          shows: 2,
          lastShown: '2026-11-21T09:00:00.000Z',
          heldOutAt: null,
          dismissed: true,
          lastSnoozed: '2026-11-20T09:01:00.000Z',
          lastAnswered: null,
        },
        everywhere: {
          shows: 0,
          lastShown: null,
          heldOutAt: '2026-11-19T08:00:00.000Z',
          dismissed: false,
          lastSnoozed: null,
          lastAnswered: null,
        },
      },
      surveys: {
        'behavior-check': {
          shows: 1,
          lastShown: '2026-11-21T10:00:00.000Z',
          heldOutAt: null,
          dismissed: false,
          lastSnoozed: null,
          lastAnswered: '2026-11-21T10:01:00.000Z',
        },
      },
      recentShows: ['2026-11-21T10:00:00.000Z', '2026-11-21T09:00:00.000Z', '2026-11-20T09:00:00.000Z'],
      trainedAt: '2026-09-01',
      lastUsageDay: '2026-11-21',
      program: 'workshop',
      cohort: '2026-W36',
    });
  });

  it('has no history without a userId, and an empty one for a person never shown anything', async () => {
    expect((await (await get('writeKey=wk_assistant')).json()).history).toBeNull();
    expect((await (await get('writeKey=wk_assistant&userId=u-new')).json()).history).toEqual({
      prompts: {},
      surveys: {},
      recentShows: [],
      trainedAt: null,
      lastUsageDay: null,
      program: null,
      cohort: null,
    });
  });

  it('counts closing a survey as "not now", never as the end of it: a prompt has "Don\'t show again", a survey only its close button', async () => {
    await postBatch(c.url, {
      writeKey: 'wk_assistant',
      events: [
        event({
          id: 'cfg-0020',
          userId: 'u-9',
          name: 'survey.shown',
          props: { surveyId: 'behavior-check' },
          ts: '2026-11-21T10:00:00.000Z',
        }),
        event({
          id: 'cfg-0021',
          userId: 'u-9',
          name: 'survey.dismissed',
          props: { surveyId: 'behavior-check', reason: 'dismiss' },
          ts: '2026-11-21T10:00:30.000Z',
        }),
      ],
    });
    const { history } = await (await get('writeKey=wk_assistant&userId=u-9')).json();
    expect(history.surveys['behavior-check']).toEqual({
      shows: 1,
      lastShown: '2026-11-21T10:00:00.000Z',
      heldOutAt: null,
      dismissed: false,
      lastSnoozed: '2026-11-21T10:00:30.000Z',
      lastAnswered: null,
    });
  });

  it('answers 304 to a matching If-None-Match, and a new ETag once the history changes', async () => {
    const first = await get('writeKey=wk_assistant&userId=u-8');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await get('writeKey=wk_assistant&userId=u-8', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await postBatch(c.url, {
      writeKey: 'wk_assistant',
      events: [event({ id: 'cfg-0010', userId: 'u-8', name: 'prompt.dismissed', props: { promptId: 'critique-tip', reason: 'dismiss' } })],
    });
    const changed = await get('writeKey=wk_assistant&userId=u-8', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('is judged like a batch: write key, tool, origin', async () => {
    const status = async (query: string, headers: Record<string, string> = {}) => {
      const res = await get(query, headers);
      return [res.status, (await res.json()).error];
    };
    expect(await status('tool=assistant')).toEqual([400, "writeKey: expected the tool's write key"]);
    expect(await status('writeKey=nope')).toEqual([401, 'unknown write key']);
    expect(await status('tool=other&writeKey=wk_assistant')).toEqual([400, 'tool: the write key belongs to tool "assistant", not "other"']);
    expect(await status('writeKey=wk_assistant', { Origin: 'https://evil.example' })).toEqual([
      403,
      'origin https://evil.example is not allowed for tool "assistant"',
    ]);
    const ok = await get('writeKey=wk_assistant', { Origin: 'https://assistant.corp.example' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://assistant.corp.example');
    expect(ok.headers.get('access-control-expose-headers')).toMatch(/ETag/i);
  });
});
