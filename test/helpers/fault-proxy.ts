import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One `POST /v1/batch` as the proxy saw it. */
export interface ProxiedBatch {
  /** `no-cors` for a `sendBeacon` with a text/plain body, `cors` for the SDK's `fetch`. */
  fetchMode: string | undefined;
  contentType: string | undefined;
  ids: string[];
  names: string[];
  /** What the browser got: the collector's status, the proxy's injected one, or 0 when the connection was cut. */
  status: number;
  /** On a collector's 200, the events it refused, by index, with its words. */
  rejected?: { index: number; error: string }[];
  /** The `Retry-After` header of the answer, when it had one. */
  retryAfter?: string | undefined;
}

/** What the proxy does with batches: pass them on, or answer 503 itself. */
export type ProxyMode = 'pass' | 'fail';

/** A recording, fault-injecting HTTP proxy in front of a collector. */
export interface FaultProxy {
  url: string;
  /** The collector's base URL; change it when the collector restarts on another port. */
  target: string;
  /** Every batch the browser sent, in order. */
  batches: ProxiedBatch[];
  mode: ProxyMode;
  /** Milliseconds the proxy holds each batch before passing it on, to make concurrent sends overlap. */
  delayMs: number;
  /** Ids of the events in batches the collector answered 200: what the browser was told is stored. */
  acknowledged(prefix: string): Set<string>;
  close(): Promise<void>;
}

const cors = (headers: IncomingHttpHeaders) => ({ 'Access-Control-Allow-Origin': headers.origin ?? '*', Vary: 'Origin' });

/**
 * Starts the proxy. It forwards everything to `target`; for batches it records what the browser
 * sent and, in `fail` mode, answers 503 with Retry-After itself, as an overloaded collector would.
 * When the collector is gone (refused, or killed mid-request) the proxy cuts the browser's
 * connection without an answer, so the browser sees what it would see without a proxy: a network error.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const proxy: FaultProxy = {
    url: '',
    target,
    batches: [],
    mode: 'pass',
    delayMs: 0,
    acknowledged(prefix) {
      const ids = new Set<string>();
      for (const b of this.batches)
        if (b.status === 200) for (const [i, id] of b.ids.entries()) if (b.names[i]?.startsWith(prefix)) ids.add(id);
      return ids;
    },
    async close() {
      await new Promise((r) => server.close(r));
      server.closeAllConnections();
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      let batch: ProxiedBatch | undefined;
      if (req.method === 'POST' && req.url === '/v1/batch') {
        const events = (JSON.parse(body.toString('utf8')) as { events: { id: string; name: string }[] }).events;
        batch = {
          fetchMode: req.headers['sec-fetch-mode'] as string | undefined,
          contentType: req.headers['content-type'],
          ids: events.map((e) => e.id),
          names: events.map((e) => e.name),
          status: 0,
        };
        proxy.batches.push(batch);
        if (proxy.delayMs) await new Promise((r) => setTimeout(r, proxy.delayMs));
        if (proxy.mode === 'fail') {
          batch.status = 503;
          batch.retryAfter = '1';
          res
            .writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1', ...cors(req.headers) })
            .end('{"error":"storage unavailable (injected by the test proxy)"}');
          return;
        }
      }
      const to = new URL(proxy.target);
      const upstream = httpRequest(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } },
        (up) => {
          if (batch) {
            batch.status = up.statusCode ?? 0;
            batch.retryAfter = up.headers['retry-after'];
          }
          res.writeHead(up.statusCode ?? 502, up.headers);
          const answer: Buffer[] = [];
          up.on('data', (c: Buffer) => answer.push(c));
          up.on('end', () => {
            if (batch && up.statusCode === 200 && !up.headers['content-encoding']) {
              batch.rejected = (
                JSON.parse(Buffer.concat(answer).toString('utf8')) as { rejected: { index: number; error: string }[] }
              ).rejected;
            }
          });
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (batch) batch.status = 0;
        req.socket.destroy();
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
