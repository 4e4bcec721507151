import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';

/** A page server on an origin of its own, serving a page with the uptake.js script tag. */
export interface SdkTestPage {
  /** The page server's origin, to put in the tool's allowed origins. */
  origin: string;
  /** URL of a page with the script tag; `flushInterval` sets `data-flush-interval`. */
  url(options?: { flushInterval?: number }): string;
  close(): Promise<void>;
}

/**
 * Starts the page server. `collectorUrl` is read at each page load: the origin the script tag
 * loads `uptake.js` from and sends to (a proxy in front of the collector, usually).
 */
export async function startSdkTestPage(collectorUrl: () => string): Promise<SdkTestPage> {
  const pages = Fastify();
  pages.get('/', async (request, reply) => {
    const interval = (request.query as { flushInterval?: string }).flushInterval;
    const base = collectorUrl();
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><html><head><title>SDK test page</title>
<script async src="${base}/uptake.js" data-collector="${base}" data-write-key="wk_assistant" data-tool="assistant"${interval ? ` data-flush-interval="${interval}"` : ''}></script>
<script>window.uptake = window.uptake || [];</script></head><body><p>Uptake SDK test page</p></body></html>`);
  });
  await pages.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(pages.server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (o = {}) => `${origin}/${o.flushInterval ? `?flushInterval=${o.flushInterval}` : ''}`,
    close: () => pages.close(),
  };
}
