// `npm start`: the collector on the embedded DuckDB file with this folder's config, and the example
// AI tool on its own origin (port 8788), so the script tag talks to the collector across origins, as
// it does in production.
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { startCollector } from '@uptake/collector';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const port = Number(process.env.PORT ?? 8787);
const toolPort = Number(process.env.TOOL_PORT ?? 8788);

const collector = await startCollector({
  config: here('./uptake.config.json'),
  db: process.env.UPTAKE_DB ?? './data/uptake.duckdb',
  databaseUrl: process.env.UPTAKE_DATABASE_URL,
  port,
  logger: { level: process.env.UPTAKE_LOG_LEVEL ?? 'warn' },
});

const tool = Fastify();
await tool.register(fastifyStatic, { root: here('./ai-assistant') });
await tool.listen({ port: toolPort, host: '127.0.0.1' });

console.log(`
Uptake is running.

  Example AI tool   http://127.0.0.1:${toolPort}/        (click Ask, then Accept, Edit or Reject)
  Collector         ${collector.url}          (store: ${collector.store.kind})
  Report            npx uptake report     (in another terminal)

Press Ctrl+C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await Promise.all([tool.close(), collector.close()]);
    process.exit(0);
  });
}
