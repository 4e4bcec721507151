// GET /v1/metrics over large synthetic stores: 1M and 10M events on DuckDB and PostgreSQL (n/250
// people each), and 10M events of the 1M store's people on DuckDB, so the 10M/1M ratio at equal
// people says whether the cost follows events. Events are generated inside the database (INSERT …
// SELECT over a number series, in slices of 5M), the metric rollups built by the store's rebuild
// (`Store.rebuildRollups`, as a bulk load would), then a real `uptake serve` answers GET
// /v1/metrics; we print the median of three timed requests after one warm-up, a /v1/config lookup
// made while a metrics request runs, and the collector process's peak resident memory (VmHWM).
// BENCH_SIZES, BENCH_PG_SIZES and BENCH_EQUAL_PEOPLE (sizes at the 1M store's people; PostgreSQL
// too with BENCH_PG_EQUAL_PEOPLE) override the runs; BENCH_100M=1 adds 100M events on DuckDB
// (about 15 GB of disk and an hour to load on 2 cores); BENCH_PG_KEEP=1 keeps PostgreSQL's stores,
// BENCH_DUCKDB_KEEP=DIR DuckDB's (in DIR).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@uptake/collector';
import { generateSql } from './synthetic-events.mjs';
import pg from 'pg';

const bin = fileURLToPath(new URL('../packages/collector/bin/uptake.js', import.meta.url));
const list = (value) => value.split(',').map(Number).filter(Boolean);
const sizes = list(process.env.BENCH_SIZES ?? '1000000,10000000');
if (process.env.BENCH_100M === '1') sizes.push(100_000_000);
const pgSizes = list(process.env.BENCH_PG_SIZES ?? '1000000,10000000');
// The people of a 1M-event store (n/250), at more events: cost that follows people stays put.
const equalPeople = 4000;
const equalSizes = list(process.env.BENCH_EQUAL_PEOPLE ?? '10000000');
const pgEqualSizes = list(process.env.BENCH_PG_EQUAL_PEOPLE ?? '');
const slice = 5_000_000;
/** Loads n events in slices (one statement each), so a big load is not one huge transaction. */
async function load(run, n, dialect, people) {
  for (let from = 0; from < n; from += slice) await run(generateSql(Math.min(n, from + slice), dialect, people, from));
}
const databaseUrl = process.env.UPTAKE_BENCH_DATABASE_URL ?? 'postgres://uptake:uptake@127.0.0.1:5432/uptake_test';
const asOf = '2026-11-01';
const dir = mkdtempSync(join(tmpdir(), 'uptake-metrics-bench-'));
const configFile = join(dir, 'uptake.config.json');
const usageEvents = ['task.completed'];
writeFileSync(
  configFile,
  JSON.stringify({
    tools: [{ id: 'assistant', writeKey: 'wk', identity: 'unverified', origins: ['*'] }],
    adminToken: 'bench-admin-token-0123456789',
    usageEvents,
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

async function measure(label, storeArgs, n, people) {
  const { url, child } = await start(storeArgs);
  const get = async () => {
    const t = performance.now();
    const res = await fetch(`${url}/v1/metrics?asOf=${asOf}`, { headers: { Authorization: 'Bearer bench-admin-token-0123456789' } });
    const body = await res.json();
    if (!res.ok) throw new Error(JSON.stringify(body));
    return { ms: performance.now() - t, body };
  };
  const lookup = async () => {
    const t = performance.now();
    const res = await fetch(`${url}/v1/config?tool=assistant&writeKey=wk&userId=u1`);
    if (!res.ok) throw new Error(await res.text());
    await res.arrayBuffer();
    return performance.now() - t;
  };
  const warm = await get();
  const times = [];
  for (let k = 0; k < 3; k++) times.push((await get()).ms);
  times.sort((a, b) => a - b);
  // A person's config while a metrics request runs: started 50 ms into it.
  const during = get();
  await new Promise((r) => setTimeout(r, 50));
  const lookupMs = await lookup();
  const metricsMs = (await during).ms;
  const row = {
    store: label,
    events: n.toLocaleString('en-US'),
    people: people.toLocaleString('en-US'),
    'metrics s (median of 3)': (times[1] / 1000).toFixed(2),
    'first request s': (warm.ms / 1000).toFixed(2),
    'config lookup ms (during metrics)': `${lookupMs.toFixed(0)} (${(metricsMs / 1000).toFixed(2)} s)`,
    'peak RSS MB': peakRssMb(child.pid).toFixed(0),
    // The machine's load while measuring (1-minute average, as uptime prints it): a shared machine's figures need it.
    'load (1 min)': loadavg()[0].toFixed(2),
    trained: warm.body.adoption.trained,
    cohorts: warm.body.cohorts.length,
  };
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return row;
}

const rows = [];
const duckRuns = [...sizes.map((n) => [n, Math.floor(n / 250)]), ...equalSizes.map((n) => [n, equalPeople])];
// BENCH_DUCKDB_KEEP=DIR keeps each DuckDB store in DIR (bench-<events>-<people>.duckdb) and measures
// a kept one again without loading it (100M events take most of an hour to load on 2 cores).
const duckKeep = process.env.BENCH_DUCKDB_KEEP;
if (duckKeep) mkdirSync(duckKeep, { recursive: true });
for (const [n, people] of duckRuns) {
  const db = join(duckKeep ?? dir, `bench-${n}-${people}.duckdb`);
  let loadS = 'kept';
  if (!(duckKeep && existsSync(`${db}.loaded`))) {
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
    const store = await openStore({ db });
    const t = performance.now();
    // The config's usage events first: a collector started on another set rebuilds the usage rollups at start.
    await store.syncUsageEvents(usageEvents);
    await load((sql) => store.query(sql), n, 'duckdb', people);
    await store.rebuildRollups();
    await store.query('CHECKPOINT');
    loadS = ((performance.now() - t) / 1000).toFixed(1);
    await store.close();
    // Marked when whole, so an interrupted load is never measured as kept.
    writeFileSync(`${db}.loaded`, loadS);
  }
  rows.push({ ...(await measure('DuckDB', ['--db', db], n, people)), 'load s': loadS });
  console.log(rows.at(-1));
  if (!duckKeep) rmSync(db, { force: true });
}
const pgRuns = [...pgSizes.map((n) => [n, Math.floor(n / 250)]), ...pgEqualSizes.map((n) => [n, equalPeople])];
// BENCH_PG_KEEP=1 keeps each PostgreSQL store (schema metrics_bench_<events>_<people>) and measures a
// kept one again without loading it (a 10M load takes a quarter of an hour on 2 cores); the
// collector migrates it to the current schema at start.
const keep = process.env.BENCH_PG_KEEP === '1';
for (const [n, people] of pgRuns) {
  const schema = `metrics_bench_${n}_${people}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  let kept = false;
  try {
    await admin.connect();
    if (keep) {
      const found = await admin.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'events'`, [
        schema,
      ]);
      kept = found.rowCount > 0 && Number((await admin.query(`SELECT COUNT(*) AS n FROM ${schema}.events`)).rows[0].n) === n;
    }
    if (!kept)
      await admin.query(
        `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_partitions CASCADE; CREATE SCHEMA ${schema}`,
      );
  } catch (error) {
    console.log(`(PostgreSQL not reachable at ${databaseUrl}: skipped — ${error.message})`);
    break;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = `${databaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  let loadS = 'kept';
  if (!kept) {
    const store = await openStore({ databaseUrl: url }); // creates the schema
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const t = performance.now();
    await store.syncUsageEvents(usageEvents);
    await load((sql) => client.query(sql), n, 'postgres', people);
    await store.rebuildRollups();
    await client.query('ANALYZE');
    loadS = ((performance.now() - t) / 1000).toFixed(1);
    await client.end();
    await store.close();
  }
  rows.push({ ...(await measure('PostgreSQL', ['--database-url', url], n, people)), 'load s': loadS });
  console.log(rows.at(-1));
  if (!keep) {
    const drop = new pg.Client({ connectionString: databaseUrl });
    await drop.connect();
    // The monthly partitions live in a schema of their own (storage/pg-partitions.ts).
    await drop.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_partitions CASCADE`);
    await drop.end();
  }
}
console.table(rows);
// Each figure against its aim (issue 16, item 2): "met", "not met", "no aim" or "not measured".
const at = (store, n, people) =>
  rows.find((r) => r.store === store && r.events === n.toLocaleString('en-US') && r.people === people.toLocaleString('en-US'));
