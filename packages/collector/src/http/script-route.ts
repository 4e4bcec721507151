import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.js';

/** Serves the SDK's script-tag build at `/uptake.js`, so a tool team needs nothing but the collector's URL. */
export function registerScriptRoute(app: FastifyInstance): void {
  const path = createRequire(import.meta.url).resolve('@uptake/sdk/uptake.js');
  let script: Promise<Buffer> | undefined;
  app.get('/uptake.js', async (_request, reply) => {
    script ??= readFile(path);
    const body = await script.catch(() => {
      script = undefined;
      throw new HttpError(404, 'uptake.js is not built: run npm run build');
    });
    return reply
      .header('Content-Type', 'text/javascript; charset=utf-8')
      .header('Cache-Control', 'public, max-age=300')
      .header('Cross-Origin-Resource-Policy', 'cross-origin')
      .send(body);
  });
}
