import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.js';

/** The built dashboard's files (rollup writes them to `dist/dashboard`), and their content types. */
export const dashboardFiles: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'dashboard.js': 'text/javascript; charset=utf-8',
  'dashboard.js.map': 'application/json; charset=utf-8',
  // The studio's chunk, which dashboard.js imports on demand.
  'studio-panel.js': 'text/javascript; charset=utf-8',
  'studio-panel.js.map': 'application/json; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
  'uPlot.min.css': 'text/css; charset=utf-8',
};

/**
 * The dashboard's Content-Security-Policy: scripts and styles from the collector only (no inline
 * script, no inline style attribute: Lit and uPlot set styles through the CSSOM, which the policy
 * allows), data from the collector only, never framed.
 */
export const dashboardCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the dashboard at `/dashboard/` (`/dashboard` redirects there, so its files load by
 * relative URLs, behind a path prefix too). The page and its code hold no data and are public; every
 * figure comes from the admin endpoints, with the token the page asks for. The source map is served
 * only when `sourceMap` asks for it: it is for a developer, and shows the whole source to anyone.
 */
export function registerDashboardRoute(app: FastifyInstance, sourceMap = false): void {
  const dir = join(dirname(createRequire(import.meta.url).resolve('@uptake/collector/package.json')), 'dist', 'dashboard');
  const cache = new Map<string, Promise<Buffer>>();
  const send = async (file: string) => {
    let body = cache.get(file);
    if (!body) cache.set(file, (body = readFile(join(dir, file))));
    return body.catch(() => {
      cache.delete(file);
      throw new HttpError(404, `dashboard/${file} is not built: run npm run build`);
    });
  };
  const headers = {
    'Content-Security-Policy': dashboardCsp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Small files: revalidated at each load, so an upgraded collector serves its own dashboard at once.
    'Cache-Control': 'no-cache',
  };

  app.get('/dashboard', async (_request, reply) => reply.redirect('/dashboard/', 301));
  app.get('/dashboard/*', async (request, reply) => {
    const file = (request.params as { '*'?: string })['*'] || 'index.html';
    const served = Object.hasOwn(dashboardFiles, file) && (sourceMap || !file.endsWith('.map'));
    const type = served ? dashboardFiles[file] : undefined;
    if (!type) throw new HttpError(404, `no dashboard file "${file.slice(0, 64)}"; the dashboard is at /dashboard/`);
    return reply
      .headers(headers)
      .header('Content-Type', type)
      .send(await send(file));
  });
}
