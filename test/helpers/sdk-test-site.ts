import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../packages/collector/src/config/load-config.js';
import { startCollector, type Collector } from '../../packages/collector/src/start-collector.js';
import type { StoredEvent } from '../../packages/collector/src/storage/store.js';
import { startFaultProxy, type ProxiedBatch, type ProxyMode } from './fault-proxy.js';
import { startSdkTestPage } from './sdk-test-page.js';
import { waitFor } from './wait-for.js';

export type { ProxiedBatch, ProxyMode } from './fault-proxy.js';

/** A real collector, a fault-injecting proxy in front of it, and a page server on another origin. */
export interface SdkTestSite {
  collector: Collector;
  /** The origin the page's script tag talks to (the proxy). */
  proxyUrl: string;
  /** URL of a page with the script tag; `flushInterval` sets `data-flush-interval`. */
  pageUrl(options?: { flushInterval?: number }): string;
  /** Every batch the browser sent, in order. */
  batches: ProxiedBatch[];
  mode: ProxyMode;
  /** Milliseconds the proxy holds each batch before passing it on, to make concurrent sends overlap. */
  delayMs: number;
  /** Stored events whose name starts with `prefix`, once `count` of them are stored (or the timeout passes). */
  waitForStored(prefix: string, count: number, timeoutMs?: number): Promise<StoredEvent[]>;
  /** Waits until `condition` holds, polling. */
  waitFor(condition: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the three servers. The page's origin is in the tool's allowed origins; the proxy's is not
 * needed. With `identitySecret` the tool verifies identity; without, it is marked unverified.
 */
export async function startSdkTestSite(options: { identitySecret?: string } = {}): Promise<SdkTestSite> {
  const dir = await mkdtemp(join(tmpdir(), 'uptake-sdk-e2e-'));
  let proxyUrl = '';
  const page = await startSdkTestPage(() => proxyUrl);
  const config = parseConfig({
    tools: [
      {
        id: 'assistant',
        writeKey: 'wk_assistant',
        origins: [page.origin],
        ...(options.identitySecret ? { identitySecret: options.identitySecret } : { identity: 'unverified' }),
      },
    ],
    adminToken: 'e2e-admin-token-0123456789',
  });
  const collector = await startCollector({ config, db: join(dir, 'uptake.duckdb'), port: 0 });
  const proxy = await startFaultProxy(collector.url);
  proxyUrl = proxy.url;

  return {
    collector,
    proxyUrl,
    pageUrl: page.url,
    batches: proxy.batches,
    get mode() {
      return proxy.mode;
    },
    set mode(mode) {
      proxy.mode = mode;
    },
    get delayMs() {
      return proxy.delayMs;
    },
    set delayMs(ms) {
      proxy.delayMs = ms;
    },
    async waitForStored(prefix, count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const events = (await collector.store.events()).filter((e) => e.name.startsWith(prefix));
        if (events.length >= count || Date.now() > deadline) return events;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    waitFor,
    async close() {
      await proxy.close();
      await page.close();
      await collector.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
