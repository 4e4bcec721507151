import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { parseConfig } from '../../packages/collector/src/config/load-config.js';
import { startCollector, type Collector } from '../../packages/collector/src/start-collector.js';
import type { StoredEvent } from '../../packages/collector/src/storage/store.js';

/** One `POST /v1/batch` as the proxy saw it. */
export interface ProxiedBatch {
  /** `no-cors` for a `sendBeacon` with a text/plain body, `cors` for the SDK's `fetch`. */
  fetchMode: string | undefined;
  contentType: string | undefined;
  ids: string[];
  names: string[];
  /** What the browser got: the collector's status, or the proxy's injected one. */
  status: number;
}

/** What the proxy in front of the collector does with batches: pass them on, or answer 503 itself. */
export type ProxyMode = 'pass' | 'fail';

/** A real collector, a fault-injecting proxy in front of it, and a page server on another origin. */
export interface SdkTestSite {
  collector: Collector;
  /** The origin the page's script tag talks to (the proxy). */
  proxyUrl: string;
  /** URL of a page with the script tag; `flushInterval` sets `data-flush-interval`. */
  pageUrl(options?: { flushInterval?: number }): string;
  /** Every batch the browser sent, in order. */
  batches: ProxiedBatch[];
  mode: ProxyMode;
  /** Milliseconds the proxy holds each batch before passing it on, to make concurrent sends overlap. */
  delayMs: number;
  /** Stored events whose name starts with `prefix`, once `count` of them are stored (or the timeout passes). */
  waitForStored(prefix: string, count: number, timeoutMs?: number): Promise<StoredEvent[]>;
  /** Waits until `condition` holds, polling. */
  waitFor(condition: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const cors = (headers: IncomingHttpHeaders) => ({ 'Access-Control-Allow-Origin': headers.origin ?? '*', Vary: 'Origin' });

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Starts the three servers. The page's origin is in the tool's allowed origins; the proxy's is not needed. */
export async function startSdkTestSite(): Promise<SdkTestSite> {
  const dir = await mkdtemp(join(tmpdir(), 'uptake-sdk-e2e-'));
  const pages = Fastify();
  let proxyUrl = '';
  pages.get('/', async (request, reply) => {
    const interval = (request.query as { flushInterval?: string }).flushInterval;
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><html><head><title>SDK test page</title>
<script async src="${proxyUrl}/uptake.js" data-collector="${proxyUrl}" data-write-key="wk_assistant" data-tool="assistant"${interval ? ` data-flush-interval="${interval}"` : ''}></script>
<script>window.uptake = window.uptake || [];</script></head><body><p>Uptake SDK test page</p></body></html>`);
  });
  await pages.listen({ port: 0, host: '127.0.0.1' });
  const pageOrigin = `http://127.0.0.1:${(pages.server.address() as AddressInfo).port}`;

  const config = parseConfig({ tools: [{ id: 'assistant', writeKey: 'wk_assistant', origins: [pageOrigin] }], adminToken: 'e2e-admin-token-0123456789' });
  const collector = await startCollector({ config, db: join(dir, 'uptake.duckdb'), port: 0 });
  const target = new URL(collector.url);

  const site: SdkTestSite = {
    collector,
    proxyUrl: '',
    batches: [],
    mode: 'pass',
    delayMs: 0,
    pageUrl: (o = {}) => `${pageOrigin}/${o.flushInterval ? `?flushInterval=${o.flushInterval}` : ''}`,
    async waitForStored(prefix, count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const events = (await collector.store.events()).filter((e) => e.name.startsWith(prefix));
        if (events.length >= count || Date.now() > deadline) return events;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async waitFor(condition, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error('condition not met in time');
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await new Promise((r) => proxy.close(r));
      proxy.closeAllConnections();
      await pages.close();
      await collector.close();
      await rm(dir, { recursive: true, force: true });
    },
  };

  // The proxy forwards everything to the real collector; for batches it records what the browser
  // sent and, in `fail` mode, answers 503 with Retry-After itself, as an overloaded collector would.
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const isBatch = req.method === 'POST' && req.url === '/v1/batch';
      let batch: ProxiedBatch | undefined;
      if (isBatch) {
        const events = (JSON.parse(body.toString('utf8')) as { events: { id: string; name: string }[] }).events;
        batch = { fetchMode: req.headers['sec-fetch-mode'] as string | undefined, contentType: req.headers['content-type'], ids: events.map((e) => e.id), names: events.map((e) => e.name), status: 0 };
        site.batches.push(batch);
        if (site.delayMs) await new Promise((r) => setTimeout(r, site.delayMs));
        if (site.mode === 'fail') {
          batch.status = 503;
          res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1', ...cors(req.headers) }).end('{"error":"storage unavailable (injected by the test proxy)"}');
          return;
        }
      }
      const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (up) => {
        if (batch) batch.status = up.statusCode ?? 0;
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  proxyUrl = await listen(proxy);
  site.proxyUrl = proxyUrl;
  return site;
}
