import { z } from 'zod';
import { promptSchema, surveySchema } from '@uptake/sdk/protocol';
import {
  itemListSchema,
  kitAddedSchema,
  kitListSchema,
  kitSchema,
  itemVersionSchema,
  itemVersionsSchema,
  itemViewSchema,
  previewCodeSchema,
  reachEstimateSchema,
} from './openapi-answers.js';
import { powerPlanSchema } from '../metrics/metrics-answer-schema.js';
import { kitAddSchema } from './kit-routes.js';
import { body, json, type Operation, type Parameter, pathParam, query } from './openapi-operation.js';

const kindsAndId: Parameter[] = [
  pathParam('kinds', 'prompts or surveys.', z.enum(['prompts', 'surveys'])),
  pathParam('id', 'The item id, e.g. critique-tip.'),
];

const item = (id: string) => ({ kinds: 'prompts', id });

/** A draft the examples save: a prompt of the studio. */
const draft = {
  id: 'pair-review',
  audience: { sample: 1, holdout: 0.1 },
  trigger: { event: 'ai.output_rejected', count: 3, withinDays: 7 },
  content: { title: 'Ask a colleague', body: 'Two rejected answers in a row? A colleague may know the prompt that works.' },
  frequency: { maxShows: 3, cooldownDays: 3 },
};

/** The draft with a goal: what a power plan needs. */
const plannedDraft = { ...draft, goal: { event: 'ai.feature_used', props: { feature: 'critique' }, withinDays: 7 } };

const view = {
  kind: 'prompt' as const,
  id: 'pair-review',
  status: 'draft' as const,
  version: 1,
  source: 'studio' as const,
  liveVersion: null,
  unpublished: true,
  title: 'Ask a colleague',
  savedBy: 'enablement',
  savedAt: '2026-11-29T10:12:00.000Z',
  draft,
  live: null,
  etag: '"v1"',
};

const editor = { kind: 'role', capability: 'editItems' } as const;

/** The item a body holds: a prompt or a survey, as the config file declares them. */
const itemBodySchema = z.union([promptSchema, surveySchema]);

