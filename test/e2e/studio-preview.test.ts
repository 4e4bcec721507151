import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { studioClient } from '../../packages/collector/test/studio/studio-client.js';
import { assign } from '../../packages/sdk/src/rules/audience.js';
import { useExampleToolSite } from '../helpers/example-tool-site.js';

const adminToken = 'e2e-admin-token-0123456789';
const site = useExampleToolSite((toolUrl) => ({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identitySecret: 'e2e-identity-secret-0123', origins: [toolUrl] }],
  adminToken,
}));

/** A tip anchored to the example tool's Ask button, whose holdout keeps nine people in ten from seeing it. */
const anchoredTip = {
  trigger: { selector: '#ask-button', on: 'click' },
  audience: { holdout: 0.9 },
  content: {
    title: 'Ask for a critique first',
    body: 'Paste your draft and ask what is weak.',
    action: { label: 'Show me', event: 'open-critique' },
  },
};

/** A person of the example tool in the tip's holdout (assignment is a hash: we search). */
function heldOutPerson(): { id: string; role: string; team: string } {
  for (let n = 0; ; n++) {
    const id = `preview-${n}`;
    if (assign({ sample: 1, holdout: 0.9 }, { userId: id }, 'anchored-tip') === 'held-out')
      return { id, role: 'professional', team: 'finance' };
  }
}

const flush = (page: Page) => page.evaluate(() => (window as unknown as { uptake: { flush(): Promise<void> } }).uptake.flush());
const exposures = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':exposures') && localStorage.getItem(k) !== '[]'));

describe('studio preview on the real tool, in Chromium', () => {
  it('?uptake-preview=<code> shows a draft now, anchored, to a person in its holdout, and logs nothing; uptake.show still draws the holdout', async () => {
    const studio = studioClient(site().collector.url, adminToken);
    expect((await studio.put('prompts', 'anchored-tip', anchoredTip)).status).toBe(201);
    const made = await studio.act('prompts', 'anchored-tip', 'preview');
    const [link] = made.body['links'] as { url: string }[];
    expect(link?.url).toBe(`${site().tool.url}/?uptake-preview=${made.body['code']}`);

    const user = heldOutPerson();
    const context = await site().browser.newContext();
    await context.addCookies([
      { name: 'assistant-user', value: Buffer.from(JSON.stringify(user)).toString('base64url'), url: site().tool.url },
    ]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const actions: string[] = [];
    await page.exposeFunction('recordAction', (name: string) => actions.push(name));
    await page.addInitScript(() =>
      addEventListener('uptake-action', (e) =>
        (window as unknown as { recordAction(n: string): void }).recordAction((e as CustomEvent).detail.event),
      ),
    );

    // The link as the studio gave it: no click on Ask, no trigger, a draft, a person held out.
    await page.goto(link?.url as string);
    const card = page.locator('uptake-prompt');
    await card.getByText('Ask for a critique first').waitFor();
    expect(await card.evaluate((el) => (el as unknown as { placement: string }).placement)).toBe('anchor');
    await card.getByRole('button', { name: 'Show me' }).click();
    await card.waitFor({ state: 'detached' });
    // The widget still speaks to the page, as it will for real.
    expect(actions).toEqual(['open-critique']);
    // Again, from code.
    await page.evaluate(
      (code) => (window as unknown as { uptake: { preview(c: string): void } }).uptake.preview(code),
      made.body['code'] as string,
    );
    await card.getByText('Ask for a critique first').waitFor();
    await page.keyboard.press('Escape');
    await flush(page);

    const events = await site().waitForEvents((es) => es.some((e) => e.name === 'identify'));
    expect(events.filter((e) => /^(prompt|survey)\./.test(e.name))).toEqual([]);
    expect(await exposures(page)).toEqual([]);

    // Published, it is real: uptake.show draws the holdout, so this person is logged as held out and sees nothing.
    await studio.act('prompts', 'anchored-tip', 'publish');
    await page.goto(`${site().tool.url}/`);
    await page.waitForFunction(() => typeof (window as { uptake?: { show?: unknown } }).uptake?.show === 'function');
    await page.evaluate(() => (window as unknown as { uptake: { show(id: string): void } }).uptake.show('anchored-tip'));
    const heldOut = await site().waitForEvents((es) =>
      es.some((e) => e.name === 'prompt.held_out' && e.props['promptId'] === 'anchored-tip'),
    );
    expect(heldOut.filter((e) => e.name === 'prompt.shown')).toEqual([]);
    expect(await card.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a forged code shows nothing and says why once, in the console', async () => {
    const page = await site().browser.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${site().tool.url}/?uptake-preview=p.anchored-tip.1.9999999999.${'A'.repeat(43)}`);
    await expect.poll(() => warnings.join('\n')).toMatch(/preview: not a valid preview code: make one in the studio/);
    expect(await page.locator('uptake-prompt').count()).toBe(0);
    await page.close();
  });
});
