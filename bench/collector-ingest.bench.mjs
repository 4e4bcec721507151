// Ingest throughput: batches of 100 events from many concurrent connections, against
//   1. the ceiling of this machine: a bare node:http server that only reads and JSON.parses the body,
//   2. `uptake serve` on a DuckDB file, 3. `uptake serve` on PostgreSQL (when reachable),
// each in its own process, measured in one run with autocannon from this process. Every request
// carries 100 events with ids never sent before, so each is a real durable insert.
//
// As a browser sends them: the tool verifies identity (each batch carries its person's userHash),
// and each batch is one person's, drawn in turn from 20,000 people, so the default per-person daily
// cap (5,000) is never reached while its lookup runs for every batch.
//
// The machine's 2 cores are shared by the load generator (this process), the collector, PostgreSQL
// and whatever else runs: the CPU each used during the measured run is printed beside the figure.
// BENCH_SECONDS (10) and BENCH_CONNECTIONS (64) change the run.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
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
const identitySecret = 'bench-identity-secret-0123456789abcdef';
writeFileSync(
  configFile,
  JSON.stringify({
    tools: [{ id: 'assistant', writeKey: 'wk_bench', identitySecret, origins: ['*'] }],
    adminToken: 'bench-admin-token-0123456789',
    rateLimit: { perMinute: 10_000_000 },
  }),
);

// People and their userHash, computed once: what each person's page holds.
const people = Array.from({ length: 20_000 }, (_, i) => {
  const userId = `emp-${String(i).padStart(6, '0')}`;
  return { userId, hash: createHmac('sha256', identitySecret).update(userId).digest('hex') };
});

// One batch as a template; `__B__` becomes a fresh prefix per request, so every id is new, and
// `__U__`/`__H__` the person and their hash.
const now = new Date().toISOString();
const template = JSON.stringify({
  writeKey: 'wk_bench',
  sentAt: now,
  identities: { __U__: '__H__' },
  events: Array.from({ length: 100 }, (_, i) => ({
    id: `__B__-${i}`,
    name: i % 3 === 0 ? 'ai.request' : i % 3 === 1 ? 'ai.output_shown' : 'ai.output_accepted',
    ts: now,
    userId: '__U__',
    anonymousId: `a-__U__`,
    sessionId: 's-0000000000',
    tool: 'assistant',
    props: { feature: 'summarize', outputId: `o-${i}` },
  })),
});
const [head, ...parts] = template.split(/(__B__|__U__|__H__)/);
let seq = 0;
const prefix = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const nextBody = () => {
  const batch = `${prefix}${(seq++).toString(36).padStart(7, '0')}`;
  const person = people[seq % people.length];
  const fill = { __B__: batch, __U__: person.userId, __H__: person.hash };
  let body = head;
  for (let i = 0; i < parts.length; i += 2) body += fill[parts[i]] + parts[i + 1];
  return body;
};

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

// CPU seconds from /proc (Linux): of one process, of every PostgreSQL process, of the whole machine.
const ticks = 100;
const procCpu = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  } catch {
    return 0;
  }
};
// PostgreSQL serves others too: only the bench collectors' backends (by application_name) and the
// WAL writer count.
const benchApp = 'uptake-bench';
async function postgresCpu() {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT pid FROM pg_stat_activity WHERE application_name = $1 OR backend_type = 'walwriter'", [
      benchApp,
    ]);
    return rows.reduce((sum, r) => sum + procCpu(r.pid), 0);
  } finally {
    await client.end();
  }
}
const machineCpu = () => {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).map(Number);
  return (user + nice + system + irq + softirq + steal) / ticks;
};
const selfCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

