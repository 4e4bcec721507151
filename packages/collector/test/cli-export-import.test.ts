import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUptake, spawnServe } from './helpers/spawn-collector.js';
import { postgresTarget, type StoreTarget } from './helpers/store-targets.js';
import { event, postBatch } from './helpers/temp-collector.js';
import { useWorkDir } from './helpers/use-temp-dir.js';

// The built CLI (`npm test` builds first), spawned as a user runs `npx uptake`.
const dir = useWorkDir('uptake-cli-io-');

const uptake = (...args: string[]) => runUptake(dir, args);

const ndjsonLines = async (file: string) =>
  (await readFile(join(dir, file), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const training = 'user_id,completed_at,program,role\nu-1,2026-03-14,ai-basics,professional\nu-2,2026-03-15T09:30:00Z,ai-basics,\n';

beforeAll(async () => {
  await writeFile(join(dir, 'training.csv'), training);
  await writeFile(join(dir, 'broken.csv'), 'user_id,completed_at,program\nu-3,2026-03-16,p\nu-4,14/03/2026,p\n');
});

describe('uptake export and import on a DuckDB file', () => {
  it('work through a running collector and directly once it stopped, with the same results', async () => {
    const server = await spawnServe(['--db', './data/uptake.duckdb'], dir);
    try {
      const sdk = [
        event({ id: 'cli-io-0001', userId: 'u-1', ts: '2026-03-20T10:00:00.000Z' }),
        event({ id: 'cli-io-0002', userId: 'u-9', sessionId: '=cmd', ts: '2026-03-21T10:00:00.000Z' }),
      ];
      expect((await postBatch(server.url, { writeKey: 'wk_assistant', events: sdk })).body['accepted']).toBe(2);

      const broken = await uptake('import', 'training', 'broken.csv');
      expect(broken.code).toBe(1);
      expect(broken.stderr).toBe(
        'uptake import: nothing imported: broken.csv:3: completed_at: expected a date YYYY-MM-DD or an ISO-8601 instant, got "14/03/2026"\n',
      );

      const live = await uptake('import', 'training', 'training.csv');
      expect(live).toMatchObject({ code: 0, stderr: '' }); // no progress bar without a terminal
      expect(live.stdout).toMatch(/^training\.csv: 2 rows read; 3 events: 3 new, 0 already there \(\d+\.\d s\)\n$/);

      for (const format of ['ndjson', 'csv', 'parquet']) {
        const result = await uptake('export', '--format', format, '--out', `live.${format}`);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`^live\\.${format}: exported through the running collector, ${format}, `));
      }
      const filtered = await uptake('export', '--out', 'live-range.ndjson', '--from', '2026-03-15', '--to', '2026-03-20');
      expect(filtered.code).toBe(0);
      expect((await ndjsonLines('live-range.ndjson')).map((r) => r['name'])).toEqual(['training.completed', 'ai.output_accepted']);
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }

    // No collector now: the CLI opens the file itself, and the second import finds everything there.
    const again = await uptake('import', 'training', 'training.csv');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^training\.csv: 2 rows read; 3 events: 0 new, 3 already there/);
    for (const format of ['ndjson', 'csv', 'parquet']) {
      const result = await uptake('export', '--out', `offline.${format}`);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^offline\\.${format}: 5 events, ${format}, `));
    }
    const offline = await ndjsonLines('offline.ndjson');
    expect(offline.map((r) => r['id'])).toEqual((await ndjsonLines('live.ndjson')).map((r) => r['id']));
    expect(offline.map((r) => r['name'])).toEqual([
      'identify',
      'training.completed',
      'training.completed',
      'ai.output_accepted',
      'ai.output_accepted',
    ]);
    // The imported u-1 and the SDK's u-1 are one pseudonym.
    expect(new Set(offline.filter((r) => r['id'] === 'cli-io-0001' || r['name'] === 'identify').map((r) => r['userId'])).size).toBe(1);

    const csv = parse(await readFile(join(dir, 'offline.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => r['id'])).toEqual(offline.map((r) => r['id']));
    expect(csv.at(-1)?.['sessionId']).toBe("'=cmd");
    expect(await readFile(join(dir, 'offline.csv'), 'utf8')).toBe(await readFile(join(dir, 'live.csv'), 'utf8'));
    for (const file of ['live.parquet', 'offline.parquet']) {
      const bytes = await readFile(join(dir, file));
      const rows = (await parquetReadObjects({
        file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      })) as Record<string, unknown>[];
      expect(rows.map((r) => r['id'])).toEqual(offline.map((r) => r['id']));
    }
    expect((await readdir(dir)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  }, 60_000);

  it('imports a large file through a running collector in several requests', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `emp-${i},2026-02-${String(1 + (i % 28)).padStart(2, '0')},ai-basics`);
    await writeFile(join(dir, 'large.csv'), `user_id,completed_at,program\n${rows.join('\n')}\n`);
    const server = await spawnServe(['--db', './large/uptake.duckdb'], dir);
    try {
      const first = await uptake('import', 'training', 'large.csv', '--db', './large/uptake.duckdb');
      expect(first.stdout).toMatch(/^large\.csv: 12000 rows read; 12000 events: 12000 new, 0 already there/);
      const second = await uptake('import', 'training', 'large.csv', '--db', './large/uptake.duckdb');
      expect(second.stdout).toMatch(/^large\.csv: 12000 rows read; 12000 events: 0 new, 12000 already there/);
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
  }, 60_000);

  it('names bad options: format, dates, missing --out, a wrong import kind', async () => {
    expect((await uptake('export', '--out', 'x.xlsx')).stderr).toBe(
      'uptake export: --format: expected csv, ndjson, parquet, or an --out file ending in .csv, .ndjson, .parquet; got --out x.xlsx\n',
    );
    expect((await uptake('export', '--out', 'x', '--format', 'xml')).stderr).toBe(
      'uptake export: --format: expected csv, ndjson or parquet, got "xml"\n',
    );
    expect((await uptake('export', '--out', 'x.csv', '--from', '14/03/2026')).stderr).toBe(
      'uptake export: --from: expected a day YYYY-MM-DD or an ISO-8601 instant, got "14/03/2026"\n',
    );
    expect((await uptake('export', '--format', 'csv')).stderr).toBe(
      'uptake export: --out: expected the file to write, e.g. --out events.parquet\n',
    );
    const kind = await uptake('import', 'users', 'training.csv');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('cannot import "users": expected training or events\n\nusage: uptake import training FILE.csv');
  });
});

describe('uptake export and import on PostgreSQL', () => {
  let target: StoreTarget;
  beforeAll(async () => {
    target = await postgresTarget();
  });
  afterAll(async () => {
    await target.dispose();
  });

  it('imports once, refuses a broken file whole, and exports what is stored', async () => {
    const url = target.location.databaseUrl as string;
    expect((await uptake('import', 'training', 'broken.csv', '--database-url', url)).code).toBe(1);
    expect((await uptake('import', 'training', 'training.csv', '--database-url', url)).stdout).toMatch(/3 events: 3 new, 0 already there/);
    expect((await uptake('import', 'training', 'training.csv', '--database-url', url)).stdout).toMatch(/3 events: 0 new, 3 already there/);
    const result = await uptake('export', '--out', 'pg.ndjson', '--database-url', url);
    expect(result.stdout).toMatch(/^pg\.ndjson: 3 events, ndjson, /);
    const rows = await ndjsonLines('pg.ndjson');
    expect(rows.map((r) => [r['name'], r['ts'], r['tool']])).toEqual([
      ['identify', '2026-03-14T00:00:00.000Z', 'uptake-import'],
      ['training.completed', '2026-03-14T00:00:00.000Z', 'uptake-import'],
      ['training.completed', '2026-03-15T09:30:00.000Z', 'uptake-import'],
    ]);
    expect(rows.some((r) => r['props'] && (r['props'] as Record<string, unknown>)['program'] === 'p')).toBe(false);
  });
});
