import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useCollector } from '../helpers/use-collector.js';
import { studioClient } from './studio-client.js';

const config = parseConfig({
  tools: [
    { id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['https://assistant.corp.example'] },
    { id: 'other', writeKey: 'wk_other', identity: 'unverified', origins: ['*'] },
  ],
  adminToken: 'preview-admin-token-0123',
  prompts: [{ id: 'file-tip', trigger: { event: 'ai.request' }, content: { title: 'From the file' } }],
});

describe.each(storeKinds)('studio previews, $kind store', ({ kind }) => {
  const c = useCollector(kind, config);
  const studio = () => studioClient(c.url, 'preview-admin-token-0123');
  const previewed = async (code: string, writeKey = 'wk_assistant', headers: Record<string, string> = {}) => {
    const res = await fetch(`${c.url}/v1/preview?writeKey=${writeKey}&code=${encodeURIComponent(code)}`, { headers });
    return { status: res.status, cache: res.headers.get('cache-control'), body: (await res.json()) as Record<string, unknown> };
  };

  it('a code shows the draft it was made for to the tool that shows the item, without publishing it', async () => {
    await studio().put('prompts', 'draft-tip', { tools: ['assistant'], trigger: { url: '/never' }, content: { title: 'First words' } });
    const made = await studio().act('prompts', 'draft-tip', 'preview');
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ kind: 'prompt', id: 'draft-tip', version: 1, code: expect.stringMatching(/^p\.draft-tip\.1\./) });
    const code = made.body['code'] as string;
    expect(Date.parse(made.body['expiresAt'] as string) - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(made.body['links']).toEqual([{ tool: 'assistant', url: `https://assistant.corp.example/?uptake-preview=${code}` }]);

    await studio().put('prompts', 'draft-tip', { tools: ['assistant'], trigger: { url: '/never' }, content: { title: 'Second words' } });
    const shown = await previewed(code, 'wk_assistant', { Origin: 'https://assistant.corp.example' });
    expect(shown.status).toBe(200);
    expect(shown.cache).toBe('no-store');
    expect(shown.body).toMatchObject({
      kind: 'prompt',
      id: 'draft-tip',
      version: 1,
      item: { id: 'draft-tip', content: { title: 'First words' } },
    });
    const latest = await studio().act('prompts', 'draft-tip', 'preview');
    expect((await previewed(latest.body['code'] as string)).body['item']).toMatchObject({ content: { title: 'Second words' } });
    const first = await studio().call('POST', '/v1/admin/prompts/draft-tip/preview?version=1');
    expect((await previewed(first.body['code'] as string)).body['item']).toMatchObject({ content: { title: 'First words' } });
    // Nothing was published by previewing.
    expect((await studio().get('prompts', 'draft-tip')).body).toMatchObject({ status: 'draft', version: 2 });
  });

  it('the config file’s items can be previewed too', async () => {
    const made = await studio().act('prompts', 'file-tip', 'preview');
    expect(made.body).toMatchObject({ version: 0, code: expect.stringMatching(/^p\.file-tip\.0\./) });
    expect((await previewed(made.body['code'] as string, 'wk_other')).body['item']).toMatchObject({ content: { title: 'From the file' } });
  });

  it('refuses a forged code, another tool’s item, an origin the tool does not list, and callers without the token', async () => {
    const made = await studio().act('prompts', 'draft-tip', 'preview');
    const code = made.body['code'] as string;
    expect(await previewed(code.replace('.2.', '.1.'))).toMatchObject({
      status: 403,
      body: { error: 'not a valid preview code: make one in the studio' },
    });
    expect(await previewed(code, 'wk_other')).toMatchObject({
      status: 403,
      body: { error: 'prompt "draft-tip" is not shown by tool "other" (its tools: assistant)' },
    });
    expect((await previewed(code, 'wk_assistant', { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await previewed(code, 'wk_nope')).status).toBe(401);
    expect((await fetch(`${c.url}/v1/preview?writeKey=wk_assistant`)).status).toBe(400);
    expect((await fetch(`${c.url}/v1/admin/prompts/draft-tip/preview`, { method: 'POST' })).status).toBe(401);
    expect((await studio().act('prompts', 'missing-tip', 'preview')).status).toBe(404);
    expect((await studio().call('POST', '/v1/admin/prompts/draft-tip/preview?version=x')).status).toBe(400);
    expect((await studio().call('POST', '/v1/admin/prompts/draft-tip/preview?version=9')).status).toBe(404);
  });
});
