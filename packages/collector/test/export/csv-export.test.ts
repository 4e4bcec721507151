import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvChunks } from '../../src/export/csv-export.js';
import type { StoredEvent } from '../../src/storage/store.js';

const at = new Date('2026-10-02T12:00:00Z');
const stored = (id: string, sessionId: string, props: StoredEvent['props'] = {}): StoredEvent => ({
  id,
  name: 'ai.suggestion.shown',
  ts: at,
  receivedAt: at,
  userId: null,
  anonymousId: 'anon',
  sessionId,
  tool: 'assistant',
  props,
});

const text = async (events: StoredEvent[]) => {
  async function* rows() {
    yield* events;
  }
  let out = '';
  for await (const chunk of csvChunks(rows())) out += chunk;
  return out;
};

/** Splits CSV text into records by hand, per RFC 4180: a record ends at a CRLF outside quotes, and nowhere else. */
function rfc4180Records(csv: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  while (i < csv.length) {
    if (csv[i] === '"' && field === '') {
      // A quoted field: runs to the quote not followed by another quote.
      i++;
      for (;;) {
        if (csv[i] === '"' && csv[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (csv[i] === '"') break;
        else field += csv[i++];
      }
      i++;
    } else if (csv[i] === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (csv.startsWith('\r\n', i)) {
      records.push([...fields, field]);
      fields = [];
      field = '';
      i += 2;
    } else {
      // A bare field may not hold a quote, CR or LF.
      expect(['"', '\r', '\n']).not.toContain(csv[i]);
      field += csv[i++];
    }
  }
  expect(field).toBe('');
  return records;
}

describe('csvChunks', () => {
  const tricky = [
    stored('lf-0000001', '\n=1+1'),
    stored('cr-0000001', 'a\rb'),
    stored('crlf-00001', 'a\r\nb'),
    stored('quote-0001', 'say "hi"'),
    stored('comma-0001', 'a,b'),
    stored('formula-01', '=1+1', { note: 'x\ny' }),
  ];

  it('quotes every field holding a quote, comma, CR or LF, so a line break never starts a row', async () => {
    const csv = await text(tricky);
    const records = rfc4180Records(csv);
    expect(records).toHaveLength(tricky.length + 1);
    expect(records.slice(1).map((r) => r[6])).toEqual(['\n=1+1', 'a\rb', 'a\r\nb', 'say "hi"', 'a,b', "'=1+1"]);
    expect(records.slice(1).map((r) => r[0])).toEqual(tricky.map((e) => e.id));
    expect(csv).toContain('"\n=1+1"');
    expect(csv).toContain('"a\rb"');
    // No record begins with a formula: the line break that would start one stays inside its cell.
    expect(records.filter((r) => r[0]?.startsWith('='))).toEqual([]);
  });

  it('reads back equal with a strict CSV parser', async () => {
    const records = parse(await text(tricky), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r['sessionId'])).toEqual(['\n=1+1', 'a\rb', 'a\r\nb', 'say "hi"', 'a,b', "'=1+1"]);
    expect(JSON.parse(records[5]?.['props'] ?? '')).toEqual({ note: 'x\ny' });
  });
});
