import { metricsAnswerSchema } from '../metrics/metrics-answer-schema.js';
import {
  digestPreviewsSchema,
  exportRowSchema,
  liveMessageSchema,
  storeSummarySchema,
  surveyTextAnswersSchema,
} from './openapi-answers.js';
import { json, type Operation, pathParam, query } from './openapi-operation.js';

const window = (eligible: number, active: number) => ({ eligible, active, rate: active / eligible, suppressed: false });

const asOf = query('asOf', 'The day the figures are read at, YYYY-MM-DD (UTC); default today.');

/** Figures and rows out: metrics, counts, exports, survey text answers, digests, the live view. */
export const readOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/metrics',
    tag: 'Figures',
    summary: 'The adoption metrics',
    description:
      'Every metric of docs/analysts.md at `asOf`, for one tool, program or cohort when asked. Analysts and admins read exact figures; ' +
      'viewers and editors read figures they cannot difference: groups under `minGroupSize` are `null` with `suppressed: true`, ' +
      'counts are for the last complete week (`figuresAsOf`), and hidden groups are only counted (`hiddenGroups`).',
    access: { kind: 'role', capability: 'readMetrics' },
    parameters: [
      asOf,
      query('tool', 'Only usage, outputs and prompt events of this tool.'),
      query('program', 'Only people trained in this program.'),
      query('cohort', 'Only people of this training cohort.'),
      query('series', '`weekly`: add `trends`, each figure at the end of each complete week.'),
      query('from', 'With series=weekly: the first week’s day (default: the last 12 weeks; at most 104).'),
    ],
    answers: [
      json(200, 'The metrics.', 'Metrics', metricsAnswerSchema, {
        asOf: '2026-11-29',
        minGroupSize: 10,
        filters: { tool: null, program: null, cohort: null },
        activity: { dau: 112, wau: 241, mau: 298, stickiness: 0.376, suppressed: false },
        adoption: { trained: 300, active: 241, rate: 0.803, suppressed: false },
        sustained: { d30: window(280, 231), d60: window(262, 198), d90: window(240, 163) },
        behaviorCheck: { respondents: 151, applied: 112, rate: 0.742, failing: false, suppressed: false },
        gap: { trained: 300, applied: 112, count: 188, share: 0.627, suppressed: false },
        outputs: { shown: 20412, accepted: 12880, edited: 3011, rejected: 4521, acceptanceRate: 0.631, suppressed: false },
        cohorts: [
          {
            cohort: '2026-W36',
            size: 48,
            suppressed: false,
            retention: [{ week: 1, eligible: 48, active: 44, rate: 0.917, suppressed: false }],
            fit: { status: 'ok', points: 11, initial: 0.92, plateau: 0.61, halfLifeDays: 23.5, r2: 0.94 },
          },
        ],
        segments: {
          role: [{ key: 'technical', users: 120, sustainedD30: 0.84, sustainedD60: 0.77, sustainedD90: 0.7, suppressed: false }],
          team: [],
        },
        prompts: [
          {
            id: 'critique-tip',
            treated: 180,
            control: 20,
            convTreated: 0.41,
            convControl: 0.25,
            uplift: 0.16,
            ci95: [0.03, 0.29],
            suppressed: false,
            alwaysValid: { low: 0.01, high: 0.31 },
            cuped: { uplift: 0.15, alwaysValid: { low: 0.02, high: 0.28 }, theta: 0.11, varianceReduction: 0.18, covariateDays: 28 },
            pValue: 0.012,
            detected: true,
            adjustedPValue: 0.012,
            detectedAfterFdr: true,
            cluster: null,
            noVerdict: null,
          },
        ],
        funnels: [{ id: 'critique-tip', shown: 180, clicked: 96, goal: 74, suppressed: false }],
        surveys: [],
        programs: [],
        vitals: [
          {
            tool: 'assistant',
            metric: 'LCP',
            samples: 5120,
            p75: 1830,
            good: 4301,
            needsImprovement: 655,
            poor: 164,
            suppressed: false,
          },
        ],
        trends: {
          interval: 'week',
          from: '2026-11-16',
          to: '2026-11-29',
          series: [
            {
              id: 'adoption',
              label: 'Adoption',
              kind: 'rate',
              points: [
                { week: '2026-11-22', value: 0.79, people: 300, suppressed: false },
                { week: '2026-11-29', value: 0.803, people: 300, suppressed: false },
              ],
            },
          ],
        },
      }),
    ],
    refusals: [400, 401, 403, 429],
    tryIt: { role: 'analyst', query: { asOf: '2026-11-29', series: 'weekly' } },
  },
  {
    method: 'get',
    path: '/v1/stats',
    tag: 'Figures',
    summary: 'Events stored, in all and per event name',
    description: 'Exact counts, so a tool team sees its events arrive; `uptake tail` shows them live.',
    access: { kind: 'role', capability: 'readExact' },
    answers: [
      json(200, 'The store totals.', 'StoreSummary', storeSummarySchema, {
        events: 84210,
        users: 300,
        byName: [
          { name: 'ai.output_accepted', events: 12880 },
          { name: 'ai.output_rejected', events: 4521 },
        ],
      }),
    ],
    refusals: [401, 403, 429],
    tryIt: { role: 'analyst' },
  },
  {
    method: 'get',
    path: '/v1/export',
    tag: 'Figures',
    summary: 'Export the stored events',
    description:
      'One row per event in `(ts, id)` order, streamed (Parquet is sent whole, with its length). With `user`, only that person’s ' +
      'events: an access request. Written to the audit log with the rows sent.',
    access: { kind: 'role', capability: 'export' },
    parameters: [
      query('format', 'ndjson (default), csv or parquet.'),
      query('from', 'From this day (YYYY-MM-DD) or instant, included.'),
      query('to', 'To this day (included whole) or instant (excluded).'),
      query('user', "Only this person's events: their user id in clear, as the tool sends it."),
    ],
    answers: [
      {
        status: 200,
        description: 'The events, as an attachment. Each NDJSON line, CSV row and Parquet row holds the same columns.',
        contentType: ['application/x-ndjson', 'text/csv', 'application/vnd.apache.parquet'],
        items: { name: 'ExportRow', schema: exportRowSchema },
        headers: { 'Content-Disposition': 'attachment; filename="uptake-events-YYYY-MM-DD.<format>"' },
      },
    ],
    refusals: [400, 401, 403, 429],
    tryIt: { role: 'analyst', query: { format: 'ndjson', from: '2026-11-27', to: '2026-11-27' } },
  },
  {
    method: 'get',
    path: '/v1/surveys/{id}/answers',
    tag: 'Figures',
    summary: 'The answers to one text question of a survey',
    description: 'Newest first, each with its wave and ISO week, never who gave it. Viewers and editors only read counts in the metrics.',
    access: { kind: 'role', capability: 'readExact' },
    parameters: [pathParam('id', 'The survey id.'), { ...query('question', 'The id of one of its text questions.'), required: true }, asOf],
    answers: [
      json(200, 'The answers.', 'SurveyTextAnswers', surveyTextAnswersSchema, {
        survey: 'behavior-check',
        question: 'example',
        asOf: '2026-11-29',
        answers: [{ value: 'I ask it to critique my drafts before I send them.', wave: 1, week: '2026-W47' }],
      }),
    ],
    refusals: [400, 401, 403, 404, 429],
    tryIt: { role: 'analyst', params: { id: 'behavior-check' }, query: { question: 'example', asOf: '2026-11-29' } },
  },
  {
    method: 'get',
    path: '/v1/digests/preview',
    tag: 'Figures',
    summary: 'The weekly digests as they would go out today',
    description: 'Each configured digest, or why it would not go out; a digest carries what a viewer sees, no more.',
    access: { kind: 'role', capability: 'readMetrics' },
    parameters: [query('name', 'Only the digest of this name.')],
    answers: [
      json(200, 'The digests.', 'DigestPreviews', digestPreviewsSchema, {
        previews: [
          {
            name: 'leadership',
            digest: {
              name: 'leadership',
              scope: 'organisation',
              week: { from: '2026-11-23', to: '2026-11-29' },
              title: 'AI adoption, week of 23 November 2026',
              figures: [{ label: 'Active this week', value: 241, previous: 236, trend: [228, 231, 236, 241], kind: 'count' }],
            },
          },
        ],
      }),
    ],
    refusals: [401, 403, 404, 429],
    tryIt: { role: 'viewer' },
  },
  {
    method: 'get',
    path: '/v1/live',
    tag: 'Figures',
    summary: 'Events as they arrive, and what is refused (Server-Sent Events)',
    description:
      'What `POST /v1/batch` receives on this collector, as it arrives: events stored (names and props, a per-stream alias for the ' +
      'person, never an id) and refused with their reasons. Nothing is stored for it; the stream is written to the audit log when it ' +
      'closes. `uptake tail` reads it.',
    access: { kind: 'role', capability: 'export' },
    parameters: [query('tool', 'Only this tool.'), query('name', 'Only this event name, or a pattern with * such as ai.*.')],
    answers: [
      {
        status: 200,
        description: 'A stream of `data:` messages, each one JSON object; the first is `hello`.',
        contentType: 'text/event-stream',
        items: { name: 'LiveMessage', schema: liveMessageSchema },
      },
    ],
    refusals: [400, 401, 403, 429],
  },
];
