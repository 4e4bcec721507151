import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportToFile } from '../../src/export/export-to-file.js';
import { importEvents, validateEventsFile } from '../../src/move/import-events.js';
import { openStore } from '../../src/storage/open-store.js';
import { allEvents, readEvents } from '../../src/storage/read-events.js';
import type { Store, StoredEvent } from '../../src/storage/store.js';
import { storeKinds, type StoreTarget } from '../helpers/store-targets.js';
import { exportRow } from '../helpers/export-rows.js';
import { useTempDir } from '../helpers/use-temp-dir.js';

const dir = useTempDir('uptake-import-events-');

function row(n: number): StoredEvent {
  const ts = new Date(Date.UTC(2026, 10, 1 + (n % 9), 8, n % 60, 0, n % 1000));
  return {
    id: `ie-${String(n).padStart(6, '0')}`,
    name: n % 4 === 0 ? 'survey.answered' : 'ai.output_accepted',
    ts,
    receivedAt: new Date(ts.getTime() + 1500),
    userId: `${'f'.repeat(60)}${String(n % 11).padStart(4, '0')}`,
    anonymousId: n % 3 === 0 ? null : `anon-${n}`,
    sessionId: null,
    tool: 'assistant',
    // A stored survey answer may be longer than the wire's 256 characters for other props.
    props:
      n % 4 === 0
        ? { surveyId: 's', questionId: 'q', value: 'x'.repeat(1500) }
        : { feature: 'summarize', edited: n % 2 === 0, score: n / 7 },
  };
}

const places: StoreTarget[] = [];
const opened: Store[] = [];
afterAll(async () => {
  for (const store of opened) await store.close().catch(() => undefined);
  for (const target of places) await target.dispose();
});

describe.each(storeKinds)('importEvents into $kind', ({ target: makeTarget }) => {
  it('stores an export as it is, resumes after an interruption, and keeps each id once', async () => {
    const source = await makeTarget();
    places.push(source);
    const from = await openStore(source.location);
    opened.push(from);
    await from.insert(Array.from({ length: 1200 }, (_, n) => row(n)));
    const file = join(dir, `${source.kind}.ndjson`);
    await exportToFile(readEvents(from), 'ndjson', file);
    expect(await validateEventsFile(file)).toBe(1200);

    const target = await makeTarget();
    places.push(target);
    const to = await openStore(target.location);
    opened.push(to);
    let inserts = 0;
    const dying = new Proxy(to, {
      get(store, key) {
        const value = Reflect.get(store, key);
        if (key === 'insert')
          return async (events: StoredEvent[]) => {
            if (++inserts === 3) throw new Error('killed');
            return store.insert(events);
          };
        return typeof value === 'function' ? value.bind(store) : value;
      },
    });
    await expect(importEvents(file, dying, { batchSize: 500 })).rejects.toThrow('killed');
    const resumed = await importEvents(file, to, { batchSize: 500 });
    expect(resumed).toEqual({ rows: 1200, inserted: 1200, resumedAfter: 1000 });
    expect(await allEvents(to)).toEqual(await allEvents(from));

    // Once finished, the file imports from its start again, and finds every id there.
    expect(await importEvents(file, to)).toEqual({ rows: 1200, inserted: 0, resumedAfter: 0 });
  });
});

describe('validateEventsFile', () => {
  it('names the line and field of the first bad row', async () => {
    const good = exportRow;
    const cases: [unknown, string][] = [
      [{ ...good, props: { text: 'a\u0000b' } }, 'props.text: contains a NUL character (U+0000), which cannot be stored'],
      [{ ...good, props: { nested: { a: 1 } } }, 'props.nested: '],
      [{ ...good, id: 'short' }, 'id: expected 8–64 characters of A-Z a-z 0-9 _ -'],
      [{ ...good, userId: undefined }, 'userId: '],
    ];
    for (const [i, [bad, error]] of cases.entries()) {
      const file = join(dir, `bad-${i}.ndjson`);
      await writeFile(file, `${JSON.stringify(good)}\n\n${JSON.stringify(bad)}\n`);
      await expect(validateEventsFile(file)).rejects.toThrow(`${file}:3: ${error}`);
    }
    await writeFile(join(dir, 'not-json.ndjson'), '{"id":\n');
    await expect(validateEventsFile(join(dir, 'not-json.ndjson'))).rejects.toThrow(`${join(dir, 'not-json.ndjson')}:1: not JSON`);
  });
});