/** The studio: prompts and surveys changed without a restart, with versions, previews and a reach estimate. */
export const studioOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/admin/items',
    tag: 'Studio',
    summary: "Every prompt and survey, the config file's and the studio's",
    access: editor,
    answers: [
      json(200, 'The items, as a list names them.', 'ItemList', itemListSchema, {
        items: [
          {
            kind: 'prompt',
            id: 'critique-tip',
            status: 'live',
            version: null,
            source: 'file',
            liveVersion: null,
            unpublished: false,
            title: 'Critique',
            savedBy: null,
            savedAt: null,
          },
        ],
      }),
    ],
    refusals: [401, 403, 429],
    tryIt: { role: 'editor' },
  },
  {
    method: 'put',
    path: '/v1/admin/{kinds}/{id}',
    tag: 'Studio',
    summary: 'Save a draft',
    description:
      'Checked as the config file is (every problem with its field in `issues`); creates the item as a draft the first time. ' +
      'Send the ETag you hold as `If-Match` (or `If-None-Match: *` to create only): a change made since answers `412`.',
    access: editor,
    parameters: [
      ...kindsAndId,
      { name: 'If-Match', in: 'header', description: 'The ETag of the version the change is made on.' },
      { name: 'If-None-Match', in: 'header', description: '`*`: only create the item.' },
    ],
    body: body('Item', itemBodySchema, draft),
    answers: [
      json(201, 'Created, as a draft.', 'ItemView', itemViewSchema, view),
      {
        status: 200,
        description: 'Saved (or unchanged): the item as it stands, with its new ETag.',
        json: { name: 'ItemView', schema: itemViewSchema },
      },
    ],
    refusals: [400, 401, 403, 404, 412, 429],
    tryIt: { role: 'editor', params: item('pair-review'), body: draft, headers: { 'If-None-Match': '*' } },
  },
  {
    method: 'get',
    path: '/v1/admin/{kinds}/{id}',
    tag: 'Studio',
    summary: 'One item: its draft, what is live, and its ETag',
    access: editor,
    parameters: kindsAndId,
    answers: [json(200, 'The item.', 'ItemView', itemViewSchema, view)],
    refusals: [401, 403, 404, 429],
    tryIt: { role: 'editor', params: item('pair-review') },
  },
  {
    method: 'post',
    path: '/v1/admin/{kinds}/{id}/{change}',
    tag: 'Studio',
    summary: 'Publish, pause or archive an item',
    description: 'Publishing serves the draft to the tools from now on; a change to where the item already is changes nothing.',
    access: editor,
    parameters: [
      ...kindsAndId,
      pathParam('change', 'publish, pause or archive.', z.enum(['publish', 'pause', 'archive'])),
      { name: 'If-Match', in: 'header', description: 'The ETag of the version the change is made on.' },
    ],
    answers: [
      json(200, 'The item as it stands.', 'ItemView', itemViewSchema, {
        ...view,
        status: 'live',
        version: 2,
        liveVersion: 2,
        unpublished: false,
        live: draft,
        etag: '"v2"',
      }),
    ],
    refusals: [400, 401, 403, 404, 409, 412, 429],
    tryIt: { role: 'editor', params: { ...item('pair-review'), change: 'publish' } },
  },
  {
    method: 'post',
    path: '/v1/admin/{kinds}/{id}/preview',
    tag: 'Studio',
    summary: 'A code that shows the item in one browser now',
    description:
      'Open a page of the tool with `?uptake-preview=<code>`: the SDK shows the item whatever its trigger, audience and caps, and logs ' +
      'nothing of it. The code works for 30 minutes.',
    access: editor,
    parameters: [...kindsAndId, query('version', 'A studio version to preview; default the latest.')],
    answers: [
      json(200, 'The code, and a link for each page origin of the tools that show the item.', 'PreviewCode', previewCodeSchema, {
        kind: 'prompt',
        id: 'pair-review',
        version: 2,
        code: 'p.pair-review.2.1796040000.Xb3…',
        expiresAt: '2026-11-29T10:42:00.000Z',
        links: [{ tool: 'assistant', url: 'https://assistant.corp.example/?uptake-preview=p.pair-review.2.1796040000.Xb3…' }],
      }),
    ],
    refusals: [400, 401, 403, 404, 429],
    tryIt: { role: 'editor', params: item('pair-review') },
  },
  {
    method: 'post',
    path: '/v1/admin/{kinds}/{id}/reach',
    tag: 'Studio',
    summary: 'How many people the item in the body reaches now',
    description:
      'For a draft, saved or not. Figures are released as an editor may read them: about how many, or fewer than `minGroupSize`. ' +
      'A selector or URL trigger depends on the page and is left out, in words.',
    access: editor,
    parameters: kindsAndId,
    body: body('Item', itemBodySchema, draft),
    answers: [
      json(200, 'The estimate.', 'ReachEstimate', reachEstimateSchema, {
        kind: 'prompt',
        id: 'pair-review',
        asOf: '2026-11-29',
        tools: ['assistant'],
        minGroupSize: 10,
        figures: { people: { about: 140 }, shown: { about: 130 }, heldOut: { fewerThan: 20 } },
        notEstimated: [],
        basis: ['people with at least 3 ai.output_rejected in the last 7 days'],
        summary: 'About 140 people are reached now; about 130 would see it.',
      }),
    ],
    refusals: [400, 401, 403, 404, 429],
    tryIt: { role: 'editor', params: item('pair-review'), body: draft },
  },
  {
    method: 'post',
    path: '/v1/admin/{kinds}/{id}/plan',
    tag: 'Studio',
    summary: 'The power plan of the prompt in the body',
    description:
      'For a prompt with a goal, saved or not: its baseline in history, the exposures its test needs to detect `mde` ' +
      '(else its `plan.minimumDetectableEffect`, else 0.05), the days to reach them and its progress, on figures released ' +
      'as an editor may read them (docs/analysts.md "Power before launch"). Prompts only.',
    access: editor,
    parameters: [...kindsAndId, query('mde', 'The minimum detectable effect, a share of one above 0 and below 1.', z.string())],
    body: body('Item', itemBodySchema, plannedDraft),
    answers: [
      json(200, 'The plan.', 'PlanEstimate', powerPlanSchema.extend({ id: z.string(), asOf: z.string() }), {
        id: 'pair-review',
        asOf: '2026-11-29T10:00:00.000Z',
        minimumDetectableEffect: 0.05,
        alpha: 0.05,
        power: 0.8,
        holdout: 0.1,
        randomizeBy: 'person',
        baseline: { rate: 0.2, people: 1000 },
        exposuresNeeded: { fixedHorizon: 5678, alwaysValid: 12222 },
        inflation: 2.1525,
        cluster: null,
        reachPerDay: 28.6,
        reachSource: 'trigger',
        expectedDays: 428,
        progress: { exposures: 0, share: 0 },
        summary:
          'To detect 5 points on a baseline of 20 points it needs 12222 exposures (both arms; 5678 if looked at only once): about 428 more days at 28.6 a day.',
      }),
    ],
    refusals: [400, 401, 403, 404, 429],
    tryIt: { role: 'editor', params: item('pair-review'), body: plannedDraft },
  },
  {
    method: 'get',
    path: '/v1/admin/{kinds}/{id}/versions',
    tag: 'Studio',
    summary: "An item's versions, newest first",
    access: editor,
    parameters: kindsAndId,
    answers: [
      json(200, 'Who changed what, when.', 'ItemVersions', itemVersionsSchema, {
        versions: [
          {
            kind: 'prompt',
            id: 'pair-review',
            version: 2,
            change: 'publish',
            status: 'live',
            liveVersion: 2,
            savedBy: 'enablement',
            savedAt: '2026-11-29T10:14:00.000Z',
          },
        ],
      }),
    ],
    refusals: [401, 403, 404, 429],
    tryIt: { role: 'editor', params: item('pair-review') },
  },
  {
    method: 'get',
    path: '/v1/admin/{kinds}/{id}/versions/{version}',
    tag: 'Studio',
    summary: 'One version of an item, with its content',
    access: editor,
    parameters: [...kindsAndId, pathParam('version', 'The version number, from 1.', z.coerce.number().int().min(1))],
    answers: [
      json(200, 'The version.', 'ItemVersion', itemVersionSchema, {
        kind: 'prompt',
        id: 'pair-review',
        version: 1,
        change: 'save',
        status: 'draft',
        draft,
        live: null,
        liveVersion: null,
        savedBy: 'enablement',
        savedAt: '2026-11-29T10:12:00.000Z',
      }),
    ],
    refusals: [400, 401, 403, 404, 429],
    tryIt: { role: 'editor', params: { ...item('pair-review'), version: '1' } },
  },
  {
    method: 'get',
    path: '/v1/admin/kits',
    tag: 'Studio',
    summary: 'The starter kits: one per audience, with its items',
    description:
      'The prompts of each audience, each with a goal event, and the surveys every kit shares (the 90-day behaviour check, a confidence pulse).',
    access: editor,
    answers: [
      json(200, 'The four kits.', 'KitList', kitListSchema, {
        kits: [
          {
            audience: 'leader',
            applies: 'coaching and modelling use',
            items: [
              { kind: 'prompt', id: 'kit-leader-show-your-use', title: 'Show your team how you use it' },
              { kind: 'survey', id: 'behavior-check', title: 'Two questions about your AI training' },
            ],
          },
        ],
      }),
    ],
    refusals: [401, 403, 429],
    tryIt: { role: 'editor' },
  },
  {
    method: 'get',
    path: '/v1/admin/kits/{audience}',
    tag: 'Studio',
    summary: "One starter kit's items, as a config file holds them",
    access: editor,
    parameters: [
      pathParam('audience', 'executive, leader, professional or technical.', z.enum(['executive', 'leader', 'professional', 'technical'])),
    ],
    answers: [
      json(200, 'The kit.', 'Kit', kitSchema, {
        audience: 'leader',
        applies: 'coaching and modelling use',
        items: [
          {
            kind: 'prompt',
            id: 'kit-leader-show-your-use',
            title: 'Show your team how you use it',
            body: { id: 'kit-leader-show-your-use', content: { title: 'Show your team how you use it' } },
          },
        ],
      }),
    ],
    refusals: [401, 403, 404, 429],
    tryIt: { role: 'editor', params: { audience: 'leader' } },
  },
  {
    method: 'post',
    path: '/v1/admin/kits/{audience}',
    tag: 'Studio',
    summary: "Add a starter kit's items as drafts",
    description:
      "As `uptake kit add` does: each item is saved as a studio draft (never live: review and publish it), by the token's name; " +
      'an id that exists, in the config file or the studio, is left as it is.',
    access: editor,
    parameters: [
      pathParam('audience', 'executive, leader, professional or technical.', z.enum(['executive', 'leader', 'professional', 'technical'])),
    ],
    body: body('KitAdd', kitAddSchema, { role: 'managers' }),
    answers: [
      json(200, 'What was added, and what was there already.', 'KitAdded', kitAddedSchema, {
        audience: 'leader',
        added: ['kit-leader-show-your-use', 'kit-confidence-pulse'],
        skipped: ['behavior-check'],
      }),
    ],
    refusals: [400, 401, 403, 404, 429],
    tryIt: { role: 'editor', params: { audience: 'leader' }, body: {} },
  },
];
