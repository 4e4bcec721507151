import { z } from 'zod';
import { statementSchema } from '../xapi/statement-schema.js';
import { xapiVersion } from '../xapi/xapi-version.js';
import { importTrainingBodySchema } from './import-route.js';
import { erasureSchema, importCountsSchema, statementCountsSchema, xapiAboutSchema, xapiRefusalSchema } from './openapi-answers.js';
import { body, json, type Operation, pathParam, query } from './openapi-operation.js';
import { xapiImportBodySchema } from './xapi-route.js';

/** A completion as an LMS sends it: an account actor whose name is the user id, a completed verb, the course as the activity. */
const completion = {
  id: '6f1c2a9e-3b7d-4c2e-9a51-0d3e8b7f4a12',
  actor: { objectType: 'Agent' as const, account: { homePage: 'https://lms.corp.example', name: 'u-4821' } },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  object: { id: 'https://lms.corp.example/courses/ai-foundations', objectType: 'Activity' as const },
  timestamp: '2026-09-14T15:30:00Z',
};

const statementsSchema = z.union([statementSchema, z.array(statementSchema)]);

const importer = { kind: 'role', capability: 'import' } as const;

/** Facts in from their source (training rows, xAPI statements), and a person's erasure. */
export const importOperations: Operation[] = [
  {
    method: 'post',
    path: '/v1/import/training',
    tag: 'Import and erasure',
    summary: 'Import training completions',
    description:
      'What `uptake import training` sends: rows of a training file, at most 5,000 per request. The collector builds the events with its ' +
      'own pseudonym secret. All or nothing: one bad row refuses the request, naming the row and field. Importing again adds nothing.',
    access: importer,
    body: body('TrainingImport', importTrainingBodySchema, {
      rows: [{ user_id: 'u-4821', completed_at: '2026-09-14', program: 'ai-foundations', cohort: '2026-W38', role: 'technical' }],
    }),
    answers: [json(200, 'What the import did.', 'ImportCounts', importCountsSchema, { rows: 1, events: 2, inserted: 2, existing: 0 })],
    refusals: [400, 401, 403, 413, 429],
    tryIt: {
      role: 'admin',
      body: { rows: [{ user_id: 'u-4821', completed_at: '2026-09-14', program: 'ai-foundations', cohort: '2026-W38', role: 'technical' }] },
    },
  },
  {
    method: 'post',
    path: '/v1/import/xapi',
    tag: 'Import and erasure',
    summary: 'Import xAPI statements, answered with counts',
    description:
      'What `uptake import xapi` sends: at most 1,000 statements per request. Completions (the configured verbs) become ' +
      '`training.completed` facts; other verbs are acknowledged and ignored; a statement sent again is a duplicate.',
    access: importer,
    body: body('XapiImport', xapiImportBodySchema, { statements: [completion] }),
    answers: [
      json(200, 'What storing the statements did.', 'StatementCounts', statementCountsSchema, {
        statements: 1,
        stored: 1,
        duplicates: 0,
        ignored: 0,
        refused: [],
      }),
    ],
    refusals: [400, 401, 403, 413, 429],
    tryIt: { role: 'admin', body: { statements: [completion] } },
  },
  {
    method: 'post',
    path: '/xAPI/statements',
    tag: 'Import and erasure',
    summary: 'Store statements, as a Learning Record Store takes them',
    description:
      "For an LMS that forwards statements to an LRS (xAPI 1.0.3): one statement or an array. Answers the statements' ids; the counts " +
      'are in `X-Uptake-Stored`, `X-Uptake-Duplicates`, `X-Uptake-Ignored` and `X-Uptake-Refused`. Attachments are not taken.',
    access: { ...importer, basic: true },
    parameters: [{ name: 'X-Experience-API-Version', in: 'header', description: `The xAPI version, ${xapiVersion}.`, required: true }],
    body: body('XapiStatements', statementsSchema, [completion]),
    answers: [
      json(200, 'The id of each statement, in order.', 'StatementIds', z.array(z.string()), ['6f1c2a9e-3b7d-4c2e-9a51-0d3e8b7f4a12']),
      json(
        400,
        'Some statements were refused (the others are stored or acknowledged), or the request is not valid.',
        'XapiError',
        xapiRefusalSchema,
        {
          error:
            '1 of 1 statements refused (first: statements[0]: actor: expected an account {"homePage", "name"} whose name is the user id)',
          refused: [{ index: 0, error: 'actor: expected an account {"homePage", "name"} whose name is the user id' }],
          ids: [null],
        },
      ),
      {
        status: 409,
        description: 'Every refused statement has an id stored already for another statement.',
        json: { name: 'XapiError', schema: xapiRefusalSchema },
      },
    ],
    refusals: [401, 403, 413, 415, 429],
    tryIt: { role: 'admin', headers: { 'X-Experience-API-Version': xapiVersion }, body: [completion] },
  },
  {
    method: 'get',
    path: '/xAPI/about',
    tag: 'Import and erasure',
    summary: 'The xAPI versions taken',
    access: { kind: 'public' },
    answers: [json(200, 'The versions.', 'XapiAbout', xapiAboutSchema, { version: [xapiVersion] })],
    tryIt: {},
  },
  {
    method: 'delete',
    path: '/v1/people/{userId}',
    tag: 'Import and erasure',
    summary: 'Erase a person',
    description:
      'An erasure request: every row about the person is deleted (only those dated before `before`, when given) and the store compacted. The user id is given in clear, as the tool sends it, and pseudonymized as ingestion does. A second request deletes nothing more. `uptake forget` does the same.',
    access: { kind: 'role', capability: 'erase' },
    parameters: [
      pathParam('userId', 'The person, as the tool identifies them.'),
      query('before', 'Only rows dated before this day (YYYY-MM-DD) or instant.'),
    ],
    answers: [
      json(200, 'The rows deleted.', 'Erasure', erasureSchema, {
        deleted: {
          events: 412,
          daily_usage: 61,
          person_usage_days: 58,
          person_days: 64,
          daily_outputs: 58,
          person_items: 2,
          person_shows: 3,
          survey_answers: 2,
          vital_samples: 40,
          person_trainings: 1,
          person_traits: 2,
        },
      }),
    ],
    refusals: [400, 401, 403, 429],
    tryIt: { role: 'admin', params: { userId: 'u-4821' } },
  },
];
