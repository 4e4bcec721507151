import { createHmac } from 'node:crypto';
import { chmod, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { exportToFile } from '../../src/export/export-to-file.js';
import { pseudonymizerFor } from '../../src/ingest/pseudonymizer.js';
import { startCollector } from '../../src/start-collector.js';
import { sidecarPath } from '../../src/storage/local-sidecar.js';
import { openStore } from '../../src/storage/open-store.js';
import { moveExclusive } from '../../src/storage/private-file.js';
import { pseudonymKeyPath } from '../../src/storage/pseudonym-key-file.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { postgresTarget } from '../helpers/store-targets.js';
import { testConfig } from '../helpers/temp-collector.js';
import { useTempDir } from '../helpers/use-temp-dir.js';

const mode = async (path: string) => (await stat(path)).mode & 0o777;
const at = new Date('2026-11-22T10:00:00Z');
const row = (id: string): StoredEvent => ({
  id,
  name: 'ai.output_accepted',
  ts: at,
  receivedAt: at,
  userId: 'u-1',
  anonymousId: null,
  sessionId: null,
  tool: 'assistant',
  props: {},
});
async function* rows(n: number): AsyncGenerator<StoredEvent> {
  for (let i = 0; i < n; i++) yield row(`rest-${String(i).padStart(6, '0')}`);
}
/** A file an attacker would like overwritten, and a link to it planted where the collector writes. */
async function plant(dir: string, where: string): Promise<string> {
  const target = join(dir, `victim-${where.replaceAll('/', '_')}`);
  await writeFile(target, 'precious');
  await symlink(target, join(dir, where));
  return target;
}
const pseudonymized = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken: 'admin-token-0123456789',
});
const hmac = (secret: string, id: string) => createHmac('sha256', secret).update(id).digest('hex');

describe('a DuckDB store at rest', () => {
  const dir = useTempDir('uptake-at-rest-');

  it('creates its folders 0700 and its file 0600', async () => {
    const db = join(dir, 'fresh', 'data', 'uptake.duckdb');
    const store = await openStore({ db });
    try {
      await store.insert([row('rest-mode-01')]);
      expect(await mode(join(dir, 'fresh'))).toBe(0o700);
      expect(await mode(join(dir, 'fresh', 'data'))).toBe(0o700);
      expect(await mode(db)).toBe(0o600);
    } finally {
      await store.close();
    }
    expect(await mode(db)).toBe(0o600);
  });

  it('makes an existing store and its WAL 0600 when it opens them', async () => {
    const db = join(dir, 'older.duckdb');
    await (await openStore({ db })).close();
    await chmod(db, 0o644);
    const store = await openStore({ db });
    await store.close();
    expect(await mode(db)).toBe(0o600);
  });

  it('refuses a symbolic link at the store or its WAL, leaving the link target untouched', async () => {
    for (const name of ['linked.duckdb', 'linked-wal.duckdb.wal']) {
      const target = await plant(dir, name);
      const db = join(dir, name.replace(/\.wal$/, ''));
      await expect(openStore({ db })).rejects.toThrow(/is a symbolic link: refusing to follow it/);
      expect(await readFile(target, 'utf8')).toBe('precious');
    }
  });

  it('replaces a stale sidecar with a fresh 0600 one, and refuses a planted link there', async () => {
    const db = join(dir, 'sidecar.duckdb');
    await writeFile(sidecarPath(db), '{"stale":true}', { mode: 0o644 });
    const collector = await startCollector({ config: testConfig, db, port: 0 });
    try {
      expect(await mode(sidecarPath(db))).toBe(0o600);
      expect(JSON.parse(await readFile(sidecarPath(db), 'utf8'))).toMatchObject({ url: collector.url });
    } finally {
      await collector.close();
    }

    const linked = join(dir, 'sidecar-linked.duckdb');
    const target = await plant(dir, 'sidecar-linked.duckdb.collector.json');
    await expect(startCollector({ config: testConfig, db: linked, port: 0 })).rejects.toThrow(
      /is not this user's own file: refusing to write the collector's token through it/,
    );
    expect(await readFile(target, 'utf8')).toBe('precious');
  });
});

