import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRow } from '../../packages/collector/src/export/export-row.js';
import { duckdbTarget, postgresTarget, type StoreTarget } from '../../packages/collector/test/helpers/store-targets.js';
import { startCollectorProcess, type CollectorProcess } from '../helpers/collector-process.js';
import { fuzzCases, fuzzTool, fuzzWriteKey, type FuzzCase, type WireEvent } from '../helpers/hostile-requests.js';
import { sendRaw, type RawResponse } from '../helpers/raw-http.js';
import { figure, scale } from '../helpers/reliability-scale.js';

// A fuzz run against `uptake serve` (DuckDB file, then PostgreSQL; child process): hostile requests to the public
// endpoints from a seeded generator, valid batches in between. Deterministic by seed
// (UPTAKE_FUZZ_SEED); the seed is printed so a failure can be replayed.

/** Malformed requests to send (valid batches go in between, on top). */
const malformed = Number(process.env['UPTAKE_FUZZ_REQUESTS'] ?? scale(10_000, 100_000));
const seed = Number(process.env['UPTAKE_FUZZ_SEED'] ?? 20261122);
const concurrency = 16;
const bodyLimit = 1024 * 1024;
/**
 * The collector's resident memory must stay under this whatever it is sent. It grows with the
 * events stored (DuckDB caches the pages it writes; 100,000 requests store about 130,000 events)
 * and with V8's lazily collected garbage after 1 MiB bodies; it must not grow with the requests.
 */
const rssBudget = 1024 * 1024 * 1024;

/** What is wrong with the answer to `c`, or undefined when it is what the collector must answer. */
function problem(c: FuzzCase, res: RawResponse): string | undefined {
  if (res.status >= 500) return `answered ${res.status}: ${res.body.slice(0, 200)}`;
  if (c.expect === 'transport') return undefined;
  // A body over the limit is answered 413 before it is read to the end; when the connection then
  // closes with bytes still unread, TCP may reset it before the answer is read (Node has no
  // lingering close). That is the transport's doing, not a missing answer.
  if (res.status === 0) return (c.request.body?.length ?? 0) > bodyLimit ? undefined : 'no answer';
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(res.body) as Record<string, unknown>;
  } catch {
    return res.status === 431 ? undefined : `answered ${res.status} with a body that is not JSON: ${res.body.slice(0, 100)}`;
  }
  if (res.status >= 400 && typeof body['error'] !== 'string') return `answered ${res.status} without {"error": "…"}`;
  const isBatch = c.request.method === 'POST' && c.request.path === '/v1/batch';
  if (c.expect === 'valid') {
    if (res.status !== 200 || body['accepted'] !== c.stored.length) return `a valid batch answered ${res.status} ${res.body.slice(0, 300)}`;
  } else if (isBatch && res.status === 200 && body['accepted'] !== 0) {
    return `accepted ${String(body['accepted'])} events of a hostile batch`;
  }
  return undefined;
}

/** Props in one key order: PostgreSQL's jsonb keeps its own. */
const canonical = (props: Record<string, unknown>) =>
  JSON.stringify(Object.fromEntries(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : 1))));