const seconds = (row) => (row ? Number(row['metrics s (median of 3)']) : undefined);
const verdict = (value, aim) => (value === undefined ? 'not measured' : aim === undefined ? 'no aim' : aim(value) ? 'met' : 'not met');
const line = (label, value, unit, aimText, aim, row) =>
  console.log(
    `${label}: ${value === undefined ? '—' : `${value.toFixed(2)}${unit}`}${row ? ` (load ${row['load (1 min)']})` : ''} — aim ${aimText}: ${verdict(value, aim)}`,
  );
const under = (limit) => (v) => v < limit;
for (const [store, n, people, aimText, aim] of [
  ['DuckDB', 1_000_000, 4_000, 'none', undefined],
  ['DuckDB', 10_000_000, 40_000, '< 1 s', under(1)],
  ['DuckDB', 10_000_000, equalPeople, '< 1 s', under(1)],
  ['DuckDB', 100_000_000, 400_000, '< 3 s', under(3)],
  ['PostgreSQL', 1_000_000, 4_000, 'none', undefined],
  ['PostgreSQL', 10_000_000, 40_000, '< 2 s', under(2)],
]) {
  const row = at(store, n, people);
  line(`${store} ${n / 1e6}M events, ${people.toLocaleString('en-US')} people`, seconds(row), ' s', aimText, aim, row);
}
const small = seconds(at('DuckDB', 1_000_000, equalPeople));
const big = seconds(at('DuckDB', 10_000_000, equalPeople));
line(
  `DuckDB 10M/1M at ${equalPeople.toLocaleString('en-US')} people`,
  small && big ? big / small : undefined,
  '',
  '≤ 1.5',
  (v) => v <= 1.5,
);
const peak = rows.length ? Math.max(...rows.map((r) => Number(r['peak RSS MB']))) : undefined;
line('peak RSS of the collector, all runs', peak, ' MB', '< 1,024 MB', under(1024));
rmSync(dir, { recursive: true, force: true });
