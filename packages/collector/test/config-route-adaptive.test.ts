import { configAnswerSchema } from '@uptake/sdk/protocol';
import { emptyExposure } from '@uptake/sdk/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load-config.js';
import { featureNames } from '../src/model/observations.js';
import { modelSetting } from '../src/model/store-model.js';
import { storeKinds } from './helpers/store-targets.js';
import { event, postBatch } from './helpers/temp-collector.js';
import { useCollector } from './helpers/use-collector.js';

// The adaptive trigger (issue 18 item 2): /v1/config carries each adaptive item's day for the
// person, computed from the stored model, and nothing else of the model.
const adminToken = 'adaptive-admin-token-0123456789abcdef';
const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken,
  maxEventAgeDays: 36_500,
  prompts: [
    { id: 'refresher', trigger: { adaptive: { targetRecall: 0.8, minDays: 2, maxDays: 60 } }, content: { title: 'Refresher' } },
    { id: 'late-refresher', trigger: { adaptive: { targetRecall: 0.5, minDays: 2, maxDays: 10 } }, content: { title: 'Late' } },
    { id: 'fixed', trigger: { spaced: [2, 7] }, content: { title: 'Fixed' } },
  ],
  surveys: [
    {
      id: 'pulse',
      trigger: { adaptive: { minDays: 20 } },
      questions: [{ id: 'sure', type: 'scale', text: 'How confident are you with the assistant?' }],
    },
  ],
});

// A half-life of 16 days for everyone: θ = [4, 0…]. p = 2^(−Δ/16) < 0.8 from Δ = 6 (16 · 0.32 = 5.2),
// < 0.5 from Δ = 16 (capped at 10).
const model = {
  model: { features: featureNames, theta: [4, ...featureNames.map(() => 0)], scale: featureNames.map(() => ({ mean: 0, sd: 1 })) },
  fittedAt: '2026-07-01T00:00:00.000Z',
  usageUntil: '2026-06-30',
  people: 3,
  observations: 999,
  loss: 0.5,
};

describe.each(storeKinds)('GET /v1/config with adaptive items, $kind store', ({ kind }) => {
  const c = useCollector(kind, config);
  const history = async (userId: string) => {
    const res = await fetch(`${c.url}/v1/config?writeKey=wk_assistant&userId=${userId}`);
    expect(res.status).toBe(200);
    return configAnswerSchema.parse(await res.json()).history;
  };

  beforeAll(async () => {
    const at = (userId: string, name: string, ts: string, id: string, props: Record<string, string> = {}) =>
      event({ id, userId, name, ts, props });
    const res = await postBatch(
      c.url,
      {
        writeKey: 'wk_assistant',
        events: [
          at('u-used', 'identify', '2026-06-01T08:00:00.000Z', 'adapt-0001', { role: 'leader' }),
          at('u-used', 'ai.request', '2026-06-03T10:00:00.000Z', 'adapt-0002'),
          at('u-used', 'ai.request', '2026-06-10T10:00:00.000Z', 'adapt-0003'),
          at('u-trained', 'training.completed', '2026-06-05T09:00:00.000Z', 'adapt-0004', { program: 'basics' }),
        ],
      },
      { Authorization: `Bearer ${adminToken}` },
    );
    expect(res.body).toMatchObject({ accepted: 4, rejected: [] });
  });

  it('nothing for a person of whom neither use nor training is known', async () => {
    const fresh = await fetch(`${c.url}/v1/config?writeKey=wk_assistant&userId=u-nobody`);
    const nobody = configAnswerSchema.parse(await fresh.json()).history;
    expect(nobody?.prompts).toEqual({});
    expect(nobody?.surveys).toEqual({});
  });

  it("with the stored model: each item's own day from the predicted recall, within minDays and maxDays", async () => {
    // Stored before the collector has read a model: the first read that follows sees it.
    await c.store.putSetting(modelSetting, JSON.stringify(model));
    const used = await history('u-used');
    expect(used?.prompts['refresher']).toEqual({ ...emptyExposure(), dueDay: '2026-06-16' });
    expect(used?.prompts['late-refresher']?.dueDay).toBe('2026-06-20'); // 16 days, capped at maxDays 10
    expect(used?.surveys['pulse']?.dueDay).toBe('2026-06-30'); // 6 days, raised to minDays 20
    expect(used?.prompts['fixed']).toBeUndefined();
    const trained = await history('u-trained');
    expect(trained?.prompts['refresher']?.dueDay).toBe('2026-06-11'); // from the training day
    const nobody = await history('u-nobody');
    expect(nobody?.prompts).toEqual({});
    // Nothing of the model reaches the browser.
    const body = await (await fetch(`${c.url}/v1/config?writeKey=wk_assistant&userId=u-used`)).text();
    expect(body).not.toMatch(/theta|halfLife|log2/);
  });
});
