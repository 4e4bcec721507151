import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { type Capability, capabilityWords, type Role, roles, tokenNeeded } from '../../src/config/roles.js';
import { event, testConfig } from '../helpers/temp-collector.js';
import { useCollector } from '../helpers/use-collector.js';

/** A token per role, named after it; `adminToken` (`test-admin-token`) is role admin too. */
const tokenOf = (role: Role) => `${role}-token-${'0123456789'.repeat(4)}`;
const config = parseConfig({
  ...testConfig,
  pseudonymSecret: undefined,
  tokens: roles.map((role) => ({ name: `${role}s`, role, token: tokenOf(role) })),
  rateLimit: { perMinute: 6000, authFailuresPerMinute: 1000 },
});

/** Every endpoint that takes a token, with the capability it needs. */
const endpoints: { method: string; path: string; needs: Capability | 'any'; body?: unknown }[] = [
  { method: 'GET', path: '/v1/whoami', needs: 'any' },
  { method: 'GET', path: '/v1/metrics?asOf=2026-11-22', needs: 'readMetrics' },
  { method: 'GET', path: '/v1/tools', needs: 'readMetrics' },
  { method: 'GET', path: '/v1/stats', needs: 'readExact' },
  { method: 'GET', path: '/v1/export?format=ndjson', needs: 'export' },
  { method: 'GET', path: '/v1/export?format=csv&user=u-4821', needs: 'export' },
  { method: 'GET', path: '/v1/audit', needs: 'administer' },
  {
    method: 'POST',
    path: '/v1/import/training',
    needs: 'import',
    body: { rows: [{ user_id: 'u-9', completed_at: '2026-11-01', program: 'workshop' }] },
  },
  { method: 'POST', path: '/v1/batch', needs: 'import', body: { writeKey: 'wk_open', events: [event({ tool: 'open' })] } },
  { method: 'DELETE', path: '/v1/people/u-nobody', needs: 'erase' },
];

const c = useCollector('duckdb', config);

async function call(endpoint: (typeof endpoints)[number], authorization?: string) {
  const res = await fetch(`${c.url}${endpoint.path}`, {
    method: endpoint.method,
    headers: {
      ...(authorization ? { Authorization: authorization } : {}),
      ...(endpoint.body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: endpoint.body === undefined ? undefined : JSON.stringify(endpoint.body),
  });
  const body = (await (res.headers.get('content-type')?.startsWith('application/json') ? res.json() : res.text())) as { error?: string };
  return { status: res.status, error: typeof body === 'object' ? body.error : undefined };
}

describe('every endpoint with every role (SPEC "Roles"): 200, 403 with words, 401', () => {
  // SPEC "Roles", written out here rather than read from the code under test.
  const may: Record<Role, string[]> = {
    viewer: ['readMetrics'],
    analyst: ['readMetrics', 'readExact', 'export'],
    editor: ['readMetrics', 'editItems'],
    admin: ['readMetrics', 'readExact', 'export', 'editItems', 'import', 'erase', 'administer'],
  };
  const allowed = (role: Role, needs: Capability | 'any') => needs === 'any' || may[role].includes(needs);

  it.each(endpoints)('$method $path', async (endpoint) => {
    const seen: Record<string, number> = {};
    for (const role of roles) {
      const { status, error } = await call(endpoint, `Bearer ${tokenOf(role)}`);
      seen[role] = status;
      if (status === 403 && endpoint.needs !== 'any') {
        expect(error).toBe(
          `${capabilityWords[endpoint.needs]} needs ${tokenNeeded(endpoint.needs)}; the token "${role}s" has the role ${role}`,
        );
      }
    }
    seen['adminToken'] = (await call(endpoint, 'Bearer test-admin-token')).status;
    const expected = Object.fromEntries(roles.map((role) => [role, allowed(role, endpoint.needs) ? 200 : 403]));
    expect(seen).toEqual({ ...expected, adminToken: 200 });

    const wrong = await call(endpoint, `Bearer ${tokenOf('admin').replace('admin', 'nimda')}`);
    expect(wrong).toEqual({ status: 401, error: "wrong token: it is neither adminToken nor one of the config's tokens" });
    // A batch without a token is a page's, judged by its write key alone.
    if (endpoint.path !== '/v1/batch') {
      expect(await call(endpoint)).toEqual({ status: 401, error: 'this endpoint needs Authorization: Bearer <token>' });
    }
  });

  it('GET /v1/whoami names the token, its role and what it may do', async () => {
    const res = await fetch(`${c.url}/v1/whoami`, { headers: { Authorization: `Bearer ${tokenOf('editor')}` } });
    expect(await res.json()).toEqual({ name: 'editors', role: 'editor', capabilities: ['readMetrics', 'editItems'] });
    const admin = await fetch(`${c.url}/v1/whoami`, { headers: { Authorization: 'Bearer test-admin-token' } });
    expect((await admin.json()).name).toBe('admin');
  });
});

describe('failed authentication and roles', () => {
  const limited = useCollector('duckdb', parseConfig({ ...config, rateLimit: { perMinute: 6000, authFailuresPerMinute: 3 } }));

  it('a 403 is not a failed authentication; a wrong token is, and 429 follows', async () => {
    const stats = (token: string) => fetch(`${limited.url}/v1/stats`, { headers: { Authorization: `Bearer ${token}` } });
    for (let i = 0; i < 5; i++) expect((await stats(tokenOf('viewer'))).status).toBe(403);
    expect((await stats(tokenOf('analyst'))).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await stats('not-a-token')).status).toBe(401);
    const blocked = await stats(tokenOf('analyst'));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
