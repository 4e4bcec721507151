// GET /v1/metrics over large synthetic stores: 1M and 10M events on DuckDB, 1M on PostgreSQL.
// Events are generated inside the database (INSERT … SELECT over a number series), then a real
// `uptake serve` answers GET /v1/metrics; we print the median of three timed requests after one
// warm-up, and the collector process's peak resident memory (VmHWM).
// BENCH_SIZES=1000000,10000000 and BENCH_PG_SIZES=1000000 override the sizes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@uptake/collector';
import { generateSql } from './synthetic-events.mjs';
import pg from 'pg';

const bin = fileURLToPath(new URL('../packages/collector/bin/uptake.js', import.meta.url));
const sizes = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const pgSizes = (process.env.BENCH_PG_SIZES ?? '1000000').split(',').map(Number).filter(Boolean);
const databaseUrl = process.env.UPTAKE_BENCH_DATABASE_URL ?? 'postgres://uptake:uptake@127.0.0.1:5432/uptake_test';
const asOf = '2026-11-01';
const dir = mkdtempSync(join(tmpdir(), 'uptake-metrics-bench-'));
const configFile = join(dir, 'uptake.config.json');
writeFileSync(
  configFile,
  JSON.stringify({
    tools: [{ id: 'assistant', writeKey: 'wk', identity: 'unverified', origins: ['*'] }],
    adminToken: 'bench-admin-token-0123456789',
    usageEvents: ['task.completed'],
    prompts: [
      {
        id: 'critique-tip',
        trigger: { event: 'ai.output_rejected', count: 2, withinDays: 1 },
        content: { title: 'Critique first' },
        goal: { event: 'ai.feature_used', props: { feature: 'critique' }, withinDays: 7 },
      },
    ],
  }),
);

function start(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--config', configFile, ...args], {
      env: { ...process.env, UPTAKE_LOG_LEVEL: 'warn' },
    });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1], child });
    });
    child.stderr.on('data', (c) => (out += c));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

const peakRssMb = (pid) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function measure(label, storeArgs, n) {
  const { url, child } = await start(storeArgs);
  const get = async () => {
    const t = performance.now();
    const res = await fetch(`${url}/v1/metrics?asOf=${asOf}`, { headers: { Authorization: 'Bearer bench-admin-token-0123456789' } });
    const body = await res.json();
    if (!res.ok) throw new Error(JSON.stringify(body));
    return { ms: performance.now() - t, body };
  };
  const warm = await get();
  const times = [];
  for (let k = 0; k < 3; k++) times.push((await get()).ms);
  times.sort((a, b) => a - b);
  const row = {
    store: label,
    events: n.toLocaleString('en-US'),
    'metrics s (median of 3)': (times[1] / 1000).toFixed(2),
    'first request s': (warm.ms / 1000).toFixed(2),
    'peak RSS MB': peakRssMb(child.pid).toFixed(0),
    trained: warm.body.adoption.trained,
    cohorts: warm.body.cohorts.length,
  };
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return row;
}

const rows = [];
for (const n of sizes) {
  const db = join(dir, `bench-${n}.duckdb`);
  const store = await openStore({ db });
  const t = performance.now();
  await store.query(generateSql(n, 'duckdb'));
  await store.query('CHECKPOINT');
  const loadS = ((performance.now() - t) / 1000).toFixed(1);
  await store.close();
  rows.push({ ...(await measure('DuckDB', ['--db', db], n)), 'load s': loadS });
  rmSync(db, { force: true });
}
for (const n of pgSizes) {
  const admin = new pg.Client({ connectionString: databaseUrl });
  try {
    await admin.connect();
    await admin.query('DROP SCHEMA IF EXISTS metrics_bench CASCADE; CREATE SCHEMA metrics_bench');
  } catch (error) {
    console.log(`(PostgreSQL not reachable at ${databaseUrl}: skipped — ${error.message})`);
    break;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = `${databaseUrl}?options=${encodeURIComponent('-c search_path=metrics_bench')}`;
  await (await openStore({ databaseUrl: url })).close(); // creates the schema
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t = performance.now();
  await client.query(generateSql(n, 'postgres'));
  await client.query('ANALYZE events');
  const loadS = ((performance.now() - t) / 1000).toFixed(1);
  await client.end();
  rows.push({ ...(await measure('PostgreSQL', ['--database-url', url], n)), 'load s': loadS });
}
console.table(rows);
console.log('aim: under 1 s at 10M events on DuckDB on this machine');
rmSync(dir, { recursive: true, force: true });
