import { z } from 'zod';

/** A UUID as xAPI writes statement ids (any version, either case). */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const iri = (what: string) => z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i, `expected ${what}: an IRI with a scheme`);
const languageMap = z.record(z.string(), z.string(), 'expected a language map {"en-US": "…"}');

/**
 * The parts of an xAPI 1.0.3 statement that Uptake reads. Other properties (result, context,
 * authority, attachments…) are allowed and left alone: a forwarding LRS adds `stored` and
 * `authority`, and refusing what we do not read would lose completions for nothing.
 */
export const statementSchema = z.looseObject({
  id: z.string().regex(uuidPattern, 'expected a UUID').optional(),
  actor: z.looseObject(
    {
      objectType: z.enum(['Agent', 'Group'], 'expected "Agent" or "Group"').optional(),
      mbox: z
        .string()
        .regex(/^mailto:[^@\s]+@[^@\s]+$/i, 'expected mailto:name@domain')
        .optional(),
      mbox_sha1sum: z
        .string()
        .regex(/^[0-9a-f]{40}$/i, 'expected 40 hexadecimal digits')
        .optional(),
      openid: iri('an OpenID URI').optional(),
      account: z
        .looseObject({ homePage: iri('the homePage of the account system'), name: z.string('expected the account name') })
        .optional(),
    },
    'expected an Agent object',
  ),
  verb: z.looseObject({ id: iri('a verb id'), display: languageMap.optional() }, 'expected a verb {"id": "…"}'),
  object: z.looseObject(
    {
      objectType: z.string().optional(),
      id: z.string('expected the id of the object'),
      definition: z.looseObject({ name: languageMap.optional() }).optional(),
    },
    'expected an object {"id": "…"}',
  ),
  timestamp: z.string('expected an ISO 8601 timestamp').optional(),
  stored: z.string('expected an ISO 8601 timestamp').optional(),
});

export type Statement = z.output<typeof statementSchema>;
