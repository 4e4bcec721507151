import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { kitAudiences, starterKit } from '../../src/kit/starter-kit.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useCollector } from '../helpers/use-collector.js';
import { studioClient } from './studio-client.js';

const tokens = {
  editor: 'kits-editor-token-0123456789abcdef',
  analyst: 'kits-analyst-token-0123456789abcdef',
  viewer: 'kits-viewer-token-0123456789abcdef',
};
const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken: 'kits-admin-token-0123456789abcdef',
  tokens: Object.entries(tokens).map(([role, token]) => ({ name: `${role}-1`, role, token })),
  // The config file already holds the behaviour check: adding a kit leaves it as it is.
  surveys: [
    {
      id: 'behavior-check',
      trigger: { daysSinceTraining: [88, 100] },
      questions: [{ id: 'applied', type: 'choice', text: 'Applied?', options: ['yes', 'no'] }],
    },
  ],
});

describe.each(storeKinds)('the starter kits in the studio, $kind store', ({ kind }) => {
  const c = useCollector(kind, config);
  const editor = () => studioClient(c.url, tokens.editor);

  it('lists the four audiences with their items, and shows one kit as config JSON', async () => {
    const listed = await editor().call('GET', '/v1/admin/kits');
    expect(listed.status).toBe(200);
    const kits = listed.body['kits'] as { audience: string; applies: string; items: { kind: string; id: string; title: string }[] }[];
    expect(kits.map((k) => k.audience)).toEqual([...kitAudiences]);
    const leader = starterKit('leader');
    expect(kits[1]?.items).toEqual([
      ...leader.prompts.map((p) => ({ kind: 'prompt', id: p.id, title: p.content.title })),
      { kind: 'survey', id: 'behavior-check', title: expect.any(String) },
      { kind: 'survey', id: 'kit-confidence-pulse', title: expect.any(String) },
    ]);
    const one = await editor().call('GET', '/v1/admin/kits/technical');
    expect(one.status).toBe(200);
    const items = one.body['items'] as { id: string; body: { id: string } }[];
    expect(items.map((i) => i.body.id)).toEqual(items.map((i) => i.id));
    expect(items[0]?.id).toMatch(/^kit-technical-/);
  });

  it('adds a kit as drafts by the token’s name, skips what exists, and is audited', async () => {
    const first = await editor().call('POST', '/v1/admin/kits/executive');
    expect(first.status).toBe(200);
    const ids = starterKit('executive').prompts.map((p) => p.id);
    expect(first.body).toEqual({ audience: 'executive', added: [...ids, 'kit-confidence-pulse'], skipped: ['behavior-check'] });
    const { body } = await editor().items();
    const added = (body['items'] as { id: string; status: string; source: string; savedBy: string | null }[]).filter((i) =>
      ids.includes(i.id),
    );
    expect(added).toHaveLength(ids.length);
    expect(added.every((i) => i.status === 'draft' && i.source === 'studio' && i.savedBy === 'editor-1')).toBe(true);

    const again = await editor().call('POST', '/v1/admin/kits/executive', {});
    expect(again.body).toEqual({ audience: 'executive', added: [], skipped: [...ids, 'behavior-check', 'kit-confidence-pulse'] });

    // With a role: the prompts address that `role` trait instead of the audience's name.
    const mapped = await editor().call('POST', '/v1/admin/kits/leader', { role: 'managers' });
    const leaderId = starterKit('leader').prompts[0]?.id ?? '';
    expect(mapped.body['added']).toContain(leaderId);
    expect((await editor().get('prompts', leaderId)).body['draft']).toMatchObject({ audience: { roles: ['managers'] } });

    await expect
      .poll(async () =>
        (await c.store.readAudit({ token: 'editor-1' }))
          .filter((l) => l.endpoint.startsWith('/v1/admin/kits/'))
          .map((l) => `${l.endpoint} ${l.status} ${l.rows}`),
      )
      .toEqual([
        // The kit read in the test before, then the adds.
        `/v1/admin/kits/:audience 200 ${starterKit('technical').prompts.length + 2}`,
        `/v1/admin/kits/:audience 200 ${ids.length + 1}`,
        '/v1/admin/kits/:audience 200 0',
        `/v1/admin/kits/:audience 200 ${starterKit('leader').prompts.length}`,
      ]);
  });

  it('refuses other roles, a write key, an unknown audience and a bad body, with words', async () => {
    for (const token of [tokens.viewer, tokens.analyst]) {
      for (const [method, path] of [
        ['GET', '/v1/admin/kits'],
        ['GET', '/v1/admin/kits/leader'],
        ['POST', '/v1/admin/kits/leader'],
      ] as const) {
        const answer = await studioClient(c.url, token).call(method, path);
        expect(answer.status).toBe(403);
        expect(answer.body['error']).toMatch(/editing prompts and surveys/);
      }
    }
    expect((await studioClient(c.url, 'wk_assistant').call('POST', '/v1/admin/kits/leader')).status).toBe(401);
    const unknown = await editor().call('POST', '/v1/admin/kits/interns');
    expect(unknown.status).toBe(404);
    expect(unknown.body['error']).toBe('no starter kit for "interns": expected executive, leader, professional, technical');
    expect((await editor().call('GET', '/v1/admin/kits/interns')).status).toBe(404);
    const bad = await editor().call('POST', '/v1/admin/kits/professional', { role: '', audience: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body['error']).toMatch(/role/);
    const professional = starterKit('professional').prompts[0]?.id;
    expect((await editor().items()).body['items']).not.toContainEqual(expect.objectContaining({ id: professional }));
  });
});