// PostgreSQL gets a fifth as many: it is the same HTTP code in front of another store, there for
// what only PostgreSQL refuses (NUL characters, the year 0).
describe.each([
  { kind: 'duckdb', target: duckdbTarget, requests: malformed },
  { kind: 'postgres', target: postgresTarget, requests: malformed / 5 },
])('hostile input to the public endpoints, uptake serve on $kind in a child process', ({ kind, target: makeTarget, requests }) => {
  let dir: string;
  let target: StoreTarget;
  let collector: CollectorProcess;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'uptake-fuzz-'));
    target = await makeTarget();
    collector = await startCollectorProcess(
      dir,
      {
        // Malformed input is the subject here: user ids go unproven, times go back 30 days, 50 people
        // send all the valid events, and one address sends every request.
        tools: [{ id: fuzzTool, writeKey: fuzzWriteKey, identity: 'unverified', origins: ['https://tool.corp.example'] }],
        pseudonymize: false,
        maxEventAgeDays: 31,
        maxEventsPerPersonPerDay: 100_000_000,
        rateLimit: { perMinute: 100_000_000, configPerMinute: 100_000_000, authFailuresPerMinute: 100_000_000 },
      },
      target.location,
    );
  });
  afterAll(async () => {
    await collector?.stop('SIGTERM');
    await target?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    `${requests.toLocaleString('en-US')} malformed requests (seed ${seed}) and valid batches between them: no 5xx, no crash, memory bounded, every valid event stored and nothing else`,
    async () => {
      const next = fuzzCases(seed);
      const expected = new Map<string, WireEvent>();
      const byKind = new Map<string, number>();
      const statuses = new Map<number, number>();
      const problems: string[] = [];
      let sent = 0;
      let all = 0;
      let peakRss = collector.rssBytes();
      /** RSS after each quarter of the malformed requests: growth that stops is bounded, growth that keeps pace with requests is a leak. */
      const rssAt: number[] = [];
      const startRss = peakRss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, collector.rssBytes())), 100);
      const started = Date.now();
      try {
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (sent < requests) {
              const c = next();
              all++;
              if (c.expect !== 'valid' && ++sent % (requests / 4) === 0) rssAt.push(collector.rssBytes());
              for (const e of c.stored) expected.set(e.id, e);
              byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
              const res = await sendRaw(collector.url, c.request);
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
              const wrong = problem(c, res);
              if (wrong && problems.length < 20) problems.push(`${c.kind}: ${wrong}`);
            }
          }),
        );
      } finally {
        clearInterval(sampler);
      }
      const seconds = (Date.now() - started) / 1000;

      // Figures first: a long run that fails still says how far it got.
      figure(
        `fuzz on ${kind} (seed ${seed}): malformed requests / all requests`,
        `${sent.toLocaleString('en-US')} / ${all.toLocaleString('en-US')}`,
      );
      figure(`fuzz on ${kind}: seconds`, seconds.toFixed(1));
      figure(
        `fuzz on ${kind}: requests per kind`,
        [...byKind]
          .sort()
          .map(([k, n]) => `${k} ${n}`)
          .join('; '),
      );
      figure(
        `fuzz on ${kind}: answers by status (0 = connection closed without an answer)`,
        [...statuses]
          .sort((a, b) => a[0] - b[0])
          .map(([s, n]) => `${s}×${n}`)
          .join(' '),
      );
      figure(`fuzz on ${kind}: valid events sent in between`, expected.size);
      const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
      figure(`fuzz on ${kind}: collector RSS at start / peak, MiB`, `${mib(startRss)} / ${mib(peakRss)}`);
      figure(`fuzz on ${kind}: collector RSS after each quarter of the requests, MiB`, rssAt.map(mib).join(' / '));

      expect(problems).toEqual([]);
      expect(collector.running).toBe(true);
      expect(() => process.kill(collector.pid, 0)).not.toThrow();
      expect((await fetch(`${collector.url}/healthz`)).status).toBe(200);
      expect(peakRss).toBeLessThan(rssBudget);
      // No leak: the last quarter of the requests adds less memory than the first (which includes warming up).
      const [q1 = 0, , q3 = 0, q4 = 0] = rssAt;
      expect(q4 - q3).toBeLessThan(q1 - startRss);

      // The store holds exactly the valid events sent, as sent.
      const stored = await collector.stored();
      const byId = new Map<string, ExportRow>(stored.map((e) => [e.id, e]));
      expect(stored.filter((e) => !expected.has(e.id)).map((e) => e.id)).toEqual([]);
      expect([...expected.keys()].filter((id) => !byId.has(id))).toEqual([]);
      const differing = [...expected.values()].filter((e) => {
        const s = byId.get(e.id);
        return (
          !s ||
          s.name !== e.name ||
          s.userId !== e.userId ||
          s.tool !== e.tool ||
          canonical(s.props) !== canonical(e.storedProps ?? e.props)
        );
      });
      expect(differing.map((e) => e.id)).toEqual([]);
      expect(stored.length).toBe(expected.size);
      figure(`fuzz on ${kind}: events in the store afterwards, exactly the valid events sent`, stored.length);
    },
    scale(180_000, 1_800_000),
  );
});
