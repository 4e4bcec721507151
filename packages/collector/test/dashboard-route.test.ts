import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { dashboardCsp, registerDashboardRoute } from '../src/http/dashboard-route.js';
import { useCollector } from './helpers/use-collector.js';

// The dashboard's code, gzipped: Lit, uPlot and the panels. Raise it on purpose, in the same commit.
const budget = 40_964;

describe('the dashboard files (built by npm run build into dist/dashboard)', () => {
  const c = useCollector();

  it('/dashboard redirects to /dashboard/, whose page loads everything from the collector, with no inline script or style', async () => {
    const redirect = await fetch(`${c.url}/dashboard`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/dashboard/');

    const res = await fetch(`${c.url}/dashboard/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(dashboardCsp);
    expect(dashboardCsp).toContain("script-src 'self'");
    expect(dashboardCsp).toContain("style-src 'self'");
    expect(dashboardCsp).not.toContain('unsafe');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await res.text();
    expect(page).toContain('<script type="module" src="dashboard.js"></script>');
    expect(page).toContain('<uptake-dashboard>');
    // Every script has a src; no style element or attribute.
    expect(page.match(/<script\b[^>]*>/g)?.every((tag) => /\bsrc="[^"]+"/.test(tag))).toBe(true);
    expect(page).not.toMatch(/<style\b|\sstyle=/);
    // The page is public and holds no data: no token, no figures.
    expect(page).not.toContain(c.config.adminToken);
  });

  it('serves its script and style sheets with their types and the same policy', async () => {
    for (const [file, type] of [
      ['dashboard.js', 'text/javascript; charset=utf-8'],
      ['dashboard.css', 'text/css; charset=utf-8'],
      ['uPlot.min.css', 'text/css; charset=utf-8'],
    ]) {
      const res = await fetch(`${c.url}/dashboard/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-security-policy')).toBe(dashboardCsp);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it(`dashboard.js is at most ${budget.toLocaleString('en-US')} bytes gzipped`, async () => {
    const code = Buffer.from(await (await fetch(`${c.url}/dashboard/dashboard.js`)).arrayBuffer());
    const bytes = gzipSync(code, { level: 9 }).length;
    console.log(`dashboard.js: ${code.length.toLocaleString('en-US')} bytes, ${bytes.toLocaleString('en-US')} gzipped`);
    expect(bytes).toBeLessThanOrEqual(budget);
  });

  it('anything else under /dashboard/ is a 404 naming the file, never a file from elsewhere', async () => {
    for (const path of ['nope.js', '%2e%2e%2fpackage.json', '..%2F..%2Fpackage.json', 'index.html%00.js']) {
      const res = await fetch(`${c.url}/dashboard/${path}`);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error).toMatch(/^no dashboard file ".*"; the dashboard is at \/dashboard\/$/);
    }
  });

  it('does not serve dashboard.js.map unless asked: it shows the whole source', async () => {
    const res = await fetch(`${c.url}/dashboard/dashboard.js.map`);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe('no dashboard file "dashboard.js.map"; the dashboard is at /dashboard/');
    const asked = Fastify();
    registerDashboardRoute(asked, true);
    const map = await asked.inject('/dashboard/dashboard.js.map');
    expect(map.statusCode).toBe(200);
    expect(map.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(map.body)).toMatchObject({ version: 3 });
    await asked.close();
  });

  it('GET /v1/tools lists the tool ids for the filter, with the admin token, and no write key', async () => {
    expect((await fetch(`${c.url}/v1/tools`)).status).toBe(401);
    const wrong = await fetch(`${c.url}/v1/tools`, { headers: { Authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'wrong admin token' });
    const res = await fetch(`${c.url}/v1/tools`, { headers: { Authorization: `Bearer ${c.config.adminToken}` } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ tools: ['assistant', 'open'] });
    expect(JSON.stringify(body)).not.toContain('wk_');
  });
});
