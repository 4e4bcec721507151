import { chmod, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runUptake, spawnServe } from './helpers/spawn-collector.js';
import { event, postBatch } from './helpers/temp-collector.js';
import { useWorkDir } from './helpers/use-temp-dir.js';

// These tests run the built CLI (`npm test` builds first), as a user runs `npx uptake`.
const dir = useWorkDir('uptake-cli-at-rest-');
const mode = async (path: string) => (await stat(join(dir, path))).mode & 0o777;

describe('what uptake leaves on disk', () => {
  it('keeps the store, its WAL, key file, sidecar and exports 0600, even in a folder others can read', async () => {
    await chmod(dir, 0o755);
    const server = await spawnServe(['--db', './uptake.duckdb'], dir);
    try {
      const res = await postBatch(server.url, {
        writeKey: 'wk_assistant',
        events: [event({ id: 'rest-cli-01' }), event({ id: 'rest-cli-02' })],
      });
      expect(res.body['accepted']).toBe(2);
      const files = (await readdir(dir)).filter((f) => f.startsWith('uptake.duckdb')).sort();
      expect(files).toEqual(['uptake.duckdb', 'uptake.duckdb.collector.json', 'uptake.duckdb.key', 'uptake.duckdb.wal']);
      for (const file of files) expect(await mode(file), file).toBe(0o600);

      // (This once exported the default ./data/uptake.duckdb, created empty on the way: now refused.)
      const exported = await runUptake(dir, ['export', '--out', 'events.csv', '--db', './uptake.duckdb']);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toMatch(/^events\.csv: exported through the running collector/);
      expect(await mode('events.csv')).toBe(0o600);
      const again = await runUptake(dir, ['export', '--out', 'events.csv', '--db', './uptake.duckdb']);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('events.csv already exists (a file or a link): refusing to write over it');
    } finally {
      await server.stop('SIGTERM');
    }
    expect(await mode('uptake.duckdb')).toBe(0o600);
  });
});
