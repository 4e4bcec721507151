import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { generateDemo } from '../../src/demo/generate-demo.js';
import type { DigestFigure } from '../../src/digest/build-digest.js';
import { deliverDigest } from '../../src/digest/deliver-digest.js';
import { DigestLog } from '../../src/digest/digest-log.js';
import { previewDigests } from '../../src/digest/preview-digests.js';
import { latestSlot, runDueDigests } from '../../src/digest/run-digests.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useFreshStore } from '../helpers/use-fresh-store.js';

/** A webhook receiver on 127.0.0.1: records each body by path; `/flaky` answers 503 once, `/bad` 400. */
function receiver() {
  const bodies: { path: string; body: unknown }[] = [];
  let flaky = 0;
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      if (req.url === '/flaky' && flaky++ === 0) return void res.writeHead(503).end();
      if (req.url === '/bad') return void res.writeHead(400).end('no');
      bodies.push({ path: req.url ?? '', body: JSON.parse(text) });
      res.writeHead(200).end('ok');
    });
  });
  return {
    bodies,
    server,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
}

const hook = receiver();
beforeAll(() => new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => hook.server.close(() => resolve())));
const fast = { backoffMs: [10, 10], timeoutMs: 2000 };

describe('when digests go out', () => {
  it('the latest slot at or before now: this week’s weekday at the hour, else last week’s', () => {
    const monday = 1;
    expect(latestSlot(new Date('2026-11-30T09:00:00Z'), monday, 8).toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(latestSlot(new Date('2026-11-30T07:59:00Z'), monday, 8).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(latestSlot(new Date('2026-12-03T12:00:00Z'), monday, 8).toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(latestSlot(new Date('2026-12-06T23:00:00Z'), 0, 22).toISOString()).toBe('2026-12-06T22:00:00.000Z');
  });
});

describe('delivering to a webhook', () => {
  it('retries what may pass later, not what will not, and never says the URL', async () => {
    expect(await deliverDigest(`${hook.url()}/ok`, { a: 1 }, fast)).toEqual({ status: 'sent', attempts: 1, detail: 'HTTP 200' });
    expect(await deliverDigest(`${hook.url()}/flaky`, { a: 2 }, fast)).toEqual({ status: 'sent', attempts: 2, detail: 'HTTP 200' });
    expect(await deliverDigest(`${hook.url()}/bad`, { a: 3 }, fast)).toEqual({ status: 'failed', attempts: 1, detail: 'HTTP 400' });
    const closed = await deliverDigest('http://127.0.0.1:9/secret-path', { a: 4 }, fast);
    expect(closed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(closed.detail).toMatch(/^not reached \(/);
    expect(closed.detail).not.toContain('secret');
  });
});

describe.each(storeKinds)('weekly digests from a store: $kind', ({ kind, target }) => {
  const store = useFreshStore(target);
  const config = () =>
    parseConfig({
      tools: [{ id: 'assistant', writeKey: 'wk', identity: 'unverified', origins: ['*'] }],
      adminToken: 'digest-admin-token-0123',
      digests: {
        weekday: 'monday',
        hourUtc: 8,
        targets: [
          { name: 'leadership', format: 'json', url: `${hook.url()}/leadership-${kind}`, scope: 'organisation' },
          { name: 'finance', format: 'slack', url: `${hook.url()}/finance-${kind}`, scope: { team: 'finance' } },
          { name: 'tiny', format: 'teams', url: `${hook.url()}/tiny-${kind}`, scope: { team: 'tiny' } },
        ],
      },
    });

  it('sends each once at its hour, from the viewers’ figures; a team under the minimum is never built', async () => {
    await store.syncUsageEvents([]);
    await generateDemo(store, config(), { seed: 11, employees: 300, until: '2026-11-29', tool: 'assistant' });
    // Six trained people of a team of their own: under minGroupSize (10).
    const at = new Date('2026-10-01T10:00:00Z');
    await store.insert(
      Array.from({ length: 6 }, (_, i): Pick<StoredEvent, 'id' | 'name' | 'props'>[] => [
        { id: `tiny-t-${i}`, name: 'training.completed', props: { program: 'ai-basics' } },
        { id: `tiny-i-${i}`, name: 'identify', props: { team: 'tiny' } },
      ]).flatMap((pair, i) =>
        pair.map((e) => ({ ...e, ts: at, receivedAt: at, userId: `tiny-${i}`, anonymousId: null, sessionId: null, tool: 'assistant' })),
      ),
    );
    // More than a day after last week's hour: that week is past, nothing goes out.
    expect(await runDueDigests(store, config(), new Date('2026-11-30T07:00:00Z'), fast)).toEqual([]);
    const before = await runDueDigests(store, config(), new Date('2026-11-24T07:00:00Z'), fast);
    expect(before).toEqual([
      { name: 'leadership', status: 'sent', detail: 'HTTP 200' },
      { name: 'finance', status: 'sent', detail: 'HTTP 200' },
      { name: 'tiny', status: 'withheld', detail: expect.stringContaining('team "tiny" is not published') },
    ]);
    // Tuesday 07:00 was within a day of last week's slot (2026-11-23): it went out late, once. Now this week's.
    const now = await runDueDigests(store, config(), new Date('2026-11-30T09:00:00Z'), fast);
    expect(now.map((d) => `${d.name} ${d.status}`)).toEqual(['leadership sent', 'finance sent', 'tiny withheld']);
    // Again within the hour: everything is claimed. Next week, two collectors at once: each digest once.
    expect(await runDueDigests(store, config(), new Date('2026-11-30T09:30:00Z'), fast)).toEqual([]);
    const racing = await Promise.all([0, 1].map(() => runDueDigests(store, config(), new Date('2026-12-07T08:00:30Z'), fast)));
    expect(
      racing
        .flat()
        .map((d) => d.name)
        .sort(),
    ).toEqual(['finance', 'leadership', 'tiny']);

    const mine = hook.bodies.filter((b) => b.path.endsWith(`-${kind}`));
    // The racing collectors may each claim a different digest first: the last two arrive in either order.
    const paths = mine.map((b) => b.path);
    expect(paths.slice(0, 4)).toEqual([`/leadership-${kind}`, `/finance-${kind}`, `/leadership-${kind}`, `/finance-${kind}`]);
    expect(paths.slice(4).sort()).toEqual([`/finance-${kind}`, `/leadership-${kind}`]);
    const json = mine[2]!.body as { week: { from: string; to: string }; figures: { label: string; value: number | null }[] };
    expect(json.week).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(json.figures.map((f) => f.label)).toContain('Still using 90 days after training');
    // The last 4 weeks' trend: each week the figure a viewer reads as of that week's end.
    const adoption = json.figures.find((f) => f.label.startsWith('Adoption')) as DigestFigure;
    const seen = [];
    for (const asOf of ['2026-11-08', '2026-11-15', '2026-11-22', '2026-11-29'])
      seen.push((await computeMetrics(store, config(), { asOf }, { exact: false, today: '2026-11-30' })).adoption.rate);
    expect(adoption.trend).toEqual(seen);
    expect([adoption.previous, adoption.value]).toEqual(seen.slice(2));
    expect(adoption.trend.every((v) => v !== null && v > 0)).toBe(true);
    const slack = mine[3]!.body as { text: string; blocks: { type: string; fields?: { text: string }[] }[] };
    expect(slack.text).toBe('AI adoption in finance, week of 2026-11-23');
    expect(slack.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    expect(slack.blocks[1]!.fields![1]!.text).toMatch(
      /^\*Still using 90 days after training\*\n(\d+%|not published) \(last week .+; organisation .+; 4 weeks: .+ → .+ → .+ → .+\)$/,
    );
    expect(JSON.stringify(mine)).not.toMatch(/tiny-|user/);

    const log = await new DigestLog(store).lines();
    expect(log.map((l) => `${l.slot} ${l.name} ${l.status}`).sort()).toEqual([
      '2026-11-23 finance sent',
      '2026-11-23 leadership sent',
      '2026-11-23 tiny withheld',
      '2026-11-30 finance sent',
      '2026-11-30 leadership sent',
      '2026-11-30 tiny withheld',
      '2026-12-07 finance sent',
      '2026-12-07 leadership sent',
      '2026-12-07 tiny withheld',
    ]);
    const previews = await previewDigests(store, config(), '2026-11-30');
    expect(previews.map((p) => ('withheld' in p ? `${p.name}: withheld` : `${p.name}: ${p.digest.figures.length} figures`))).toEqual([
      'leadership: 5 figures',
      'finance: 3 figures',
      'tiny: withheld',
    ]);
  }, 120_000);
});

describe('docs/analysts.md, "Weekly digests"', () => {
  it('its config snippet is valid as written', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../../../docs/analysts.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Weekly digests'));
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(json).toBeDefined();
    const config = parseConfig(
      {
        tools: [{ id: 'assistant', writeKey: 'wk', identity: 'unverified', origins: ['*'] }],
        adminToken: 'digest-admin-token-0123',
        ...JSON.parse(json!),
      },
      'docs',
      { TEAMS_LEADERSHIP_WEBHOOK: 'https://example.test/teams', SLACK_FINANCE_WEBHOOK: 'https://example.test/slack' },
    );
    expect(config.digests?.targets.map((t) => t.url)).toEqual(['https://example.test/teams', 'https://example.test/slack']);
  });
});
