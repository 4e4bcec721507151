import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useCollector } from '../helpers/use-collector.js';
import { servedItems, studioClient } from './studio-client.js';

const config = parseConfig({
  tools: [
    { id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] },
    { id: 'other', writeKey: 'wk_other', identity: 'unverified', origins: ['*'] },
  ],
  adminToken: 'studio-admin-token-0123',
  prompts: [{ id: 'critique-tip', trigger: { event: 'ai.output_rejected' }, content: { title: 'Ask it to critique first' } }],
  surveys: [
    {
      id: 'behavior-check',
      trigger: { daysSinceTraining: [88, 100] },
      questions: [{ id: 'applied', type: 'choice', text: 'Applied?', options: ['yes', 'no'] }],
    },
  ],
});

const tip = (title: string) => ({ trigger: { url: '/reports/**' }, content: { title, body: 'Say who the summary is for.' } });

describe.each(storeKinds)('the studio API, $kind store', ({ kind }) => {
  const c = useCollector(kind, config);
  const studio = () => studioClient(c.url, 'studio-admin-token-0123');

  it('lists the config file’s items read-only, and refuses to change them', async () => {
    const { status, body } = await studio().items();
    expect(status).toBe(200);
    expect(body['items']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'prompt',
          id: 'critique-tip',
          status: 'live',
          version: null,
          source: 'file',
          title: 'Ask it to critique first',
        }),
        expect.objectContaining({ kind: 'survey', id: 'behavior-check', status: 'live', version: null, source: 'file' }),
      ]),
    );
    const read = await studio().get('prompts', 'critique-tip');
    expect([read.status, read.body['source'], read.etag]).toEqual([200, 'file', null]);
    const put = await studio().put('prompts', 'critique-tip', tip('Mine now'));
    expect(put.status).toBe(409);
    expect(put.body['error']).toMatch(/comes from the config file .*read-only/);
    expect((await studio().act('surveys', 'behavior-check', 'pause')).status).toBe(409);
  });

  it('saves a draft, publishes it to /v1/config with a new ETag, and keeps every change as a version', async () => {
    const before = await servedItems(c.url);
    const created = await studio().put('prompts', 'audience-tip', tip('Name the audience'));
    expect(created.status).toBe(201);
    expect(created.etag).toBe('"v1"');
    expect(created.body).toMatchObject({
      kind: 'prompt',
      id: 'audience-tip',
      status: 'draft',
      version: 1,
      source: 'studio',
      liveVersion: null,
      savedBy: 'admin',
    });
    // Defaults filled in by the same schema as the file's.
    expect(created.body['draft']).toMatchObject({
      id: 'audience-tip',
      audience: { sample: 1, holdout: 0 },
      frequency: { maxShows: 3, cooldownDays: 3 },
    });
    expect((await servedItems(c.url)).ids).not.toContain('audience-tip');

    const published = await studio().act('prompts', 'audience-tip', 'publish', { 'If-Match': '"v1"' });
    expect(published.body).toMatchObject({ status: 'live', version: 2, liveVersion: 2, unpublished: false });
    const after = await servedItems(c.url);
    expect(after.ids).toEqual(['critique-tip', 'audience-tip', 'behavior-check']);
    expect(after.etag).not.toBe(before.etag);
    // Tool `other` is not named by the studio item's tools (none: every tool), so it gets it too; one naming a tool narrows.
    await studio().put('prompts', 'other-only', { ...tip('Other only'), tools: ['other'] });
    await studio().act('prompts', 'other-only', 'publish');
    expect((await servedItems(c.url)).ids).not.toContain('other-only');
    expect((await servedItems(c.url, 'wk_other')).ids).toContain('other-only');

    // An edit is a draft: the live version is served until the next publish.
    const edited = await studio().put('prompts', 'audience-tip', tip('Say who it is for'), { 'If-Match': '"v2"' });
    expect(edited.body).toMatchObject({ status: 'live', version: 3, liveVersion: 2, unpublished: true, title: 'Say who it is for' });
    const live = (await servedItems(c.url)).body['prompts'] as { id: string; content: { title: string } }[];
    expect(live.find((p) => p.id === 'audience-tip')?.content.title).toBe('Name the audience');
    const republished = await studio().act('prompts', 'audience-tip', 'publish');
    expect(republished.body).toMatchObject({ version: 4, liveVersion: 4, unpublished: false });
    const now = (await servedItems(c.url)).body['prompts'] as { id: string; content: { title: string } }[];
    expect(now.find((p) => p.id === 'audience-tip')?.content.title).toBe('Say who it is for');

    // Saving or publishing what is already there is no change: no new version.
    expect((await studio().put('prompts', 'audience-tip', tip('Say who it is for'))).body['version']).toBe(4);
    expect((await studio().act('prompts', 'audience-tip', 'publish')).body['version']).toBe(4);

    const versions = await studio().versions('prompts', 'audience-tip');
    expect(versions.body['versions']).toEqual(
      [4, 3, 2, 1].map((version, i) =>
        expect.objectContaining({
          version,
          change: ['publish', 'save', 'publish', 'save'][i],
          savedBy: 'admin',
          savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        }),
      ),
    );
    const first = await studio().call('GET', '/v1/admin/prompts/audience-tip/versions/1');
    expect(first.body).toMatchObject({ version: 1, status: 'draft', draft: { content: { title: 'Name the audience' } }, live: null });
    expect((await studio().call('GET', '/v1/admin/prompts/audience-tip/versions/9')).status).toBe(404);
  });

  it('pauses and archives: neither is served; only a live item can be paused', async () => {
    await studio().put('surveys', 'pulse', {
      trigger: { daysSinceTraining: [14, 28] },
      questions: [{ id: 'confidence', type: 'scale', text: 'How confident?' }],
    });
    const paused = await studio().act('surveys', 'pulse', 'pause');
    expect(paused.status).toBe(409);
    expect(paused.body['error']).toBe('only a live survey can be paused; "pulse" is draft');
    await studio().act('surveys', 'pulse', 'publish');
    expect((await servedItems(c.url)).ids).toContain('pulse');
    expect((await studio().act('surveys', 'pulse', 'pause')).body['status']).toBe('paused');
    expect((await servedItems(c.url)).ids).not.toContain('pulse');
    await studio().act('surveys', 'pulse', 'publish');
    expect((await servedItems(c.url)).ids).toContain('pulse');
    expect((await studio().act('surveys', 'pulse', 'archive')).body['status']).toBe('archived');
    expect((await servedItems(c.url)).ids).not.toContain('pulse');
    const listed = ((await studio().items()).body['items'] as { id: string; status: string; version: number }[]).find(
      (i) => i.id === 'pulse',
    );
    expect(listed).toMatchObject({ status: 'archived', version: 5, source: 'studio' });
  });

  it('refuses an invalid item with each problem named by its path, as the config file would', async () => {
    const bad = await studio().put('prompts', 'bad-tip', {
      trigger: { withinDay: 1 },
      content: { title: '' },
      audience: { holdout: 1 },
      tools: ['nope'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body['error']).toMatch(/trigger: Unrecognized key: "withinDay"/);
    expect(bad.body['issues']).toEqual(
      expect.arrayContaining([
        { path: 'audience.holdout', message: 'a holdout of 1 would never show the prompt' },
        { path: 'content.title', message: expect.stringMatching(/>=1 characters/) },
      ]),
    );
    const unknownTool = await studio().put('prompts', 'bad-tip', { ...tip('Fine'), tools: ['nope'] });
    expect(unknownTool.body).toEqual({
      error: 'tools[0]: unknown tool "nope"; declared: assistant, other',
      issues: [{ path: 'tools[0]', message: 'unknown tool "nope"; declared: assistant, other' }],
    });
    const otherId = await studio().put('prompts', 'bad-tip', { ...tip('Fine'), id: 'another' });
    expect([otherId.status, otherId.body['error']]).toEqual([400, 'id: "another" does not match the id in the URL, "bad-tip"']);
    const badId = await studio().put('prompts', 'Bad%20Tip', tip('Fine'));
    expect(badId.status).toBe(400);
    expect(badId.body['error']).toMatch(/^id: expected 1–64 characters/);
    const scale = await studio().put('surveys', 'bad-survey', {
      trigger: { daysSinceTraining: [1, 2] },
      questions: [
        { id: 'q', type: 'scale', text: 'How?', min: 5, max: 5 },
        { id: 'why', type: 'text', text: 'Why?', minLength: 30, maxLength: 20 },
      ],
    });
    expect(scale.body['issues']).toEqual([
      { path: 'questions[0].max', message: 'expected more than min (5); max is 5' },
      { path: 'questions[1].maxLength', message: 'expected at least minLength (30); maxLength is 20' },
    ]);
    const notObject = await studio().put('surveys', 'bad-survey', [1, 2]);
    expect(notObject.body['error']).toBe('expected a survey as a JSON object');
    expect((await studio().get('prompts', 'bad-tip')).status).toBe(404);
  });

  it('guards against lost updates with If-Match (412), also when two editors save at once', async () => {
    const created = await studio().put('prompts', 'race-tip', tip('First'), { 'If-None-Match': '*' });
    expect(created.status).toBe(201);
    expect((await studio().put('prompts', 'race-tip', tip('Again'), { 'If-None-Match': '*' })).status).toBe(412);
    const [a, b] = await Promise.all([
      studio().put('prompts', 'race-tip', tip('Editor A'), { 'If-Match': created.etag as string }),
      studio().put('prompts', 'race-tip', tip('Editor B'), { 'If-Match': created.etag as string }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const lost = a.status === 412 ? a : b;
    expect(lost.body['error']).toMatch(/changed since: it is at version 2 \(save by admin at .*\); load it again/);
    expect((await studio().act('prompts', 'race-tip', 'publish', { 'If-Match': '"v1"' })).status).toBe(412);
    // Without If-Match, concurrent saves all land, one version each.
    await Promise.all(['C', 'D', 'E'].map((who) => studio().put('prompts', 'race-tip', tip(`Editor ${who}`))));
    expect((await studio().get('prompts', 'race-tip')).body['version']).toBe(5);
    expect((await studio().act('prompts', 'missing-tip', 'publish')).status).toBe(404);
  });

  it('a studio prompt with a goal is measured by /v1/metrics once published, and stays measured when paused', async () => {
    const goal = { event: 'ai.feature_used', withinDays: 7 };
    await studio().put('prompts', 'measured-tip', { ...tip('Measured'), goal, audience: { holdout: 0.2 } });
    const uplift = async () => {
      const res = await fetch(`${c.url}/v1/metrics`, { headers: { Authorization: 'Bearer studio-admin-token-0123' } });
      return ((await res.json()) as { prompts: { id: string }[] }).prompts.map((p) => p.id);
    };
    expect(await uplift()).not.toContain('measured-tip');
    await studio().act('prompts', 'measured-tip', 'publish');
    expect(await uplift()).toContain('measured-tip');
    await studio().act('prompts', 'measured-tip', 'pause');
    expect(await uplift()).toContain('measured-tip');
  });

  it('needs the token; unknown kinds and actions are 404 with words', async () => {
    const anonymous = await fetch(`${c.url}/v1/admin/items`);
    expect(anonymous.status).toBe(401);
    const wrong = await studioClient(c.url, 'not-the-token-0000').put('prompts', 'x-tip', tip('x'));
    expect(wrong.status).toBe(401);
    expect((await studio().get('tips', 'x')).body['error']).toMatch(/expected \/v1\/admin\/prompts\/… or \/v1\/admin\/surveys\/…/);
    expect((await studio().act('prompts', 'critique-tip', 'delete')).status).toBe(404);
  });
});
