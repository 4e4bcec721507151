import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '../../packages/collector/src/demo/generate-demo.js';
import type { UptakeConfig } from '../../packages/collector/src/config/config-schema.js';
import { loadConfig } from '../../packages/collector/src/config/load-config.js';
import { startCollector, type Collector } from '../../packages/collector/src/start-collector.js';

/**
 * A collector on a free port with the example config (`npm start`'s) and a temporary DuckDB file
 * holding the demo organisation, smaller than `npm start`'s so a test starts in seconds; `configure`
 * changes the config first (adds tokens, say).
 */
export async function demoCollector(
  employees = 1500,
  configure: (config: UptakeConfig) => UptakeConfig = (config) => config,
): Promise<Collector & { stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'uptake-dashboard-'));
  const config = configure(await loadConfig(fileURLToPath(new URL('../../examples/uptake.config.json', import.meta.url))));
  const collector = await startCollector({ config, db: join(dir, 'uptake.duckdb'), port: 0 });
  await generateDemo(collector.store, config, { seed: 42, employees, until: new Date().toISOString().slice(0, 10), tool: 'assistant' });
  return {
    ...collector,
    async stop() {
      await collector.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