// Loads every URL at once, the connections shared among them (two collectors behind a balancer).
async function load(urls, servers) {
  const before = { self: selfCpu(), servers: servers.map((s) => procCpu(s.pid)), pg: await postgresCpu(), machine: machineCpu() };
  const runs = await Promise.all(
    urls.map((url) =>
      autocannon({
        url: `${url}/v1/batch`,
        connections: Math.round(connections / urls.length),
        duration: seconds,
        requests: [{ method: 'POST', headers: { 'content-type': 'text/plain' }, setupRequest: (req) => ({ ...req, body: nextBody() }) }],
      }),
    ),
  );
  const sum = (pick) => runs.reduce((total, r) => total + pick(r), 0);
  const result = {
    '2xx': sum((r) => r['2xx']),
    duration: Math.max(...runs.map((r) => r.duration)),
    latency: { p50: Math.max(...runs.map((r) => r.latency.p50)), p99: Math.max(...runs.map((r) => r.latency.p99)) },
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
  };
  const core = (used) => `${Math.round((used / result.duration) * 100)}%`;
  const collector = servers.reduce((sum, s, i) => sum + procCpu(s.pid) - before.servers[i], 0);
  const generator = selfCpu() - before.self;
  const database = (await postgresCpu()) - before.pg;
  const events = result['2xx'] * 100;
  const perEvent = (used) => (events ? (used * 1e6) / events : 0);
  return {
    eventsPerSecond: Math.round((result['2xx'] / result.duration) * 100),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    // Shares of one core (200% = both cores).
    generator: core(generator),
    collector: core(collector),
    postgres: core(database),
    others: core(Math.max(0, machineCpu() - before.machine - generator - collector - database)),
    // CPU per event, whatever else runs: what the 2 cores can carry when nothing else does.
    perEvent: { generator: perEvent(generator), collector: perEvent(collector), postgres: perEvent(database) },
  };
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    await client.query(
      'DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench; DROP SCHEMA IF EXISTS bench2 CASCADE; CREATE SCHEMA bench2',
    );
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const serve = (...store) => [bin, 'serve', '--port', '0', '--config', configFile, ...store];
// Each target: a label and the command lines of its processes (loaded together).
const targets = [
  ['bare node:http + JSON.parse (ceiling)', [['-e', bareServer]]],
  ['uptake serve, DuckDB file', [serve('--db', join(dir, 'bench.duckdb'))]],
];
if (await postgresReachable()) {
  const onSchema = (schema) =>
    serve('--database-url', `${databaseUrl}?application_name=${benchApp}&options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  targets.push(['uptake serve, PostgreSQL', [onSchema('bench')]]);
  targets.push(['2 × uptake serve, one PostgreSQL', [onSchema('bench2'), onSchema('bench2')]]);
} else {
  console.log(`(PostgreSQL not reachable at ${databaseUrl}: skipped)`);
}

console.log(
  `batches of 100 events (one person's, identity verified, 20,000 people), ${connections} connections, ${seconds} s each, on ${cpus().length} cores`,
);
console.log('CPU columns: share of one core during the measured run (200% = both cores); others = the rest of the machine\n');
const rows = [];
for (const [label, commands] of targets) {
  // Started one after the other, then loaded together.
  const started = [];
  for (const args of commands) started.push(await start(args));
  const urls = started.map((s) => s.url);
  const children = started.map((s) => s.child);
  await load(urls, children); // warm-up pass, discarded
  const r = await load(urls, children);
  for (const child of children) child.kill('SIGTERM');
  rows.push({
    target: label,
    'events/s': r.eventsPerSecond,
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    'non-2xx': r.non2xx,
    errors: r.errors,
    generator: r.generator,
    collector: r.collector,
    postgres: r.postgres,
    others: r.others,
    'µs/event': [r.perEvent.collector, r.perEvent.postgres].map((us) => us.toFixed(1)).join(' + '),
    'idle-machine estimate': label.startsWith('bare')
      ? ''
      : Math.round((cpus().length * 1e6) / (r.perEvent.generator + r.perEvent.collector + r.perEvent.postgres)),
  });
}
console.table(rows);
console.log(
  'µs/event: CPU of the collector (+ its PostgreSQL backends) per durable event; idle-machine estimate: events/s the cores would carry at that CPU per event, the load generator included, with nothing else running',
);
const ceiling = rows[0]['events/s'];
for (const row of rows.slice(1))
  console.log(`${row.target}: ${((row['events/s'] / ceiling) * 100).toFixed(0)}% of the bare-server ceiling`);
console.log('aims: ≥ 60,000 durable events/s on DuckDB, ≥ 50,000 on PostgreSQL; RudderStack gateway ≈ 1,700 events/s on 2 cores');
rmSync(dir, { recursive: true, force: true });
