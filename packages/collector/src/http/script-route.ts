import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.js';

/**
 * The SDK's script-tag builds: `uptake.js`, which every page loads, and what it loads next to it
 * only when a page needs it (`uptake-prompts.js`: the rules; `uptake-widgets.js`: the widgets and Lit;
 * `uptake-vitals.js`; `uptake-explain.js`, the words of `uptake.explain()`).
 */
export const scriptFiles = ['uptake.js', 'uptake-prompts.js', 'uptake-widgets.js', 'uptake-vitals.js', 'uptake-explain.js'] as const;

/** Serves the SDK's script-tag builds from the collector, so a tool team needs nothing but the collector's URL. */
export function registerScriptRoute(app: FastifyInstance): void {
  const require = createRequire(import.meta.url);
  for (const file of scriptFiles) {
    const path = require.resolve(`@uptake/sdk/${file}`);
    let script: Promise<Buffer> | undefined;
    app.get(`/${file}`, async (_request, reply) => {
      script ??= readFile(path);
      const body = await script.catch(() => {
        script = undefined;
        throw new HttpError(404, `${file} is not built: run npm run build`);
      });
      return reply
        .header('Content-Type', 'text/javascript; charset=utf-8')
        .header('Cache-Control', 'public, max-age=300')
        .header('Cross-Origin-Resource-Policy', 'cross-origin')
        .send(body);
    });
  }
}
