import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { allEvents } from '../../src/storage/read-events.js';
import { runUptake, spawnServe } from '../helpers/spawn-collector.js';
import { postgresTarget, type StoreTarget } from '../helpers/store-targets.js';
import { useWorkDir } from '../helpers/use-temp-dir.js';
import { actorMapFile, statement, xapiConfigInput } from './xapi-fixtures.js';

// The config names its actor map by a path relative to the config file, as operators write it.
const dir = useWorkDir('uptake-cli-xapi-', xapiConfigInput({ actorMap: 'maps/actors.csv' }));
const uptake = (...args: string[]) => runUptake(dir, args);

const names = ['completed', 'passed-with-score', 'attempted', 'no-id', 'mbox-actor', 'voided'] as const;
const ndjson = `${names.map((n) => JSON.stringify(statement(n))).join('\n')}\n`;
const unmapped = { ...statement('mbox-actor'), id: '22222222-3333-4444-8555-666666666666', actor: { mbox: 'mailto:nobody@corp.example' } };

beforeAll(async () => {
  await mkdir(join(dir, 'maps'));
  await copyFile(actorMapFile, join(dir, 'maps', 'actors.csv'));
  await writeFile(join(dir, 'statements.ndjson'), ndjson);
  await writeFile(
    join(dir, 'statements.json'),
    JSON.stringify(
      names.map((n) => statement(n)),
      null,
      2,
    ),
  );
  await writeFile(join(dir, 'partly.ndjson'), `${JSON.stringify(statement('completed'))}\n\n${JSON.stringify(unmapped)}\n`);
  await writeFile(join(dir, 'broken.json'), '[{"actor": ');
});

const summary = /statements: (\d+) completions new, (\d+) already there, (\d+) ignored \(other verbs\), (\d+) refused/;
const counts = (stdout: string) => summary.exec(stdout)?.slice(1).map(Number);

describe('uptake import xapi', () => {
  it('imports NDJSON or a JSON array into a DuckDB file, through a running collector or directly, storing each completion once', async () => {
    const first = await uptake('import', 'xapi', 'statements.ndjson', '--db', './data/uptake.duckdb');
    expect(first.stderr).toBe('');
    expect([first.code, counts(first.stdout)]).toEqual([0, [4, 0, 2, 0]]);
    const server = await spawnServe(['--db', './data/uptake.duckdb'], dir);
    try {
      const through = await uptake('import', 'xapi', 'statements.json', '--db', './data/uptake.duckdb');
      expect([through.code, counts(through.stdout)]).toEqual([0, [0, 4, 2, 0]]);
      const partly = await uptake('import', 'xapi', 'partly.ndjson', '--db', './data/uptake.duckdb');
      expect(partly.code).toBe(1);
      expect(partly.stderr).toContain('partly.ndjson:3: actor.mbox: mailto:nobody@corp.example is not in the xapi.actorMap');
    } finally {
      await server.stop();
    }
    const direct = await uptake('import', 'xapi', 'partly.ndjson', '--db', './data/uptake.duckdb');
    expect([direct.code, counts(direct.stdout)]).toEqual([1, [0, 1, 0, 1]]);
    expect(direct.stderr).toContain('1 statement(s) refused; the others are stored:\n  partly.ndjson:3: actor.mbox');
    const store = await openStore({ db: join(dir, 'data/uptake.duckdb') });
    try {
      const facts = (await allEvents(store)).filter((e) => e.name === 'training.completed');
      expect(facts).toHaveLength(4);
      expect(new Set(facts.map((e) => e.userId)).size).toBe(4);
    } finally {
      await store.close();
    }
  });

  it('refuses a file that is not JSON, naming it, and imports nothing', async () => {
    const broken = await uptake('import', 'xapi', 'broken.json', '--db', './data/other.duckdb');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^uptake import: nothing imported: broken\.json: not valid JSON/);
  });

  describe('on PostgreSQL', () => {
    let target: StoreTarget;
    beforeAll(async () => {
      target = await postgresTarget();
    });
    afterAll(() => target.dispose());

    it('stores the same facts, and importing again changes nothing', async () => {
      const url = target.location.databaseUrl as string;
      expect(counts((await uptake('import', 'xapi', 'statements.ndjson', '--database-url', url)).stdout)).toEqual([4, 0, 2, 0]);
      expect(counts((await uptake('import', 'xapi', 'statements.ndjson', '--database-url', url)).stdout)).toEqual([0, 4, 2, 0]);
    });
  });
});
