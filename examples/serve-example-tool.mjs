// Serves the example AI tool on its own origin. The page's script tag points at the default
// collector (http://127.0.0.1:8787); when the collector runs elsewhere, the served page says so.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';

const root = fileURLToPath(new URL('./ai-assistant/', import.meta.url));
const defaultCollector = 'http://127.0.0.1:8787';

/**
 * Starts the example tool's web server.
 * @param {{ collectorUrl: string | (() => string), port?: number, host?: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveExampleTool({ collectorUrl, port = 8788, host = '127.0.0.1' }) {
  const app = Fastify();
  const collector = () => (typeof collectorUrl === 'function' ? collectorUrl() : collectorUrl);
  // A strict Content-Security-Policy, as many internal tools have: the SDK and its widgets need
  // nothing but the collector's origin for scripts and requests (no inline script or style, no eval).
  const csp = () =>
    [
      `default-src 'self'`,
      `script-src 'self' ${collector()}`,
      `style-src 'self'`,
      `connect-src ${collector()}`,
      `img-src 'self'`,
      `base-uri 'none'`,
      `form-action 'self'`,
      `frame-ancestors 'none'`,
    ].join('; ');
  const page =
    (file, replace = false) =>
    async (_request, reply) => {
      const html = await readFile(`${root}${file}`, 'utf8');
      return reply
        .type('text/html; charset=utf-8')
        .header('Content-Security-Policy', csp())
        .send(replace ? html.replaceAll(defaultCollector, collector()) : html);
    };
  app.get('/', page('index.html', true));
  app.get('/index.html', page('index.html', true));
  // Where the critique tip's "Show me" leads (examples/uptake.config.json).
  app.get('/guides/critique', page('guides/critique.html'));
  await app.register(fastifyStatic, { root, index: false });
  await app.listen({ port, host });
  const address = app.server.address();
  return { url: `http://${host}:${typeof address === 'object' && address ? address.port : port}`, close: () => app.close() };
}
