import { createHash } from 'node:crypto';
import type { Pseudonymize } from '../ingest/pseudonymizer.js';

/** JSON with object keys sorted, so two serializations of one statement read alike. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * What of a statement counts when two with one id are compared (xAPI 1.0.3 Data 2.3.1): not what
 * an LRS may assign (`id`, `authority`, `stored`, `version`), not the verb's `display` nor the
 * activity's `definition`, not attachments; the timestamp as an instant, the mbox in lowercase.
 */
function significant(statement: Record<string, unknown>, completedAt: Date | undefined): Record<string, unknown> {
  const { id: _id, authority: _a, stored: _s, version: _v, attachments: _t, timestamp: _ts, ...rest } = statement;
  const actor = rest['actor'] as Record<string, unknown>;
  const verb = rest['verb'] as { id: string };
  const object = rest['object'] as Record<string, unknown>;
  const { definition: _d, ...objectRest } = object;
  return {
    ...rest,
    actor: typeof actor['mbox'] === 'string' ? { ...actor, mbox: actor['mbox'].toLowerCase() } : actor,
    verb: { id: verb.id },
    object: objectRest,
    ...(completedAt ? { timestamp: completedAt.toISOString() } : {}),
  };
}

/**
 * A statement's fingerprint: a keyed hash (the store's pseudonym key) of its significant content,
 * kept with the fact it made so a statement sent again under its id can be told from a different
 * one (`409`). Keyed because the content holds the person's id.
 */
export function statementFingerprint(
  statement: Record<string, unknown>,
  completedAt: Date | undefined,
  pseudonymize: Pseudonymize,
): string {
  return pseudonymize(
    createHash('sha256')
      .update(stable(significant(statement, completedAt)))
      .digest('hex'),
  );
}

/**
 * The id of a statement sent without one: a UUID (version 5 layout) drawn from its fingerprint, so
 * the same statement sent twice, or a file imported twice, is stored once.
 */
export function derivedStatementId(fingerprint: string): string {
  const hex = createHash('sha1').update(`uptake-xapi:${fingerprint}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The id of the `training.completed` event a statement makes: its statement id, prefixed so it never meets an SDK event's. */
export function factEventId(statementId: string): string {
  return `xapi_${statementId.toLowerCase()}`;
}
