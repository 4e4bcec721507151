import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load-config.js';
import { userHash } from '../src/identity/user-hash.js';
import { storeKinds } from './helpers/store-targets.js';
import { event, postBatch, tempCollector } from './helpers/temp-collector.js';
import { useCollector } from './helpers/use-collector.js';

// The attacks of issue 13, replayed over real HTTP on both stores, holding only what a page shows
// (a write key): reading a person's config, another tool's history, writing in a person's name,
// backdating, forging training. SPEC "Identity, integrity and roles".

const secret = 'assistant-identity-secret-for-tests';
const adminToken = 'trust-admin-token-0123456789';
const asServer = { Authorization: `Bearer ${adminToken}` };
const config = parseConfig({
  tools: [
    { id: 'assistant', writeKey: 'wk_assistant', identitySecret: secret, origins: ['*'] },
    { id: 'other', writeKey: 'wk_other', identity: 'unverified', origins: ['*'] },
  ],
  adminToken,
  maxEventsPerPersonPerDay: 10,
  rateLimit: { perMinute: 6000, configPerMinute: 40, authFailuresPerMinute: 5 },
  prompts: [
    { id: 'assistant-tip', tools: ['assistant'], trigger: { event: 'ai.output_rejected' }, content: { title: 'Critique first' } },
    { id: 'other-tip', tools: ['other'], trigger: { event: 'ai.request' }, content: { title: 'Other' } },
  ],
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const hashOf = (userId: string) => userHash(secret, userId);

describe.each(storeKinds)('what a write key can do, $kind store', ({ kind }) => {
  const c = useCollector(kind, config);
  const stored = async (prefix: string) => (await c.store.events()).filter((e) => e.id.startsWith(prefix));
  const getConfig = (query: string) => fetch(`${c.url}/v1/config?${query}`);

  it("cannot read a person's config without the userHash their tool's backend computed", async () => {
    expect((await getConfig('writeKey=wk_assistant')).status).toBe(200);
    const without = await getConfig('writeKey=wk_assistant&userId=emp-00001');
    expect(without.status).toBe(401);
    expect((await without.json()).error).toMatch(/userHash/);
    expect((await getConfig(`writeKey=wk_assistant&userId=emp-00001&userHash=${hashOf('emp-00002')}`)).status).toBe(401);
    expect((await getConfig(`writeKey=wk_assistant&userId=emp-00001&userHash=${hashOf('emp-00001').toUpperCase()}`)).status).toBe(401);
    expect((await getConfig(`writeKey=wk_assistant&userId=emp-00001&userHash=${hashOf('emp-00001')}`)).status).toBe(200);
  });

  it('does not tell one tool which items another tool showed a person, only when (for the fatigue caps); training and use as days', async () => {
    const backfill = await postBatch(
      c.url,
      {
        writeKey: 'wk_other',
        events: [
          event({
            id: 'history-0001',
            userId: 'emp-00007',
            tool: 'other',
            name: 'prompt.shown',
            props: { promptId: 'other-tip' },
            ts: daysAgo(1),
          }),
          event({ id: 'history-0002', userId: 'emp-00007', tool: 'other', name: 'ai.request', ts: daysAgo(1) }),
          event({
            id: 'history-0003',
            userId: 'emp-00007',
            tool: 'other',
            name: 'training.completed',
            props: { program: 'foundations' },
            ts: daysAgo(20),
          }),
        ],
      },
      asServer,
    );
    expect(backfill.body).toMatchObject({ accepted: 3, rejected: [] });
    const answer = await (await getConfig(`writeKey=wk_assistant&userId=emp-00007&userHash=${hashOf('emp-00007')}`)).json();
    expect(answer.prompts.map((p: { id: string }) => p.id)).toEqual(['assistant-tip']);
    expect(answer.history.prompts).toEqual({});
    expect(answer.history.recentShows).toHaveLength(1);
    expect(JSON.stringify(answer)).not.toContain('other-tip');
    expect(answer.history.trainedAt).toBe(daysAgo(20).slice(0, 10));
    expect(answer.history.lastUsageDay).toBe(daysAgo(1).slice(0, 10));
    expect(answer.history.program).toBe('foundations');
    expect(answer.history).not.toHaveProperty('lastUsageAt');
  });

  it("refuses events in a person's name without their userHash, by index; anonymous events and proven ids pass", async () => {
    const res = await postBatch(c.url, {
      writeKey: 'wk_assistant',
      sentAt: new Date().toISOString(),
      identities: { 'emp-00011': hashOf('emp-00011'), 'emp-00012': hashOf('emp-00011') },
      events: [
        event({ id: 'forge-proven', userId: 'emp-00011', ts: daysAgo(0) }),
        event({ id: 'forge-nohash', userId: 'emp-00013', ts: daysAgo(0) }),
        event({ id: 'forge-wrong', userId: 'emp-00012', ts: daysAgo(0) }),
        event({ id: 'forge-anon', userId: undefined, anonymousId: 'a-99', ts: daysAgo(0) }),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body['accepted']).toBe(2);
    const rejected = res.body['rejected'] as { index: number; id: string; error: string }[];
    expect(rejected.map((r) => [r.index, r.id])).toEqual([
      [1, 'forge-nohash'],
      [2, 'forge-wrong'],
    ]);
    for (const r of rejected) expect(r.error).toMatch(/no valid userHash/);
    expect((await stored('forge-')).map((e) => e.id).sort()).toEqual(['forge-anon', 'forge-proven']);
  });

  it('refuses backdated events from a write key (past maxEventAgeDays), and takes them from a server-side sender with the token', async () => {
    const events = [
      event({ id: 'backdated-8d', userId: 'emp-00021', tool: 'other', ts: daysAgo(8) }),
      event({ id: 'backdated-6d', userId: 'emp-00021', tool: 'other', ts: daysAgo(6) }),
    ];
    const page = await postBatch(c.url, { writeKey: 'wk_other', sentAt: new Date().toISOString(), events });
    expect(page.body['accepted']).toBe(1);
    expect(page.body['rejected']).toEqual([
      { index: 0, id: 'backdated-8d', error: expect.stringMatching(/more than 7 days before receipt/) },
    ]);
    const server = await postBatch(
      c.url,
      { writeKey: 'wk_other', events: [event({ id: 'backdated-400d', userId: 'emp-00021', tool: 'other', ts: daysAgo(400) })] },
      asServer,
    );
    expect(server.body).toMatchObject({ accepted: 1, rejected: [] });
    const wrongToken = await postBatch(c.url, { writeKey: 'wk_other', events: [] }, { Authorization: 'Bearer not-the-token-at-all' });
    expect(wrongToken.status).toBe(401);
  });

  it('refuses training facts from a write key, and keeps a page from setting program or cohort', async () => {
    const res = await postBatch(c.url, {
      writeKey: 'wk_other',
      events: [
        event({
          id: 'fact-training',
          userId: 'emp-00031',
          tool: 'other',
          name: 'training.completed',
          props: { program: 'invented' },
          ts: daysAgo(0),
        }),
        event({
          id: 'fact-identify',
          userId: 'emp-00031',
          tool: 'other',
          name: 'identify',
          props: { role: 'leader', team: 'finance', program: 'invented', cohort: 'made-up' },
          ts: daysAgo(0),
        }),
      ],
    });
    expect(res.body['accepted']).toBe(1);
    expect(res.body['rejected']).toEqual([{ index: 0, id: 'fact-training', error: expect.stringMatching(/imported training/) }]);
    expect(res.body['warnings']).toEqual([expect.stringMatching(/^events\[1\]\.props: program and cohort not stored/)]);
    const [identify] = await stored('fact-identify');
    expect(identify?.props).toEqual({ role: 'leader', team: 'finance' });
    expect(await stored('fact-training')).toEqual([]);
  });

  it("refuses a person's events past maxEventsPerPersonPerDay, by index; others are not affected", async () => {
    const many = Array.from({ length: 12 }, (_, i) => event({ id: `capped-a-${i}`, userId: 'emp-00041', tool: 'other', ts: daysAgo(0) }));
    const res = await postBatch(c.url, {
      writeKey: 'wk_other',
      events: [...many, event({ id: 'capped-b-0', userId: 'emp-00042', tool: 'other', ts: daysAgo(0) })],
    });
    expect(res.body['accepted']).toBe(11);
    const rejected = res.body['rejected'] as { index: number; error: string }[];
    expect(rejected.map((r) => r.index)).toEqual([10, 11]);
    expect(rejected[0]?.error).toMatch(/more than 10 events on/);
    const later = await postBatch(c.url, {
      writeKey: 'wk_other',
      events: [event({ id: 'capped-a-late', userId: 'emp-00041', tool: 'other', ts: daysAgo(0) })],
    });
    expect(later.body['accepted']).toBe(0);
    // A retry of what was stored is a duplicate, not a new event against the cap.
    const retry = await postBatch(c.url, { writeKey: 'wk_other', events: many.slice(0, 3) });
    expect(retry.body).toMatchObject({ accepted: 0, duplicates: 3, rejected: [] });
  });

  it('answers 415 to a content type other than JSON or text/plain', async () => {
    const res = await fetch(`${c.url}/v1/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: JSON.stringify({ writeKey: 'wk_other', events: [] }),
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error).toMatch(/application\/json/);
  });
});

describe('limits per client address', () => {
  const c = useCollector('duckdb', config);

  it('answers 429 with Retry-After after too many failed authentications, even to the right token', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await fetch(`${c.url}/v1/metrics`, { headers: { Authorization: `Bearer wrong-guess-${i}` } })).status).toBe(401);
    }
    const blocked = await fetch(`${c.url}/v1/metrics`, { headers: asServer });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await blocked.json()).error).toMatch(/too many failed authentications/);
  });

  it('rate-limits GET /v1/config per client address: a loop over user ids stops at the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await fetch(`${c.url}/v1/config?writeKey=wk_other&userId=emp-${i}`)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.slice(40)).toEqual([429, 429, 429, 429, 429]);
  });
});

describe('behind a load balancer (trustProxy)', () => {
  const limited = (trustProxy: boolean | string[]) =>
    parseConfig({ ...config, trustProxy, rateLimit: { perMinute: 6000, configPerMinute: 3, authFailuresPerMinute: 5 } });
  const statuses = async (url: string, forwardedFor: string, n: number) => {
    const seen: number[] = [];
    for (let i = 0; i < n; i++) {
      seen.push((await fetch(`${url}/v1/config?writeKey=wk_other`, { headers: { 'X-Forwarded-For': forwardedFor } })).status);
    }
    return seen;
  };

  it('counts per client address from X-Forwarded-For when the proxy is trusted, and ignores the header when it is not', async () => {
    const trusted = await tempCollector(limited(['127.0.0.1']));
    try {
      expect(await statuses(trusted.url, '10.1.1.1', 4)).toEqual([200, 200, 200, 429]);
      expect(await statuses(trusted.url, '10.2.2.2', 1)).toEqual([200]);
    } finally {
      await trusted.stop();
    }
    const direct = await tempCollector(limited(false));
    try {
      // A client cannot reset its own count by naming another address.
      expect(await statuses(direct.url, '10.1.1.1', 3)).toEqual([200, 200, 200]);
      expect(await statuses(direct.url, '10.2.2.2', 1)).toEqual([429]);
    } finally {
      await direct.stop();
    }
  });
});

describe('rotating an identity secret', () => {
  it('accepts hashes of the old and the new secret while both are listed, and only the new once the old is removed', async () => {
    const rotation = (secrets: string[]) =>
      parseConfig({
        ...config,
        tools: [{ id: 'assistant', writeKey: 'wk_assistant', identitySecret: secrets, origins: ['*'] }],
        prompts: [],
      });
    const batch = (id: string, hash: string) => ({
      writeKey: 'wk_assistant',
      identities: { 'emp-00051': hash },
      events: [event({ id, userId: 'emp-00051', ts: daysAgo(0) })],
    });
    const during = await tempCollector(rotation(['new-secret-0123', 'old-secret-0123']));
    try {
      expect((await postBatch(during.url, batch('rotation-old', userHash('old-secret-0123', 'emp-00051')))).body['accepted']).toBe(1);
      expect((await postBatch(during.url, batch('rotation-new', userHash('new-secret-0123', 'emp-00051')))).body['accepted']).toBe(1);
    } finally {
      await during.stop();
    }
    const after = await tempCollector(rotation(['new-secret-0123']));
    try {
      expect((await postBatch(after.url, batch('rotation-old-2', userHash('old-secret-0123', 'emp-00051')))).body['accepted']).toBe(0);
      expect((await postBatch(after.url, batch('rotation-new-2', userHash('new-secret-0123', 'emp-00051')))).body['accepted']).toBe(1);
    } finally {
      await after.stop();
    }
  });
});
