// Ingest throughput: batches of 100 events from many concurrent connections, against
//   1. the ceiling of this machine: a bare node:http server that only reads and JSON.parses the body,
//   2. `uptake serve` on a DuckDB file, 3. `uptake serve` on PostgreSQL (when reachable),
// each in its own process, measured in one run with autocannon from this process. Every request
// carries 100 events with ids never sent before, so each is a real durable insert.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
const databaseUrl = process.env.UPTAKE_BENCH_DATABASE_URL ?? 'postgres://uptake:uptake@127.0.0.1:5432/uptake_test';
const bin = fileURLToPath(new URL('../packages/collector/bin/uptake.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'uptake-bench-'));
const configFile = join(dir, 'uptake.config.json');
writeFileSync(
  configFile,
  JSON.stringify({
    tools: [{ id: 'assistant', writeKey: 'wk_bench', identity: 'unverified', origins: ['*'] }],
    adminToken: 'bench-admin-token-0123456789',
    rateLimit: { perMinute: 10_000_000 },
    // 40 people send every event of the run: the per-person daily cap (5,000 by default) would refuse
    // most of them. Its lookup still runs for every batch, so its cost is in the figure.
    maxEventsPerPersonPerDay: 1_000_000_000,
  }),
);

// One batch as a template; `__B__` becomes a fresh prefix per request, so every id is new.
const now = new Date().toISOString();
const template = JSON.stringify({
  writeKey: 'wk_bench',
  sentAt: now,
  events: Array.from({ length: 100 }, (_, i) => ({
    id: `__B__-${i}`,
    name: i % 3 === 0 ? 'ai.request' : i % 3 === 1 ? 'ai.output_shown' : 'ai.output_accepted',
    ts: now,
    userId: `u-${i % 40}`,
    anonymousId: `a-${i % 40}-0000000000`,
    sessionId: 's-0000000000',
    tool: 'assistant',
    props: { feature: 'summarize', outputId: `o-${i}` },
  })),
});
let seq = 0;
const prefix = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const nextBody = () => template.replaceAll('__B__', `${prefix}${(seq++).toString(36).padStart(7, '0')}`);

const bareServer = `
  const http = require('node:http');
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const batch = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ accepted: batch.events.length, duplicates: 0, rejected: [] }));
    });
  });
  server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

function start(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, UPTAKE_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ url: match[1], child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => (out += c));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

async function load(url) {
  const result = await autocannon({
    url: `${url}/v1/batch`,
    connections,
    duration: seconds,
    requests: [{ method: 'POST', headers: { 'content-type': 'text/plain' }, setupRequest: (req) => ({ ...req, body: nextBody() }) }],
  });
  return {
    eventsPerSecond: Math.round((result['2xx'] / result.duration) * 100),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const targets = [
  ['bare node:http + JSON.parse (ceiling)', ['-e', bareServer]],
  ['uptake serve, DuckDB file', [bin, 'serve', '--port', '0', '--config', configFile, '--db', join(dir, 'bench.duckdb')]],
];
if (await postgresReachable()) {
  targets.push([
    'uptake serve, PostgreSQL',
    [
      bin,
      'serve',
      '--port',
      '0',
      '--config',
      configFile,
      '--database-url',
      `${databaseUrl}?options=${encodeURIComponent('-c search_path=bench')}`,
    ],
  ]);
} else {
  console.log(`(PostgreSQL not reachable at ${databaseUrl}: skipped)`);
}

console.log(`batches of 100 events, ${connections} connections, ${seconds} s each, on ${(await import('node:os')).cpus().length} cores\n`);
const rows = [];
for (const [label, args] of targets) {
  const { url, child } = await start(args);
  await load(url); // warm-up pass, discarded
  const r = await load(url);
  child.kill('SIGTERM');
  rows.push({ target: label, 'events/s': r.eventsPerSecond, 'p50 ms': r.p50, 'p99 ms': r.p99, 'non-2xx': r.non2xx, errors: r.errors });
}
console.table(rows);
const ceiling = rows[0]['events/s'];
for (const row of rows.slice(1))
  console.log(`${row.target}: ${((row['events/s'] / ceiling) * 100).toFixed(0)}% of the bare-server ceiling`);
console.log('anchors: aim ≥ 50,000 durable events/s on DuckDB; RudderStack gateway ≈ 1,700 events/s on 2 cores');
rmSync(dir, { recursive: true, force: true });