describe('exports at rest', () => {
  const dir = useTempDir('uptake-export-at-rest-');

  it.each(['csv', 'ndjson', 'parquet'] as const)(
    '%s: created 0600; a planted link or an existing file is an error, not a target',
    async (format) => {
      const file = join(dir, `events.${format}`);
      expect(await exportToFile(rows(3), format, file)).toBe(3);
      expect(await mode(file)).toBe(0o600);

      await expect(exportToFile(rows(1), format, file)).rejects.toThrow(/already exists \(a file or a link\): refusing to write over it/);
      const target = await plant(dir, `linked.${format}`);
      await expect(exportToFile(rows(1), format, join(dir, `linked.${format}`))).rejects.toThrow(/already exists/);
      expect(await readFile(target, 'utf8')).toBe('precious');
    },
  );

  it('moves a finished export into place only where nothing stands', async () => {
    await writeFile(join(dir, 'done.partial'), 'rows');
    const target = await plant(dir, 'done.csv');
    await expect(moveExclusive(join(dir, 'done.partial'), join(dir, 'done.csv'))).rejects.toThrow(/already exists/);
    expect(await readFile(target, 'utf8')).toBe('precious');
    await moveExclusive(join(dir, 'done.partial'), join(dir, 'moved.csv'));
    expect(await readFile(join(dir, 'moved.csv'), 'utf8')).toBe('rows');
  });
});

describe('the generated pseudonym secret', () => {
  const dir = useTempDir('uptake-key-at-rest-');

  it('DuckDB: kept in a 0600 key file beside the store, not in the store', async () => {
    const db = join(dir, 'fresh.duckdb');
    const store = await openStore({ db });
    try {
      const hash = await pseudonymizerFor(pseudonymized, store);
      const secret = (await readFile(pseudonymKeyPath(db), 'utf8')).trim();
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(await mode(pseudonymKeyPath(db))).toBe(0o600);
      expect(await store.getSetting('pseudonymSecret')).toBeUndefined();
      expect(hash('u-1')).toBe(hmac(secret, 'u-1'));
      expect((await pseudonymizerFor(pseudonymized, store))('u-1')).toBe(hmac(secret, 'u-1'));
    } finally {
      await store.close();
    }
    const again = await openStore({ db });
    try {
      expect((await pseudonymizerFor(pseudonymized, again))('u-1')).toBe(
        hmac((await readFile(pseudonymKeyPath(db), 'utf8')).trim(), 'u-1'),
      );
    } finally {
      await again.close();
    }
  });

  it('DuckDB: a store that kept it in its settings moves it to the key file, with the same pseudonyms', async () => {
    const db = join(dir, 'older.duckdb');
    const secret = 'a1'.repeat(32);
    const old = await openStore({ db });
    await old.initSetting('pseudonymSecret', secret);
    await old.close();
    const store = await openStore({ db });
    try {
      const hash = await pseudonymizerFor(pseudonymized, store);
      expect(hash('u-4821')).toBe(hmac(secret, 'u-4821'));
      expect(await store.getSetting('pseudonymSecret')).toBeUndefined();
      expect((await readFile(pseudonymKeyPath(db), 'utf8')).trim()).toBe(secret);
      expect(await mode(pseudonymKeyPath(db))).toBe(0o600);
    } finally {
      await store.close();
    }
    const after = await openStore({ db });
    try {
      expect((await pseudonymizerFor(pseudonymized, after))('u-4821')).toBe(hmac(secret, 'u-4821'));
    } finally {
      await after.close();
    }
  });

  it('DuckDB: a link planted at the key file is an error, not followed', async () => {
    const db = join(dir, 'planted.duckdb');
    const target = await plant(dir, 'planted.duckdb.key');
    const store = await openStore({ db });
    try {
      await expect(pseudonymizerFor(pseudonymized, store)).rejects.toThrow(/is a symbolic link/);
    } finally {
      await store.close();
    }
    expect(await readFile(target, 'utf8')).toBe('precious');
  });

  it('PostgreSQL: kept in the settings table, which readers of exports never see', async () => {
    const target = await postgresTarget();
    try {
      const store = await openStore(target.location);
      try {
        const hash = await pseudonymizerFor(pseudonymized, store);
        const secret = await store.getSetting('pseudonymSecret');
        expect(secret).toMatch(/^[0-9a-f]{64}$/);
        expect(hash('u-1')).toBe(hmac(secret as string, 'u-1'));
      } finally {
        await store.close();
      }
    } finally {
      await target.dispose();
    }
  });
});
