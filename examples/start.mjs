// `npm start`: the collector on the embedded DuckDB file with this folder's config, and the example
// AI tool on its own origin (port 8788), so the script tag talks to the collector across origins, as
// it does in production.
import { fileURLToPath } from 'node:url';
import { startCollector } from '@uptake/collector';
import { serveExampleTool } from './serve-example-tool.mjs';

const port = Number(process.env.PORT ?? 8787);
const toolPort = Number(process.env.TOOL_PORT ?? 8788);

const collector = await startCollector({
  config: fileURLToPath(new URL('./uptake.config.json', import.meta.url)),
  db: process.env.UPTAKE_DB ?? './data/uptake.duckdb',
  databaseUrl: process.env.UPTAKE_DATABASE_URL,
  port,
  logger: { level: process.env.UPTAKE_LOG_LEVEL ?? 'warn' },
});
const tool = await serveExampleTool({ collectorUrl: collector.url, port: toolPort });

console.log(`
Uptake is running.

  Example AI tool   ${tool.url}/        click Ask, then Accept, Edit or Reject
  Collector         ${collector.url}        store: ${collector.store.kind}
  Report            npx uptake report            in another terminal, a few seconds after a click

Press Ctrl+C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await Promise.all([tool.close(), collector.close()]);
    process.exit(0);
  });
}
