import { z } from 'zod';

/** The verbs that mean "finished this training" by default: ADL's completed and passed, and cmi5's satisfied. */
export const defaultCompletionVerbs = [
  'http://adlnet.gov/expapi/verbs/completed',
  'http://adlnet.gov/expapi/verbs/passed',
  'https://w3id.org/xapi/adl/verbs/satisfied',
];

/** The `xapi` key of the config: how xAPI statements become training facts. */
export const xapiConfigSchema = z
  .strictObject({
    actorMap: z
      .string()
      .min(1)
      .optional()
      .describe(
        'CSV file (columns actor,user_id; relative to the config file) naming the user id of actors sent as mbox, mbox_sha1sum or openid. Default none: only account actors are accepted.',
      ),
    verbs: z
      .array(z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i, 'expected a verb IRI such as http://adlnet.gov/expapi/verbs/completed'))
      .min(1, 'expected at least one verb')
      .default(defaultCompletionVerbs)
      .describe(
        'Verb ids that record a training completion; other verbs are acknowledged and ignored. Default completed, passed (ADL) and satisfied (cmi5).',
      ),
    program: z
      .enum(['id', 'name'])
      .default('id')
      .describe(
        'The program of a completion: the activity id ("id", default), or its definition.name in the first of `languages` it has ("name"; the id when it has none).',
      ),
    languages: z
      .array(z.string().min(1))
      .min(1)
      .default(['en-US', 'en'])
      .describe('Language preference for "program": "name"; then the first language the name has. Default en-US, en.'),
  })
  .default({ verbs: defaultCompletionVerbs, program: 'id', languages: ['en-US', 'en'] })
  .describe('Training completions from xAPI statements (POST /xAPI/statements, uptake import xapi): docs/operators.md.');

export type XapiConfig = z.output<typeof xapiConfigSchema>;
