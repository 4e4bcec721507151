import { configAnswerSchema } from '@uptake/sdk/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load-config.js';
import { storeKinds } from './helpers/store-targets.js';
import { event, postBatch } from './helpers/temp-collector.js';
import { useCollector } from './helpers/use-collector.js';

// A recurring survey (issue 15 item 7): /v1/config carries its recurrence and, in the person's
// history, the last answer and the shows of the wave since, from which the SDK decides a new offer.
const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken: 'recur-admin-token-0123456789abcdef',
  maxEventAgeDays: 36_500,
  surveys: [
    {
      id: 'confidence',
      trigger: { daysSinceTraining: [14, 400] },
      questions: [{ id: 'sure', type: 'scale', text: 'How confident are you with the assistant?' }],
      recurrence: { everyDays: 90 },
    },
  ],
});

describe.each(storeKinds)('GET /v1/config with a recurring survey, $kind store', ({ kind }) => {
  const c = useCollector(kind, config);

  beforeAll(async () => {
    const survey = (id: string, name: string, ts: string, props: Record<string, string | number> = {}) =>
      event({ id, userId: 'u-1', name, props: { surveyId: 'confidence', ...props }, ts });
    await postBatch(c.url, {
      writeKey: 'wk_assistant',
      events: [
        survey('rec-0001', 'survey.shown', '2026-08-01T09:00:00.000Z'),
        survey('rec-0002', 'survey.answered', '2026-08-01T09:01:00.000Z', { questionId: 'sure', value: 4 }),
        survey('rec-0003', 'survey.shown', '2026-10-30T09:00:00.000Z'),
        survey('rec-0004', 'survey.dismissed', '2026-10-30T09:00:30.000Z', { reason: 'snooze' }),
      ],
    });
  });

  it('sends the recurrence with the survey, and the shows since the last answer', async () => {
    const res = await fetch(`${c.url}/v1/config?writeKey=wk_assistant&userId=u-1`);
    const body = configAnswerSchema.parse(await res.json());
    expect(body.surveys[0]?.recurrence).toEqual({ everyDays: 90 });
    expect(body.history?.surveys['confidence']).toEqual({
      shows: 2,
      lastShown: '2026-10-30T09:00:00.000Z',
      heldOutAt: null,
      dismissed: false,
      lastSnoozed: '2026-10-30T09:00:30.000Z',
      lastAnswered: '2026-08-01T09:01:00.000Z',
      showsSinceAnswer: 1,
    });
  });
});
