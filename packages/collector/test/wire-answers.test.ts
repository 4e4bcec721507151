import { batchAnswerSchema, configAnswerSchema } from '@uptake/sdk/protocol';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load-config.js';
import { storeKinds } from './helpers/store-targets.js';
import { event, postBatch } from './helpers/temp-collector.js';
import { useCollector } from './helpers/use-collector.js';

const config = parseConfig({
  tools: [
    { id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] },
    { id: 'other', writeKey: 'wk_other', identity: 'unverified', origins: ['*'] },
  ],
  adminToken: 'wire-answers-admin-token',
  // Events dated around 2026-11-22: older than the default maxEventAgeDays (7) before today.
  maxEventAgeDays: 36_500,
  prompts: [
    { id: 'critique-tip', tools: ['assistant'], trigger: { event: 'ai.output_rejected' }, content: { title: 'Critique first' } },
    { id: 'other-tip', tools: ['other'], trigger: { event: 'ai.request' }, content: { title: 'Other' } },
  ],
  surveys: [{ id: 'pulse', trigger: { spaced: [7] }, questions: [{ id: 'q', type: 'nps', text: 'Would you recommend it?' }] }],
});

/** An event of person u-1 about a prompt or survey. */
const about = (id: string, tool: string, name: string, props: Record<string, string>, ts: string) =>
  event({ id, userId: 'u-1', tool, name, props, ts });

describe.each(storeKinds)("the collector's answers follow @uptake/sdk/protocol, $kind store", ({ kind }) => {
  const c = useCollector(kind, config);
  const configFor = async (writeKey: string, userId: string) =>
    configAnswerSchema.parse(await (await fetch(`${c.url}/v1/config?writeKey=${writeKey}&userId=${userId}`)).json());

  it('POST /v1/batch answers a batch answer, rejections by index', async () => {
    const { status, body } = await postBatch(c.url, {
      writeKey: 'wk_assistant',
      events: [
        about('wire-0001', 'assistant', 'prompt.shown', { promptId: 'critique-tip' }, '2026-11-20T09:00:00.000Z'),
        { name: 'Bad Name' },
      ],
    });
    expect(status).toBe(200);
    expect(batchAnswerSchema.parse(body)).toEqual({ accepted: 1, duplicates: 0, rejected: [expect.objectContaining({ index: 1 })] });
  });

  it("GET /v1/config gives a tool its own items' history, and other tools' shows only as instants", async () => {
    await postBatch(c.url, {
      writeKey: 'wk_other',
      events: [
        about('wire-0002', 'other', 'prompt.shown', { promptId: 'other-tip' }, '2026-11-21T09:00:00.000Z'),
        about('wire-0003', 'other', 'prompt.dismissed', { promptId: 'other-tip', reason: 'dismiss' }, '2026-11-21T09:00:05.000Z'),
        about('wire-0004', 'other', 'survey.shown', { surveyId: 'pulse' }, '2026-11-22T09:00:00.000Z'),
      ],
    });
    const assistant = await configFor('wk_assistant', 'u-1');
    expect(assistant.prompts.map((p) => p.id)).toEqual(['critique-tip']);
    expect(Object.keys(assistant.history?.prompts ?? {})).toEqual(['critique-tip']);
    // A survey of every tool is the same survey everywhere: shown in one tool, it was shown.
    expect(assistant.history?.surveys['pulse']?.shows).toBe(1);
    expect(assistant.history?.recentShows).toEqual(['2026-11-22T09:00:00.000Z', '2026-11-21T09:00:00.000Z', '2026-11-20T09:00:00.000Z']);
    const other = await configFor('wk_other', 'u-1');
    expect(Object.keys(other.history?.prompts ?? {})).toEqual(['other-tip']);
    expect(other.history?.prompts['other-tip']?.dismissed).toBe(true);
  });
});
