// `npm start`: the collector on the embedded DuckDB file with this folder's config, and the example
// AI tool on its own origin (port 8788), so the script tag talks to the collector across origins, as
// it does in production.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateDemo, loadConfig, startCollector, unverifiedToolWarnings } from '@uptake/collector';
import { serveExampleTool } from './serve-example-tool.mjs';

const port = Number(process.env.PORT ?? 8787);
const toolPort = Number(process.env.TOOL_PORT ?? 8788);

// The tool's server starts first, so its origin is allowed even when TOOL_PORT moves it. It signs
// its users' ids with the tool's identity secret, as a real tool's backend does (docs/tool-teams.md).
let collector;
const config = await loadConfig(fileURLToPath(new URL('./uptake.config.json', import.meta.url)));
const assistant = config.tools.find((t) => t.id === 'assistant');
const tool = await serveExampleTool({ collectorUrl: () => collector.url, identitySecret: assistant.identitySecret[0], port: toolPort });
if (!assistant.origins.includes(tool.url)) assistant.origins.push(tool.url);

collector = await startCollector({
  config,
  db: process.env.UPTAKE_DB ?? './data/uptake.duckdb',
  databaseUrl: process.env.UPTAKE_DATABASE_URL,
  port,
  logger: { level: process.env.UPTAKE_LOG_LEVEL ?? 'warn' },
});

// First start: a synthetic organisation, so every metric has data (once per store; UPTAKE_DEMO=0 skips it).
if (process.env.UPTAKE_DEMO !== '0') {
  const employees = Number(process.env.UPTAKE_DEMO_EMPLOYEES ?? 4200);
  const started = Date.now();
  let shown = 0;
  const result = await generateDemo(
    collector.store,
    config,
    { seed: 42, employees, until: new Date().toISOString().slice(0, 10), tool: 'assistant' },
    (done) => {
      if (done - shown >= 700 || done === employees) {
        shown = done;
        process.stdout.write(
          `\rWriting the demo organisation: ${done.toLocaleString('en-US')} of ${employees.toLocaleString('en-US')} employees…`,
        );
      }
    },
  );
  if (result.written)
    console.log(
      `\rWrote the demo organisation: ${result.events.toLocaleString('en-US')} events in ${((Date.now() - started) / 1000).toFixed(1)} s.            `,
    );
}

// The example config's token is a demo value, printed so the dashboard opens at once; a token from the
// environment ("env:NAME" in the config) is a real secret: only where it comes from is printed.
const rawToken = JSON.parse(await readFile(new URL('./uptake.config.json', import.meta.url), 'utf8')).adminToken;
const tokenHint =
  typeof rawToken === 'string' && rawToken.startsWith('env:')
    ? `from $${rawToken.slice(4)}`
    : `${config.adminToken} (adminToken in examples/uptake.config.json)`;

console.log(`
Uptake is running.

  Example AI tool   ${tool.url}/        click Ask, then Accept, Edit or Reject
  Collector         ${collector.url}        store: ${collector.store.kind}
  Dashboard         ${collector.url}/dashboard/        admin token: ${tokenHint}
  Report            npx uptake report            in another terminal, a few seconds after a click

Press Ctrl+C to stop.`);
// As `uptake serve` does: the React example's tool does not verify identity, and the warning says what that allows.
for (const warning of unverifiedToolWarnings(config)) console.warn(`warning: ${warning}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await Promise.all([tool.close(), collector.close()]);
    process.exit(0);
  });
}
