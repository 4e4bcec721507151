import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storeLocation } from '../../src/cli/store-options.js';
import { openStore } from '../../src/storage/open-store.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('UPTAKE_DUCKDB_THREADS and UPTAKE_DUCKDB_MEMORY', () => {
  it('set the DuckDB store’s write threads and memory limit, which reads keep', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'uptake-duckdb-settings-'));
    process.env['UPTAKE_DUCKDB_THREADS'] = '1';
    process.env['UPTAKE_DUCKDB_MEMORY'] = '300MB';
    const store = await openStore(storeLocation({ db: join(dir, 'uptake.duckdb') }));
    try {
      const [row] = await store.query("SELECT current_setting('memory_limit') AS memory");
      // DuckDB prints the limit in its own units: 300MB is 286.1 MiB.
      expect(String(row?.['memory'])).toMatch(/^286\.1 MiB$/);
      // A read session runs on every core and gives the writes their thread back after it.
      const during = await store.readSession(async (query) => (await query("SELECT current_setting('threads') AS n"))[0]?.['n']);
      expect(Number(during)).toBe(availableParallelism());
      const after = await store.lookupSession(async (query) => (await query("SELECT current_setting('threads') AS n"))[0]?.['n']);
      expect(Number(after)).toBe(1);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
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
