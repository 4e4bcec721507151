import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dashboardCsp } from '../../src/http/dashboard-route.js';
import { useCollector } from '../helpers/use-collector.js';

// The studio's editor, the widgets it previews and the config schema it checks with: a chunk the
// dashboard fetches on demand, so the figures never wait for it. Change the budget on purpose
// (49,950: +1,950 for the starter kits and the power plan, which add about 1,950 bytes gzipped).
const budget = 49_950;

describe('the studio chunk of the dashboard (built by npm run build)', () => {
  const c = useCollector();

  it(`is served beside dashboard.js under the same policy, at most ${budget.toLocaleString('en-US')} bytes gzipped; its source map only on request`, async () => {
    const res = await fetch(`${c.url}/dashboard/studio-panel.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(dashboardCsp);
    const code = Buffer.from(await res.arrayBuffer());
    const bytes = gzipSync(code, { level: 9 }).length;
    console.log(`studio-panel.js: ${code.length.toLocaleString('en-US')} bytes, ${bytes.toLocaleString('en-US')} gzipped`);
    expect(bytes).toBeLessThanOrEqual(budget);
    expect((await fetch(`${c.url}/dashboard/studio-panel.js.map`)).status).toBe(404);
    // The dashboard imports it by that name.
    expect(await (await fetch(`${c.url}/dashboard/dashboard.js`)).text()).toContain('studio-panel.js');
  });
});
