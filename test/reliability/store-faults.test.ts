import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../packages/collector/test/helpers/store-targets.js';
import { useChromium } from '../helpers/chromium.js';
import { startFaultSite, type FaultSite } from '../helpers/fault-site.js';
import { figure } from '../helpers/reliability-scale.js';
import { openSdkPage, queuedInIndexedDb, track } from '../helpers/sdk-page.js';
import { canMount, mountTinyDisk } from '../helpers/tiny-disk.js';
import { waitFor } from '../helpers/wait-for.js';

// The store fails under a running collector: its disk fills up (DuckDB on a tiny tmpfs), or it
// turns read-only (PostgreSQL's default_transaction_read_only). The collector must answer 503 with
// Retry-After, never acknowledge what it could not write; the SDK in real Chromium must keep the
// events and deliver every one, once, when the store recovers.

const browser = useChromium();
let context: BrowserContext;

/** Tracks while the store is broken, checks the 503s and the browser's queue, repairs, checks delivery. */
async function outage(
  site: FaultSite,
  name: string,
  breakStore: () => Promise<void>,
  repairStore: () => Promise<void>,
  cause: RegExp,
): Promise<void> {
  context = await browser.newContext();
  try {
    const page = await openSdkPage(context, site.page.url({ flushInterval: 300 }));
    await track(page, name, 30, 0);
    expect(await site.waitForStored(name, 30)).toHaveLength(30);

    await breakStore();
    const before = site.proxy.batches.length;
    await track(page, name, 50, 30);
    // Two refusals: the SDK came back after the Retry-After and was refused again, still keeping the events.
    await waitFor(
      () => site.proxy.batches.slice(before).filter((b) => b.status === 503).length >= 2,
      30_000,
      'two 503s from the collector',
    );
    const refused = site.proxy.batches.slice(before).filter((b) => b.status !== 200);
    // Every refusal is a 503 asking the SDK to come back later, and nothing was acknowledged.
    expect(refused.every((b) => b.status === 503 && Number(b.retryAfter) > 0)).toBe(true);
    expect(site.proxy.batches.slice(before).filter((b) => b.status === 200 && b.names.includes(name))).toEqual([]);
    expect(await queuedInIndexedDb(page, name)).toBe(50);
    expect(await site.waitForStored(name, 31, 0)).toHaveLength(30);
    // The store's own error, logged by the collector: the fault is the real one.
    expect(site.collector.output()).toMatch(cause);

    await repairStore();
    const repairedAt = Date.now();
    const stored = await site.waitForStored(name, 80, 60_000);
    expect(stored).toHaveLength(80);
    expect(new Set(stored.map((e) => e.id)).size).toBe(80);
    expect(new Set(stored.map((e) => e.props['n'])).size).toBe(80);
    figure(`${name}: 503s answered while broken`, refused.length);
    figure(`${name}: seconds from repair to every event stored`, ((Date.now() - repairedAt) / 1000).toFixed(1));
  } finally {
    await context.close();
  }
}

describe('store faults under a running collector, real Chromium', () => {
  it.runIf(canMount)(
    'DuckDB on a full disk: 503 with Retry-After, the SDK keeps the events, all stored once space is back (needs root for the tmpfs)',
    async () => {
      const disk = await mountTinyDisk(48);
      try {
        const site = await startFaultSite({ db: join(disk.path, 'uptake.duckdb') });
        try {
          let filled = 0;
          await outage(
            site,
            'rel.disk_full',
            async () => void (filled = disk.fill()),
            () => disk.free(),
            /No space left on device/,
          );
          expect(filled).toBeGreaterThan(0);
          expect(site.collector.running).toBe(true);
        } finally {
          await site.close();
        }
      } finally {
        await disk.dispose();
      }
    },
    120_000,
  );

  it('PostgreSQL turned read-only: 503 with Retry-After, the SDK keeps the events, all stored once it is writable again', async () => {
    const database = `uptake_rel_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    // Needs CREATEDB for the test role (.ci/run grants it): read-only is set on a database of the
    // test's own, so no other test's connections are touched.
    await admin.query(`CREATE DATABASE ${database}`);
    // Existing sessions keep the setting they started with: end the collector's, so its pool
    // reconnects under the new one, as it would after an operator's restart of the database.
    const setReadOnly = async (on: boolean) => {
      await admin.query(
        on
          ? `ALTER DATABASE ${database} SET default_transaction_read_only = on`
          : `ALTER DATABASE ${database} RESET default_transaction_read_only`,
      );
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
    };
    try {
      const url = new URL(testDatabaseUrl);
      url.pathname = `/${database}`;
      const site = await startFaultSite({ databaseUrl: url.toString() });
      try {
        await outage(
          site,
          'rel.read_only',
          () => setReadOnly(true),
          () => setReadOnly(false),
          /read-only transaction/,
        );
        expect(site.collector.running).toBe(true);
      } finally {
        await site.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});
