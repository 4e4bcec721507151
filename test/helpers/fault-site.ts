import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportRow } from '../../packages/collector/src/export/export-row.js';
import type { StoreLocation } from '../../packages/collector/src/storage/open-store.js';
import { startCollectorProcess, type CollectorProcess } from './collector-process.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { startSdkTestPage, type SdkTestPage } from './sdk-test-page.js';

/** The SDK test page, the fault proxy, and behind it `uptake serve` in a child process that tests stop, kill and restart. */
export interface FaultSite {
  page: SdkTestPage;
  proxy: FaultProxy;
  collector: CollectorProcess;
  /** A scratch directory, removed by `close()`. */
  dir: string;
  /** Starts the collector again on the same store and points the proxy at it. */
  restart(): Promise<void>;
  /** Stored events whose name starts with `prefix`, once `count` are stored or `timeoutMs` has passed. */
  waitForStored(prefix: string, count: number, timeoutMs?: number): Promise<ExportRow[]>;
  close(): Promise<void>;
}

/** Starts a fault site on `store` (default: a DuckDB file in a fresh directory). */
export async function startFaultSite(store?: StoreLocation): Promise<FaultSite> {
  const dir = await mkdtemp(join(tmpdir(), 'uptake-faults-'));
  let proxyUrl = '';
  const page = await startSdkTestPage(() => proxyUrl);
  const config = {
    tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: [page.origin] }],
    pseudonymize: false,
    rateLimit: { perMinute: 1_000_000 },
  };
  const collector = await startCollectorProcess(dir, config, store ?? { db: join(dir, 'uptake.duckdb') });
  const proxy = await startFaultProxy(collector.url);
  proxyUrl = proxy.url;
  return {
    page,
    proxy,
    collector,
    dir,
    async restart() {
      await collector.start();
      proxy.target = collector.url;
    },
    async waitForStored(prefix, count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        // A read may fail while the store recovers (a pooled connection the database just ended):
        // it is asked again until the deadline.
        const events = await collector.stored().catch((error: unknown) => {
          if (Date.now() > deadline) throw error;
          return undefined;
        });
        const matching = events?.filter((e) => e.name.startsWith(prefix));
        if (matching && (matching.length >= count || Date.now() > deadline)) return matching;
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async close() {
      await proxy.close();
      await page.close();
      await collector.stop('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
