import { describeIssues, limits } from '@uptake/sdk/protocol';
import { earliestTs, wellFormed } from '../ingest/storable-text.js';
import type { Pseudonymize } from '../ingest/pseudonymizer.js';
import { type ActorMap, actorKey } from './actor-map.js';
import { derivedStatementId, statementFingerprint } from './statement-identity.js';
import { type Statement, statementSchema } from './statement-schema.js';
import type { XapiConfig } from './xapi-config.js';

/** A statement that records a completion: the fact to store. */
export interface CompletionFact {
  kind: 'completion';
  statementId: string;
  userId: string;
  program: string;
  completedAt: Date;
  fingerprint: string;
}

/** What one statement of a request comes to. */
export type StatementReading =
  | CompletionFact
  /** Another verb (attempted, experienced, voided…): acknowledged, not stored. */
  | { kind: 'ignored'; statementId: string }
  | { kind: 'refused'; statementId?: string; error: string };

/** What reading statements needs: the config's `xapi` key, its actor map, the store's pseudonymizer. */
export interface StatementRules {
  xapi: XapiConfig;
  actors: ActorMap | undefined;
  pseudonymize: Pseudonymize;
  /** When the statements arrived: the completion time of a statement with neither timestamp nor stored. */
  receivedAt: Date;
}

/** An ISO 8601 date-time; without a zone it is read as UTC (xAPI 1.0.3 Data 2.4.7). */
function parseTimestamp(text: string): Date | undefined {
  const m = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i.exec(text);
  if (!m) return undefined;
  const date = new Date(m[3] ? text.replace(/([+-]\d{2})$/, '$1:00') : `${text}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function readUserId(actor: Statement['actor'], actors: ActorMap | undefined): { userId: string } | { error: string } {
  if (actor.objectType === 'Group') return { error: 'actor: a Group; send one statement per person (an Agent)' };
  if (actor.account) {
    const name = actor.account.name.trim();
    if (name === '' || name.length > limits.userIdMaxLength)
      return { error: `actor.account.name: expected the user id, 1–${limits.userIdMaxLength} characters` };
    return { userId: name };
  }
  const form = (['mbox', 'mbox_sha1sum', 'openid'] as const).find((f) => actor[f] !== undefined);
  if (!form) return { error: 'actor: expected an account {"homePage", "name"} whose name is the user id' };
  if (!actors)
    return {
      error: `actor.${form}: Uptake takes account actors (account.name is the user id); an ${form} actor needs an xapi.actorMap in the config that names its user id`,
    };
  const userId = actors.get(actorKey(form, actor[form] as string));
  return userId === undefined ? { error: `actor.${form}: ${actor[form]} is not in the xapi.actorMap` } : { userId };
}

function readProgram(statement: Statement, xapi: XapiConfig): string {
  const name = statement.object.definition?.name;
  if (xapi.program === 'id' || !name) return statement.object.id;
  const language = xapi.languages.find((l) => name[l] !== undefined) ?? Object.keys(name)[0];
  return language === undefined ? statement.object.id : (name[language] as string).trim() || statement.object.id;
}

/**
 * Reads one statement: a completion (a configured verb on an activity, by a person Uptake can name),
 * an ignored statement (any other verb), or a refusal whose words name the field.
 */
export function readStatement(raw: unknown, rules: StatementRules): StatementReading {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'refused', error: 'expected a statement object' };
  const rawId = (raw as { id?: unknown }).id;
  const given = typeof rawId === 'string' ? { statementId: rawId.slice(0, 64) } : {};
  const parsed = statementSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'refused', ...given, error: describeIssues(parsed.error).slice(0, 3).join('; ') };
  const statement = parsed.data;
  const refuse = (error: string): StatementReading => ({ kind: 'refused', ...given, error });
  const timestampText = statement.timestamp ?? statement.stored;
  const timestamp = timestampText === undefined ? undefined : parseTimestamp(timestampText);
  if (timestampText !== undefined && !timestamp)
    return refuse(
      `${statement.timestamp === undefined ? 'stored' : 'timestamp'}: expected an ISO 8601 date-time, got "${timestampText.slice(0, 40)}"`,
    );
  const fingerprint = statementFingerprint(raw as Record<string, unknown>, timestamp, rules.pseudonymize);
  const statementId = (statement.id ?? derivedStatementId(fingerprint)).toLowerCase();
  if (!rules.xapi.verbs.includes(statement.verb.id)) return { kind: 'ignored', statementId };
  if ((statement.object.objectType ?? 'Activity') !== 'Activity')
    return refuse(`object.objectType: a completion is of an Activity, not a ${statement.object.objectType}`);
  const who = readUserId(statement.actor, rules.actors);
  if ('error' in who) return refuse(who.error);
  const completedAt = timestamp ?? rules.receivedAt;
  if (completedAt.getTime() < earliestTs) return refuse('timestamp: before the year 1');
  if (completedAt.getTime() > rules.receivedAt.getTime() + limits.maxFutureMs) return refuse('timestamp: more than 24 hours in the future');
  const program = wellFormed(readProgram(statement, rules.xapi));
  if (program.length > limits.propStringMaxLength || program.includes('\u0000'))
    return refuse(
      `object: the program (${rules.xapi.program === 'id' ? 'activity id' : 'activity name'}) must be at most ${limits.propStringMaxLength} characters, without NUL`,
    );
  return { kind: 'completion', statementId, userId: wellFormed(who.userId), program, completedAt, fingerprint };
}
