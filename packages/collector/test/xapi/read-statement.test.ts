import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { hmacPseudonym } from '../../src/ingest/pseudonymizer.js';
import { readActorMap } from '../../src/xapi/actor-map.js';
import { readStatement, type StatementRules } from '../../src/xapi/read-statement.js';
import { useTempDir } from '../helpers/use-temp-dir.js';
import { actorMapFile, statement, xapiConfigInput } from './xapi-fixtures.js';

const receivedAt = new Date('2026-04-01T00:00:00Z');
const rules = (xapi: Record<string, unknown> = {}, actors?: StatementRules['actors']): StatementRules => ({
  xapi: parseConfig(xapiConfigInput(xapi)).xapi,
  actors,
  pseudonymize: hmacPseudonym('a-secret'),
  receivedAt,
});

describe('readStatement', () => {
  it('refuses mbox, mbox_sha1sum and openid actors without an actor map, naming the field and the config key', () => {
    expect(readStatement(statement('mbox-actor'), rules())).toEqual({
      kind: 'refused',
      statementId: 'd1a8b2c4-93f7-4e0a-b5c6-7d8e9f0a1b2c',
      error:
        'actor.mbox: Uptake takes account actors (account.name is the user id); an mbox actor needs an xapi.actorMap in the config that names its user id',
    });
  });

  it('finds a mapped mbox whatever its case, and by its mbox_sha1sum too', async () => {
    const actors = await readActorMap(actorMapFile);
    expect(readStatement(statement('mbox-actor'), rules({}, actors))).toMatchObject({ kind: 'completion', userId: 'u-4824' });
    const hashed = { ...statement('mbox-actor'), actor: { mbox_sha1sum: 'bd5b6e2c8ebd0d0b8b7bd9ad0a0f4b2b8c9f4f4a' } };
    expect(readStatement(hashed, rules({}, actors))).toMatchObject({
      kind: 'refused',
      error: expect.stringContaining('is not in the xapi.actorMap'),
    });
    const { createHash } = await import('node:crypto');
    const sha1 = createHash('sha1').update('mailto:ben.okafor@corp.example').digest('hex');
    expect(readStatement({ ...hashed, actor: { mbox_sha1sum: sha1 } }, rules({}, actors))).toMatchObject({ userId: 'u-4824' });
  });

  it('reads the program from the activity id, or its name in the preferred language', () => {
    expect(readStatement(statement('completed'), rules())).toMatchObject({ program: 'https://lms.corp.example/courses/ai-foundations' });
    expect(readStatement(statement('completed'), rules({ program: 'name', languages: ['fr-FR'] }))).toMatchObject({
      program: "Fondamentaux de l'IA",
    });
    // No preferred language: the first the name has.
    expect(readStatement(statement('passed-with-score'), rules({ program: 'name' }))).toMatchObject({
      program: 'AI Foundations: final assessment',
    });
    expect(readStatement(statement('no-id'), rules({ program: 'name' }))).toMatchObject({
      program: 'https://lms.corp.example/courses/ai-foundations',
    });
  });

  it('ignores other verbs (voiding included) and refuses what it cannot read, with the field', () => {
    expect(readStatement(statement('voided'), rules())).toEqual({ kind: 'ignored', statementId: 'f3e2d1c0-b9a8-4765-8432-10fedcba9876' });
    expect(readStatement(statement('attempted'), rules())).toMatchObject({ kind: 'ignored' });
    const completed = statement('completed');
    expect(readStatement({ ...completed, timestamp: '14/03/2026' }, rules())).toMatchObject({
      error: 'timestamp: expected an ISO 8601 date-time, got "14/03/2026"',
    });
    expect(readStatement({ ...completed, timestamp: '2026-04-03T00:00:00Z' }, rules())).toMatchObject({
      error: 'timestamp: more than 24 hours in the future',
    });
    expect(readStatement({ ...completed, id: 'not-a-uuid' }, rules())).toMatchObject({ error: 'id: expected a UUID' });
    expect(readStatement({ ...completed, actor: { objectType: 'Group', member: [] } }, rules())).toMatchObject({
      error: expect.stringContaining('actor: a Group'),
    });
    expect(readStatement({ ...completed, object: { objectType: 'Agent', id: 'x:y' } }, rules())).toMatchObject({
      error: 'object.objectType: a completion is of an Activity, not a Agent',
    });
    expect(readStatement([], rules())).toEqual({ kind: 'refused', error: 'expected a statement object' });
  });

  it('takes the completion time from timestamp (UTC without a zone), else stored, else the receipt', () => {
    const completed = statement('completed');
    expect(
      (readStatement({ ...completed, timestamp: '2026-03-14T09:30:00' }, rules()) as { completedAt: Date }).completedAt.toISOString(),
    ).toBe('2026-03-14T09:30:00.000Z');
    const { timestamp: _, ...untimed } = completed;
    expect(
      (readStatement({ ...untimed, stored: '2026-03-15T00:00:00Z' }, rules()) as { completedAt: Date }).completedAt.toISOString(),
    ).toBe('2026-03-15T00:00:00.000Z');
    expect((readStatement(untimed, rules()) as { completedAt: Date }).completedAt).toEqual(receivedAt);
  });
});

describe('readActorMap', () => {
  const dir = useTempDir('uptake-actor-map-');
  it('names the file and line of a bad row', async () => {
    const file = join(dir, 'bad.csv');
    await writeFile(file, 'actor,user_id\nmailto:a@corp.example,u-1\nben@corp.example,u-2\n');
    await expect(readActorMap(file)).rejects.toThrow('bad.csv:3: actor: expected mailto:name@domain');
    await writeFile(file, 'email,user\n');
    await expect(readActorMap(file)).rejects.toThrow('bad.csv:1: expected the header actor,user_id');
  });
});
