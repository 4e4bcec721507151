import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storeAt } from '../../src/cli/open-own-store.js';
import { storeLocation } from '../../src/cli/store-options.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/store.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

const memoryLimit = async (store: Store) => String((await store.query("SELECT current_setting('memory_limit') AS memory"))[0]?.['memory']);
const writeThreads = async (store: Store) =>
  Number((await store.lookupSession((query) => query("SELECT current_setting('threads') AS n")))[0]?.['n']);

describe('UPTAKE_DUCKDB_THREADS and UPTAKE_DUCKDB_MEMORY', () => {
  it('set the DuckDB store’s write threads and memory limit, which reads keep', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'uptake-duckdb-settings-'));
    process.env['UPTAKE_DUCKDB_THREADS'] = '1';
    process.env['UPTAKE_DUCKDB_MEMORY'] = '300MB';
    const store = await openStore(storeLocation({ db: join(dir, 'uptake.duckdb') }));
    try {
      // DuckDB prints the limit in its own units: 300MB is 286.1 MiB.
      expect(await memoryLimit(store)).toBe('286.1 MiB');
      // A read session runs on every core DuckDB counts (its default) and gives the writes their thread back after it.
      const fresh = await (await DuckDBInstance.create(':memory:')).connect();
      const cores = Number((await fresh.runAndReadAll("SELECT current_setting('threads') AS n")).getRowObjectsJS()[0]?.['n']);
      fresh.closeSync();
      const during = await store.readSession(async (query) => (await query("SELECT current_setting('threads') AS n"))[0]?.['n']);
      expect(Number(during)).toBe(cores);
      expect(await writeThreads(store)).toBe(1);
      // Also when the read fails midway, with its own error.
      const failing = store.readSession(async (query) => {
        await query('SELECT 1');
        throw new Error('the read failed');
      });
      await expect(failing).rejects.toThrow('the read failed');
      expect(await writeThreads(store)).toBe(1);
      // An erasure compacts the file and opens it anew: with the same settings.
      const ts = new Date('2026-11-20T10:00:00Z');
      const event = {
        id: 'e-1',
        name: 'ai.request',
        ts,
        receivedAt: ts,
        userId: 'u-1',
        anonymousId: 'a-1',
        sessionId: 's-1',
        tool: 'assistant',
        props: {},
      };
      await store.insert([event]);
      expect((await store.forget('u-1')).events).toBe(1);
      expect(await memoryLimit(store)).toBe('286.1 MiB');
      expect(await writeThreads(store)).toBe(1);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reach the stores an operator’s command names by one value (uptake migrate, uptake import)', () => {
    process.env['UPTAKE_DUCKDB_THREADS'] = '2';
    process.env['UPTAKE_DUCKDB_MEMORY'] = '1GB';
    expect(storeAt('old.duckdb')).toMatchObject({ db: 'old.duckdb', duckdbThreads: 2, duckdbMemoryLimit: '1GB' });
    expect(storeAt('postgres://u@h/db')).not.toHaveProperty('duckdbMemoryLimit');
  });

  it('refuse a value that is not an amount, naming the variable', () => {
    process.env['UPTAKE_DUCKDB_MEMORY'] = 'lots';
    expect(() => storeLocation({ db: 'x.duckdb' })).toThrow('UPTAKE_DUCKDB_MEMORY: expected an amount such as 512MB or 2GB, got lots');
    process.env['UPTAKE_DUCKDB_MEMORY'] = '';
    process.env['UPTAKE_DUCKDB_THREADS'] = '0';
    expect(() => storeLocation({ db: 'x.duckdb' })).toThrow(
      'UPTAKE_DUCKDB_THREADS: expected a whole number of threads from 1 to 256, got 0',
    );
  });
});
