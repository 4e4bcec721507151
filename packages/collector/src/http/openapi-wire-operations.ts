import { z } from 'zod';
import { batchAnswerSchema, batchSchema, configAnswerSchema, eventSchema } from '@uptake/sdk/protocol';
import { previewedItemSchema } from './openapi-answers.js';
import { body, json, type Operation, query } from './openapi-operation.js';
import { scriptFiles } from './script-route.js';

/** `POST /v1/batch`'s body as the docs show it: the envelope, each event as `eventSchema` checks it. */
const batchBodySchema = batchSchema.extend({ events: z.array(eventSchema).max(500) });

const examplePrompt = {
  id: 'critique-tip',
  audience: { sample: 1, holdout: 0.2 },
  trigger: { event: 'ai.output_rejected', count: 2, withinDays: 14 },
  content: { title: 'Ask it to critique its own draft', body: 'Add "list three weaknesses of this answer" to your prompt.' },
  frequency: { maxShows: 3, cooldownDays: 3 },
};

const batchExample = {
  writeKey: 'wk_assistant_example',
  events: [
    {
      id: 'ev-01HZX3Q4R5S6T7',
      name: 'ai.output_accepted',
      ts: '2026-11-29T10:00:01.004Z',
      userId: 'u-4821',
      tool: 'assistant',
      props: { feature: 'summarize' },
    },
  ],
};

/** What a tool's pages call, with the tool's public write key: events in, prompts and surveys out, and the SDK's scripts. */
export const wireOperations: Operation[] = [
  {
    method: 'post',
    path: '/v1/batch',
    tag: 'Tools',
    summary: 'Send events',
    description:
      "The SDK's batches of events (at most 500 events and 1 MiB). Answers `200` once the valid events are stored; an invalid event is " +
      'listed in `rejected` by its index and the others are stored. Resending a batch is safe: an event id is stored once. ' +
      'Content-Type `application/json`, or `text/plain` as `sendBeacon` sends it.',
    access: { kind: 'writeKey', in: 'body' },
    body: body('Batch', batchBodySchema, batchExample),
    answers: [
      json(200, 'The valid events are stored; the others are listed with their errors.', 'BatchAnswer', batchAnswerSchema, {
        accepted: 1,
        duplicates: 0,
        rejected: [],
      }),
    ],
    refusals: [400, 401, 403, 413, 415, 429, 503],
    tryIt: { body: batchExample },
  },
  {
    method: 'get',
    path: '/v1/config',
    tag: 'Tools',
    summary: "A tool's prompts and surveys, and a person's history",
    description:
      'The prompts and surveys the tool shows, the fatigue caps, and for a `userId` the exposure history across devices (`null` without one). ' +
      'A tool that verifies identity needs `userHash` with `userId`. Answers carry an `ETag`; a matching `If-None-Match` gets `304`.',
    access: { kind: 'writeKey', in: 'query' },
    parameters: [
      { ...query('writeKey', "The tool's write key."), required: true },
      query('tool', 'The tool id; when given, it must be the write key’s.'),
      query('userId', 'The person, as the tool identifies them (1–128 characters).'),
      query('userHash', 'HMAC of the userId, for a tool that verifies identity (docs/tool-teams.md).'),
    ],
    answers: [
      json(200, "The tool's items and the person's history.", 'ConfigAnswer', configAnswerSchema, {
        tool: 'assistant',
        fatigue: { perDay: 1, perWeek: 3 },
        prompts: [examplePrompt],
        surveys: [],
        history: {
          prompts: {
            'critique-tip': {
              shows: 1,
              lastShown: '2026-11-20T09:12:00.000Z',
              heldOutAt: null,
              dismissed: false,
              lastSnoozed: null,
              lastAnswered: null,
            },
          },
          surveys: {},
          recentShows: ['2026-11-20T09:12:00.000Z'],
          trainedAt: '2026-09-14',
          lastUsageDay: '2026-11-28',
          program: 'ai-foundations',
          cohort: '2026-W38',
        },
      }),
      { status: 304, description: 'Not modified: the `If-None-Match` ETag is current.' },
    ],
    refusals: [400, 401, 403, 429],
    tryIt: { query: { writeKey: 'wk_assistant_example', userId: 'u-4821' } },
  },
  {
    method: 'get',
    path: '/v1/preview',
    tag: 'Tools',
    summary: 'The item a studio preview code shows',
    description:
      'For the SDK of one browser to show now, whatever its trigger, audience and caps (nothing is logged). The code comes from ' +
      '`POST /v1/admin/{kinds}/{id}/preview`, is signed and expires; the item must be one the key’s tool shows.',
    access: { kind: 'writeKey', in: 'query' },
    parameters: [
      { ...query('writeKey', "The tool's write key."), required: true },
      { ...query('code', 'The preview code the studio gave.'), required: true },
    ],
    answers: [
      json(200, 'The item to show.', 'PreviewedItem', previewedItemSchema, {
        kind: 'prompt',
        id: 'critique-tip',
        version: 0,
        expiresAt: '2026-11-29T11:00:00.000Z',
        item: examplePrompt,
      }),
    ],
    refusals: [400, 401, 403, 404, 429],
  },
  ...scriptFiles.map(
    (file): Operation => ({
      method: 'get',
      path: `/${file}`,
      tag: 'Tools',
      summary: `The SDK's script-tag build ${file}`,
      description: 'Served from the collector so a tool team needs nothing but its URL (docs/tool-teams.md).',
      access: { kind: 'public' },
      answers: [{ status: 200, description: 'The script.', contentType: 'text/javascript' }],
      refusals: [404],
      tryIt: {},
    }),
  ),
];
