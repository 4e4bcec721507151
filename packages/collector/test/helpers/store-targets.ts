import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StoreLocation } from '../../src/storage/open-store.js';

/**
 * The PostgreSQL server the tests use: `.ci/run` starts it and creates this role and database.
 * Each test gets a schema of its own, named in the URL's `search_path`, and drops it afterwards.
 */
export const testDatabaseUrl = process.env['UPTAKE_TEST_DATABASE_URL'] ?? 'postgres://uptake:uptake@127.0.0.1:5432/uptake_test';

/** A place for a store, fresh and empty, and how to remove it. */
export interface StoreTarget {
  kind: 'duckdb' | 'postgres';
  location: StoreLocation;
  dispose(): Promise<void>;
}

export async function duckdbTarget(): Promise<StoreTarget> {
  const dir = await mkdtemp(join(tmpdir(), 'uptake-store-'));
  return { kind: 'duckdb', location: { db: join(dir, 'uptake.duckdb') }, dispose: () => rm(dir, { recursive: true, force: true }) };
}

export async function postgresTarget(): Promise<StoreTarget> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = `${testDatabaseUrl}${testDatabaseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    kind: 'postgres',
    location: { databaseUrl: url },
    async dispose() {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      // Where migration 9 keeps the events' monthly partitions (dropped with the events above).
      await client.query(`DROP SCHEMA IF EXISTS ${schema}_partitions CASCADE`);
      await client.end();
    },
  };
}

/** Both stores: every storage and route test runs against each. */
export const storeKinds = [
  { kind: 'duckdb', target: duckdbTarget },
  { kind: 'postgres', target: postgresTarget },
] as const;

export type StoreKind = (typeof storeKinds)[number]['kind'];

/** Makes a fresh place for a store of a kind. */
export function storeTarget(kind: StoreKind): () => Promise<StoreTarget> {
  return storeKinds.find((k) => k.kind === kind)!.target;
}
