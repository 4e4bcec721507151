import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runUptake, spawnServe } from '../helpers/spawn-collector.js';
import { postgresTarget } from '../helpers/store-targets.js';
import { event, postBatch } from '../helpers/temp-collector.js';
import { useWorkDir } from '../helpers/use-temp-dir.js';

// The built CLI (`npm test` builds first), spawned as a user runs `npx uptake`; ids pseudonymized
// with the secret the store generates, so the CLI and the collector must hash alike.
const dir = useWorkDir('uptake-cli-forget-');
const uptake = (...args: string[]) => runUptake(dir, args);
const userIds = async (file: string) =>
  (await readFile(join(dir, file), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { userId: string }).userId);

const events = [
  event({ userId: 'emp-1', ts: '2026-11-20T10:00:00Z' }),
  event({ userId: 'emp-1', ts: '2026-11-21T10:00:00Z' }),
  event({ userId: 'emp-2', ts: '2026-11-20T10:00:00Z' }),
  event({ userId: 'emp-2', ts: '2026-11-21T10:00:00Z' }),
];

describe('uptake forget and uptake export --user', () => {
  it('work through a running collector on the DuckDB file, and directly once it stopped', async () => {
    const server = await spawnServe(['--db', './data/uptake.duckdb'], dir);
    try {
      expect((await postBatch(server.url, { writeKey: 'wk_assistant', events })).body['accepted']).toBe(4);
      const forgot = await uptake('forget', '--user', 'emp-1');
      expect(forgot).toMatchObject({ code: 0, stderr: '' });
      expect(forgot.stdout).toBe(
        'forgot the person: 2 events, 2 daily_usage rows, 2 person_usage_days rows, 2 person_days rows, 2 daily_outputs rows, 0 person_items rows, 0 person_shows rows, 0 survey_answers rows, 0 vital_samples rows, 0 person_trainings rows, 0 person_traits rows; store compacted\n',
      );
      expect((await uptake('forget', '--user', 'emp-1')).stdout).toBe(
        'forgot the person: 0 events, 0 daily_usage rows, 0 person_usage_days rows, 0 person_days rows, 0 daily_outputs rows, 0 person_items rows, 0 person_shows rows, 0 survey_answers rows, 0 vital_samples rows, 0 person_trainings rows, 0 person_traits rows\n',
      );
      expect((await uptake('export', '--user', 'emp-2', '--out', 'live.ndjson')).code).toBe(0);
      expect(await userIds('live.ndjson')).toHaveLength(2);
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    expect((await uptake('export', '--user', 'emp-2', '--out', 'direct.ndjson')).code).toBe(0);
    const [pseudonym] = await userIds('live.ndjson');
    expect(await userIds('direct.ndjson')).toEqual([pseudonym, pseudonym]);
    expect(pseudonym).not.toBe('emp-2');
    const before = await uptake('forget', '--user', 'emp-2', '--before', '2026-11-21');
    expect(before.stdout).toBe(
      'forgot the person before 2026-11-21T00:00:00.000Z: 1 events, 1 daily_usage rows, 1 person_usage_days rows, 1 person_days rows, 1 daily_outputs rows, 0 person_items rows, 0 person_shows rows, 0 survey_answers rows, 0 vital_samples rows, 0 person_trainings rows, 0 person_traits rows; store compacted\n',
    );
    expect((await uptake('export', '--user', 'emp-1', '--out', 'gone.ndjson')).stdout).toMatch(/^gone\.ndjson: 0 events/);
    expect(await uptake('forget')).toMatchObject({ code: 2, stderr: expect.stringContaining('--user: expected the user id') });
  });

  it('work directly on PostgreSQL', async () => {
    const target = await postgresTarget();
    const url = target.location.databaseUrl as string;
    const server = await spawnServe(['--database-url', url], dir);
    try {
      expect((await postBatch(server.url, { writeKey: 'wk_assistant', events })).body['accepted']).toBe(4);
      const forgot = await uptake('forget', '--user', 'emp-2', '--database-url', url);
      expect(forgot.stdout).toBe(
        'forgot the person: 2 events, 2 daily_usage rows, 2 person_usage_days rows, 2 person_days rows, 2 daily_outputs rows, 0 person_items rows, 0 person_shows rows, 0 survey_answers rows, 0 vital_samples rows, 0 person_trainings rows, 0 person_traits rows; store compacted\n',
      );
      expect((await uptake('export', '--user', 'emp-1', '--out', 'pg.ndjson', '--database-url', url)).code).toBe(0);
      expect(await userIds('pg.ndjson')).toHaveLength(2);
    } finally {
      await server.stop('SIGTERM');
      await target.dispose();
    }
  });
});
