import { unverifiedToolWarnings } from '../config/tool-identity.js';
import { startCollector } from '../start-collector.js';
import { defaultDbPath } from '../storage/open-store.js';
import { UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';
import { configOption, defaultConfigFile, storeLocation, storeOptions } from './store-options.js';

export const serveUsage = `uptake serve [--config FILE] [--db FILE | --database-url URL] [--port N] [--host H]

  --config FILE        config file (default ./uptake.config.json)
  --db FILE            DuckDB file (default ${defaultDbPath})
  --database-url URL   PostgreSQL URL (or UPTAKE_DATABASE_URL); wins over --db
  --port N             port (default 8787)
  --host H             address to listen on (default 127.0.0.1)`;

/** `uptake serve`: runs the collector until SIGINT or SIGTERM. */
export async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      ...configOption,
      ...storeOptions,
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port: expected a port number 0–65535, got ${values.port}`);
  const collector = await startCollector({
    config: values.config ?? defaultConfigFile,
    ...storeLocation(values),
    port,
    host: values.host,
    logger: { level: process.env['UPTAKE_LOG_LEVEL'] ?? 'info' },
  });
  const stop = async (signal: string) => {
    console.log(`${signal}: finishing requests in flight and closing the store`);
    await collector.close();
    process.exit(0);
  };
  // The handlers are set before "listening" is printed: a supervisor that signals on that line
  // must find them in place.
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  console.log(`uptake collector listening on ${collector.url} (store: ${collector.store.kind})`);
  for (const warning of unverifiedToolWarnings(collector.config)) console.warn(`warning: ${warning}`);
}
