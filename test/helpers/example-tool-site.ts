import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
// @ts-expect-error -- a plain JS module of the examples, without types
import { serveExampleTool } from '../../examples/serve-example-tool.mjs';
import { parseConfig } from '../../packages/collector/src/config/load-config.js';
import type { UptakeConfig } from '../../packages/collector/src/config/config-schema.js';
import { startCollector, type Collector } from '../../packages/collector/src/start-collector.js';
import type { StoredEvent } from '../../packages/collector/src/storage/store.js';
import { launchChromium } from './chromium.js';
import { waitForStoredEvents } from './wait-for-stored-events.js';

/** The example tool on its own origin, a real collector on a temporary DuckDB file, and Chromium. */
export interface ExampleToolSite {
  browser: Browser;
  collector: Collector;
  config: UptakeConfig;
  tool: { url: string };
  /** Stored events, once `predicate` holds for them (or the timeout passes), polling the store. */
  waitForEvents(predicate: (events: StoredEvent[]) => boolean, timeoutMs?: number): Promise<StoredEvent[]>;
}

/**
 * Starts the site before the file's tests and stops it after them. `rawConfig` gets the example
 * tool's origin (the collector's config needs it, so the tool's server starts first) and returns
 * the config, unparsed.
 */
export function useExampleToolSite(rawConfig: (toolUrl: string) => unknown | Promise<unknown>): () => ExampleToolSite {
  let dir = '';
  let site: ExampleToolSite | undefined;
  let tool: { url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'uptake-e2e-'));
    let collector: Collector | undefined;
    let config: UptakeConfig | undefined;
    // The tool's server signs its users' ids with the secret of the config's `assistant` tool.
    const identitySecret = () => [config?.tools.find((t) => t.id === 'assistant')?.identitySecret ?? []].flat()[0];
    tool = (await serveExampleTool({ collectorUrl: () => collector?.url, identitySecret, port: 0 })) as {
      url: string;
      close(): Promise<void>;
    };
    config = parseConfig(await rawConfig(tool.url));
    collector = await startCollector({ config, db: join(dir, 'uptake.duckdb'), port: 0 });
    const started = collector;
    site = {
      browser: await launchChromium(),
      collector: started,
      config,
      tool,
      waitForEvents: (predicate, timeoutMs = 20_000) => waitForStoredEvents(started.store, predicate, timeoutMs),
    };
  });
  afterAll(async () => {
    await site?.browser.close();
    await tool?.close();
    await site?.collector.close();
    await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!site) throw new Error('the example tool site is not started: call useExampleToolSite at the top of the file');
    return site;
  };
}
