import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processAdminToken, startCollectorProcess, type CollectorProcess } from '../helpers/collector-process.js';
import { figure, scale } from '../helpers/reliability-scale.js';

// A bounded load on loopback: a fixed request rate (not as fast as possible), batches of 10 events
// with ids never sent before, against `uptake serve` on a DuckDB file in a child process. Latency
// and errors are printed; the test asserts what must hold at any speed: no errors, and the store
// holds exactly what was acknowledged.

const rate = Number(process.env['UPTAKE_LOAD_RATE'] ?? scale(200, 1_000));
const seconds = Number(process.env['UPTAKE_LOAD_SECONDS'] ?? scale(5, 60));
const eventsPerBatch = 10;

let dir: string;
let collector: CollectorProcess;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uptake-load-'));
  collector = await startCollectorProcess(
    dir,
    { tools: [{ id: 'assistant', writeKey: 'wk_load', identity: 'unverified', origins: ['*'] }], rateLimit: { perMinute: 100_000_000 } },
    { db: join(dir, 'uptake.duckdb') },
  );
});
afterAll(async () => {
  await collector?.stop('SIGTERM');
  await rm(dir, { recursive: true, force: true });
});

describe('steady load on loopback, uptake serve on DuckDB', () => {
  it(
    `${rate.toLocaleString('en-US')} requests/s for ${seconds} s, batches of ${eventsPerBatch}: no errors, stored = acknowledged`,
    async () => {
      const prefix = `load${Date.now().toString(36)}`;
      let seq = 0;
      let acknowledged = 0;
      let duplicates = 0;
      let answered200 = 0;
      let answeredOther = 0;
      const body = () => {
        const batch = seq++;
        const now = new Date().toISOString();
        return JSON.stringify({
          writeKey: 'wk_load',
          sentAt: now,
          events: Array.from({ length: eventsPerBatch }, (_, i) => ({
            id: `${prefix}-${batch}-${i}`,
            name: i % 2 ? 'ai.output_accepted' : 'ai.request',
            ts: now,
            userId: `u-${batch % 500}`,
            sessionId: `s-${batch % 500}`,
            tool: 'assistant',
            props: { feature: 'summarize', outputId: `o-${batch}-${i}` },
          })),
        });
      };
      let peakRss = collector.rssBytes();
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, collector.rssBytes())), 250);
      let result: autocannon.Result;
      try {
        result = await autocannon({
          url: `${collector.url}/v1/batch`,
          // Enough connections that the rate never waits for a free one: each request waits for its
          // group's commit, so answers take tens of milliseconds while the rate is kept.
          connections: 128,
          overallRate: rate,
          // A number of requests, not a duration: autocannon then waits for every answer, so each
          // request sent is counted as answered (a duration cuts off the answers still in flight).
          amount: rate * seconds,
          requests: [
            {
              method: 'POST',
              headers: { 'content-type': 'text/plain;charset=UTF-8' },
              setupRequest: (req) => ({ ...req, body: body() }),
              onResponse: (status, responseBody) => {
                if (status !== 200) return void answeredOther++;
                answered200++;
                const answer = JSON.parse(responseBody) as { accepted: number; duplicates: number };
                acknowledged += answer.accepted;
                duplicates += answer.duplicates;
              },
            },
          ],
        });
      } finally {
        clearInterval(sampler);
      }

      const stats = (await (
        await fetch(`${collector.url}/v1/stats`, { headers: { Authorization: `Bearer ${processAdminToken}` } })
      ).json()) as { events: number };
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result.non2xx).toBe(0);
      expect(answeredOther).toBe(0);
      expect(answered200).toBe(rate * seconds);
      expect(seq).toBe(rate * seconds);
      expect(duplicates).toBe(0);
      expect(acknowledged).toBe(answered200 * eventsPerBatch);
      expect(stats.events).toBe(acknowledged);

      figure(`load ${rate}/s × ${seconds} s: requests answered 200`, answered200);
      figure(`load ${rate}/s × ${seconds} s: achieved requests/s`, (answered200 / result.duration).toFixed(0));
      figure(
        `load ${rate}/s × ${seconds} s: latency p50 / p90 / p99 / max, ms`,
        `${result.latency.p50} / ${result.latency.p90} / ${result.latency.p99} / ${result.latency.max}`,
      );
      figure(`load ${rate}/s × ${seconds} s: errors / timeouts / non-2xx`, `${result.errors} / ${result.timeouts} / ${result.non2xx}`);
      figure(`load ${rate}/s × ${seconds} s: events acknowledged = events stored`, stats.events);
      figure(`load ${rate}/s × ${seconds} s: collector peak RSS, MiB`, (peakRss / 2 ** 20).toFixed(0));
    },
    (3 * seconds + 60) * 1000,
  );
});
