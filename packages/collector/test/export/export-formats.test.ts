import { readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/storage/store.js';
import { storeKinds } from '../helpers/store-targets.js';
import { event, postBatch, postEvents } from '../helpers/temp-collector.js';
import { useCollector } from '../helpers/use-collector.js';
import { useTempDir } from '../helpers/use-temp-dir.js';

const auth = { Authorization: 'Bearer test-admin-token' };
const columns = ['id', 'name', 'ts', 'receivedAt', 'userId', 'anonymousId', 'sessionId', 'tool', 'props'];
type Row = Record<string, unknown>;

// Values a spreadsheet would run as formulas, and values that need CSV quoting. The test config has
// `pseudonymize: false`, so user and anonymous ids are stored as sent.
const special = [
  event({
    id: 'spc-formula1',
    ts: '2026-10-02T12:00:00.100Z',
    sessionId: '=HYPERLINK("https://evil.example","click")',
    userId: '+1+1',
    anonymousId: '@SUM(A1)',
  }),
  event({
    id: '-dash-first',
    ts: '2026-10-02T12:00:00.200Z',
    sessionId: '-2+3',
    userId: undefined,
    anonymousId: 'a-only',
    props: { note: 'a, "b"\nc\r\nd', n: 1.5, ok: true, none: null },
  }),
  event({ id: 'spc-newline', ts: '2026-10-02T12:00:00.250Z', sessionId: 'a, "b"\r\nc' }),
  event({ id: 'spc-tabcell', ts: '2026-10-02T12:00:00.300Z', sessionId: '\tindented', props: { formula: '=1+1' } }),
];
/** An event as the collector would have stored it (the test config does not pseudonymize). */
const storedAsSent = (e: Record<string, unknown>): StoredEvent => ({
  id: String(e['id']),
  name: String(e['name']),
  ts: new Date(String(e['ts'])),
  receivedAt: new Date(),
  userId: (e['userId'] as string | undefined) ?? null,
  anonymousId: (e['anonymousId'] as string | undefined) ?? null,
  sessionId: (e['sessionId'] as string | undefined) ?? null,
  tool: String(e['tool']),
  props: e['props'] as StoredEvent['props'],
});
const ordinary = 6_000; // more than one 5,000-row page

describe.each(storeKinds)('GET /v1/export csv and parquet, $kind store', ({ kind }) => {
  const c = useCollector(kind);
  const dir = useTempDir('uptake-formats-test-');
  let ndjson: Row[];

  const get = (query: string, headers: Record<string, string> = auth) => fetch(`${c.url}/v1/export?${query}`, { headers });
  const ndjsonRows = async (query: string) =>
    (await (await get(`format=ndjson&${query}`)).text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Row);

  beforeAll(async () => {
    await postEvents(c.url, ordinary, (n) =>
      event({ id: `ord-${String(n).padStart(6, '0')}`, ts: new Date(Date.UTC(2026, 9, 1) + n * 43_200).toISOString(), props: { n } }),
    );
    // Ingest now refuses control characters in ids; rows stored before that rule still export, so
    // the session ids with a line break or a tab go into the store directly.
    const sent = special.filter((e) => !/[\r\n\t]/.test(String(e['sessionId'])));
    expect((await postBatch(c.url, { writeKey: 'wk_assistant', events: sent })).body['accepted']).toBe(sent.length);
    await c.store.insert(special.filter((e) => !sent.includes(e)).map(storedAsSent));
    ndjson = await ndjsonRows('');
    expect(ndjson).toHaveLength(ordinary + special.length);
  });

  describe('csv', () => {
    it('is RFC 4180 with a header row, one record per event, equal to the NDJSON export row for row', async () => {
      const res = await get('format=csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="uptake-events-\d{4}-\d{2}-\d{2}\.csv"$/);
      const text = await res.text();
      expect(text.startsWith(`${columns.join(',')}\r\n`)).toBe(true);
      const records = parse(text, { columns: true }) as Record<string, string>[];
      expect(records).toHaveLength(ndjson.length);
      records.forEach((record, i) => {
        const row = ndjson[i] as Row;
        const expected = Object.fromEntries(
          columns.map((k) => [k, k === 'props' ? JSON.stringify(row[k]) : ((row[k] as string | null) ?? '')]),
        );
        // The injection guard is the only difference: a leading ' on cells that start like a formula.
        const unguarded = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v]));
        expect(unguarded).toEqual(expected);
      });
    });

    it('quotes commas, quotes and line breaks, and guards cells that a spreadsheet would run as formulas', async () => {
      const text = await (await get('format=csv&from=2026-10-02T12:00:00.050Z&to=2026-10-02T12:00:00.400Z')).text();
      const records = parse(text, { columns: true }) as Record<string, string>[];
      expect(records.map((r) => r['id'])).toEqual(['spc-formula1', "'-dash-first", 'spc-newline', 'spc-tabcell']);
      expect(records[0]).toMatchObject({
        sessionId: `'=HYPERLINK("https://evil.example","click")`,
        userId: "'+1+1",
        anonymousId: "'@SUM(A1)",
      });
      expect(records[1]).toMatchObject({ sessionId: "'-2+3", userId: '', anonymousId: 'a-only' });
      expect(JSON.parse(records[1]?.['props'] ?? '')).toEqual({ note: 'a, "b"\nc\r\nd', n: 1.5, ok: true, none: null });
      expect(records[2]).toMatchObject({ sessionId: 'a, "b"\r\nc' });
      expect(records[3]).toMatchObject({ sessionId: "'\tindented" });
      // props is JSON text and always starts with "{": never guarded, its inner "=1+1" is data.
      expect(records[3]?.['props']).toBe('{"formula":"=1+1"}');
      // The raw text: a quoted cell doubles its quotes and keeps its line breaks inside the quotes.
      expect(text).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
      expect(text).toContain('"a, ""b""\r\nc"');
      expect(text.split('\r\n')).toHaveLength(records.length + 3); // header, records, the break inside a cell, and the end
    });

    it('filters by from and to like NDJSON', async () => {
      const query = 'from=2026-10-02&to=2026-10-02';
      const records = parse(await (await get(`format=csv&${query}`)).text(), { columns: true }) as Record<string, string>[];
      const expected = await ndjsonRows(query);
      expect(expected.length).toBeGreaterThan(1000);
      expect(records.map((r) => r['id']?.replace(/^'/, ''))).toEqual(expected.map((r) => r['id']));
      expect(expected.every((r) => String(r['ts']).startsWith('2026-10-02'))).toBe(true);
    });

    it('an empty range is the header row alone', async () => {
      expect(await (await get('format=csv&from=2030-01-01')).text()).toBe(`${columns.join(',')}\r\n`);
    });
  });

  describe('parquet', () => {
    const download = async (query: string, name: string) => {
      const res = await get(`format=parquet&${query}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.apache.parquet');
      const bytes = await res.arrayBuffer();
      expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
      const file = join(dir, name);
      await writeFile(file, new Uint8Array(bytes));
      return { bytes, file };
    };

    it('DuckDB reads it back equal to the NDJSON export row for row, with typed columns', async () => {
      const { file } = await download('', 'all.parquet');
      const db = await DuckDBInstance.create(':memory:');
      const conn = await db.connect();
      try {
        const types = (
          await conn.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${file}'))`)
        ).getRowObjectsJS();
        expect(types.map((t) => `${t['column_name']} ${t['column_type']}`)).toEqual([
          'id VARCHAR',
          'name VARCHAR',
          'ts TIMESTAMP WITH TIME ZONE',
          'receivedAt TIMESTAMP WITH TIME ZONE',
          'userId VARCHAR',
          'anonymousId VARCHAR',
          'sessionId VARCHAR',
          'tool VARCHAR',
          'props VARCHAR',
        ]);
        const rows = (
          await conn.runAndReadAll(
            `SELECT id, name, strftime(ts AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS ts, strftime("receivedAt" AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS "receivedAt",
                    "userId", "anonymousId", "sessionId", tool, props FROM read_parquet('${file}')`,
          )
        ).getRowObjectsJS();
        expect(rows.map((r) => ({ ...r, props: JSON.parse(String(r['props'])) }))).toEqual(ndjson);
      } finally {
        conn.closeSync();
        db.closeSync();
      }
    });

    it('hyparquet, an independent reader, reads it back equal to the NDJSON export, timestamps adjusted to UTC', async () => {
      const { bytes } = await download('', 'all-js.parquet');
      const metadata = parquetMetadata(bytes);
      const ts = metadata.schema.find((s) => s.name === 'ts');
      expect(ts?.logical_type).toMatchObject({ type: 'TIMESTAMP', isAdjustedToUTC: true });
      const rows = (await parquetReadObjects({ file: bytes })) as Row[];
      expect(
        rows.map((r) => ({
          ...r,
          ts: (r['ts'] as Date).toISOString(),
          receivedAt: (r['receivedAt'] as Date).toISOString(),
          props: JSON.parse(String(r['props'])),
        })),
      ).toEqual(ndjson);
    });

    it('filters by from and to like NDJSON, and an empty range is a valid empty file', async () => {
      const query = 'from=2026-10-03&to=2026-10-03T12:00:00Z';
      const { bytes } = await download(query, 'range.parquet');
      const expected = await ndjsonRows(query);
      expect(expected.length).toBeGreaterThan(500);
      expect(((await parquetReadObjects({ file: bytes })) as Row[]).map((r) => r['id'])).toEqual(expected.map((r) => r['id']));
      const empty = await download('from=2030-01-01', 'empty.parquet');
      expect(await parquetReadObjects({ file: empty.bytes })).toEqual([]);
    });

    it('leaves no temporary file behind', async () => {
      const leftovers = async () =>
        (await readdir(tmpdir())).filter((f) => f.startsWith('uptake-export-') || f.startsWith('uptake-parquet-'));
      await download('from=2026-10-01&to=2026-10-01', 'tmp-check.parquet');
      // Other test files may be exporting at the same moment; wait until theirs are gone too.
      for (let i = 0; i < 50 && (await leftovers()).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await leftovers()).toEqual([]);
    });
  });

  it('needs the admin token in every format; a bad format is a 400 naming it', async () => {
    for (const format of ['csv', 'ndjson', 'parquet']) {
      const res = await get(`format=${format}`, {});
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'this endpoint needs Authorization: Bearer <admin token>' });
    }
    expect((await get('format=csv', { Authorization: 'Bearer wrong-token' })).status).toBe(401);
    const bad = await get('format=xlsx');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'format: expected csv, ndjson or parquet, got "xlsx"' });
  });
});
