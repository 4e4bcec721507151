import { describe, expect, it } from 'vitest';
import { studioClient } from '../../packages/collector/test/studio/studio-client.js';
import { axeViolations } from '../helpers/axe-violations.js';
import { signInDashboard } from '../helpers/dashboard-sign-in.js';
import { useExampleToolSite } from '../helpers/example-tool-site.js';

const tokens = { editor: `kits-editor-${'e'.repeat(24)}`, viewer: `kits-viewer-${'v'.repeat(24)}` };
const site = useExampleToolSite((toolUrl) => ({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identitySecret: 'e2e-identity-secret-0123', origins: [toolUrl] }],
  adminToken: 'e2e-admin-token-0123456789',
  tokens: [
    { name: 'owners', role: 'editor', token: tokens.editor },
    { name: 'managers', role: 'viewer', token: tokens.viewer },
  ],
  // The config file already has one of the executives kit's ids: adding the kit leaves it as it is.
  prompts: [{ id: 'kit-executive-stress-test', trigger: { event: 'ai.request' }, content: { title: 'Our own stress test' } }],
}));

const signIn = (token: string) => signInDashboard(site().browser, site().collector.url, token);

type KitList = { kits: { audience: string; applies: string; items: { kind: string; id: string; title: string }[] }[] };
type Item = { kind: string; id: string; status: string; source: string; version: number };

describe('the starter kits in the studio, in Chromium', () => {
  it('an editor reads the four kits and adds one as drafts from the screen; the list and the store have them', async () => {
    const editor = studioClient(site().collector.url, tokens.editor);
    const { kits } = (await editor.call('GET', '/v1/admin/kits')).body as unknown as KitList;
    const { page, problems } = await signIn(tokens.editor);
    const section = page.locator('#studio .studio-kits');
    await section.getByRole('heading', { name: 'Starter kits' }).waitFor();
    expect(await section.locator('h4').allInnerTexts()).toEqual(['Executives', 'Leaders', 'Professionals', 'Technical staff']);
    // Each kit says what it applies and lists its items, as the API has them.
    for (const kit of kits) {
      const shown = section.locator(`[data-kit="${kit.audience}"]`);
      expect(await shown.locator('p').first().innerText()).toBe(`Applies AI to ${kit.applies}.`);
      await shown.getByText(`Its ${kit.items.length} items`).click();
      expect(await shown.locator('li .item-id').allInnerTexts()).toEqual(kit.items.map((i) => i.id));
    }
    expect(await axeViolations(page, '#studio')).toEqual([]);

    const executives = kits.find((k) => k.audience === 'executive');
    const ids = executives?.items.map((i) => i.id) ?? [];
    const added = ids.filter((id) => id !== 'kit-executive-stress-test');
    const status = section.getByRole('status');
    await section.getByRole('button', { name: 'Add the executives kit as drafts' }).press('Enter');
    await expect
      .poll(() => status.innerText())
      .toBe(
        `Executives kit: ${added.length} added as drafts, listed above: ${added.join(', ')}. Already there, left as they are: kit-executive-stress-test.`,
      );
    // The new drafts are in the studio's list, marked, with the status the store gives them.
    for (const id of added) {
      const row = page.locator('#studio .studio-items').getByRole('row', { name: new RegExp(id) });
      await expect.poll(() => row.innerText()).toMatch(/Draft added from a kit\s+1\s+studio/);
    }
    const items = ((await editor.items()).body['items'] as Item[]).filter((i) => ids.includes(i.id));
    expect(items.map(({ id, status, source }) => ({ id, status, source })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      ids
        .map((id) =>
          id === 'kit-executive-stress-test' ? { id, status: 'live', source: 'file' } : { id, status: 'draft', source: 'studio' },
        )
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(((await editor.get('prompts', added[0] as string)).body as { savedBy: string }).savedBy).toBe('owners');
    expect(await axeViolations(page, '#studio')).toEqual([]);

    // Twice: nothing more, said as such.
    await section.getByRole('button', { name: 'Add the executives kit as drafts' }).click();
    await expect
      .poll(() => status.innerText())
      .toBe(`Executives kit: nothing added, every item exists already. Already there, left as they are: ${ids.join(', ')}.`);
    expect(((await editor.items()).body['items'] as Item[]).filter((i) => ids.includes(i.id)).length).toBe(ids.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a viewer gets no studio and no add button, and the API refuses the kit', async () => {
    const { page, problems } = await signIn(tokens.viewer);
    expect(await page.locator('[data-withheld="studio"] p').innerText()).toMatch(
      /^Editing prompts and surveys needs an editor or admin token/,
    );
    expect(await page.locator('uptake-studio, uptake-studio-kits').count()).toBe(0);
    expect(await page.getByRole('button', { name: /kit as drafts$/ }).count()).toBe(0);
    const refused = await studioClient(site().collector.url, tokens.viewer).call('POST', '/v1/admin/kits/leader', {});
    expect(refused).toMatchObject({ status: 403, body: { error: expect.stringMatching(/editor or admin token/) } });
    const items = (await studioClient(site().collector.url, tokens.editor).items()).body['items'] as Item[];
    expect(items.some((i) => i.id.startsWith('kit-leader-'))).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});
