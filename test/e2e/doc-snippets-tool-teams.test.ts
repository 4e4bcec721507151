import { describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/chromium.js';
import { pagesRunBy, type RunnableSnippet, runnableSnippets } from '../helpers/doc-snippet-place.js';
import { bundleInlineModules, bundleModule, scriptTagBlock, standIns, usePageSite } from '../helpers/doc-snippet-page.js';
import { waitFor } from '../helpers/wait-for.js';

// The pages a tool team pastes from, run in Chromium (the coverage rule: test/architecture/doc-snippets.test.ts):
// each HTML block on a page served with the strict Content-Security-Policy of docs/tool-teams.md,
// each block of script-tag calls on the page of the guide's script tag. Nothing may be blocked or
// throw, and what the calls send must reach the collector. Needs the build (the SDK is served from dist/).

const runner = 'test/e2e/doc-snippets-tool-teams.test.ts';
const browser = useChromium();
const site = usePageSite(browser);

const sdkLoaded = (page: import('playwright-core').Page) =>
  page.waitForFunction(() => typeof (window as { uptake?: { track?: unknown } }).uptake?.track === 'function', undefined, {
    timeout: 15_000,
  });

/** A block that sends events (a `show` may send none: the item may not exist). */
const sendsEvents = (text: string) => /\.(push|identify|track|task)\(|\.ai\./.test(text) && !/^uptake\.push\(\['show'/m.test(text);

async function runInBrowser(block: RunnableSnippet): Promise<{ problems: string[]; sent: boolean }> {
  const before = (await site.collector.store.events()).length;
  const sends = sendsEvents(block.text);
  let problems: string[];
  if (block.handling.kind === 'page') {
    problems = await site.visit(await bundleInlineModules(block.text, site), async (page) => {
      // Each element the markup uses is defined and rendered (its bundle ran), not left an unknown tag.
      for (const tag of new Set([...block.text.matchAll(/<(uptake-[a-z-]+)/g)].map((m) => m[1] as string)))
        await page.waitForFunction((t) => !!customElements.get(t) && !!document.querySelector(t)?.shadowRoot, tag, { timeout: 15_000 });
      if (!block.text.includes('uptake.js')) return;
      await sdkLoaded(page);
      await page.evaluate(() => (window as unknown as { uptake: { flush(): Promise<void> } }).uptake.flush());
    });
  } else if (block.handling.kind === 'script-tag calls') {
    problems = await site.visit(scriptTagBlock(), async (page) => {
      await sdkLoaded(page);
      // As the page's own code makes the calls (evaluated through DevTools, not subject to the policy).
      await page.evaluate(`(async () => { ${standIns}\n${block.text}\nawait window.uptake.flush(); })()`);
    });
  } else if (block.handling.kind === 'module') {
    // The bundling step an app has, then the bundle on a page under the same policy, with its nonce.
    const script = site.publish(await bundleModule(block.text));
    // The npm SDK sends on its flush interval (5 s): the page stays open until the events arrived.
    problems = await site.visit(`<script nonce="{NONCE}" src="${script}"></script>`, async (page) => {
      if (sends) await waitFor(async () => (await site.collector.store.events()).length > before, 15_000).catch(() => undefined);
      else await page.waitForTimeout(200);
    });
  } else throw new Error(`${block.doc} line ${block.line}: a ${block.handling.kind} block does not run in a browser`);
  if (sends) await waitFor(async () => (await site.collector.store.events()).length > before, 15_000).catch(() => undefined);
  return { problems, sent: (await site.collector.store.events()).length > before };
}

describe.each(pagesRunBy(runner))('%s, run in Chromium under the strict policy', (doc) => {
  const blocks = runnableSnippets(doc);

  it.each(blocks.map((b) => [`line ${b.line} (${b.handling.kind})`, b] as const))('%s', async (_, block) => {
    const { problems, sent } = await runInBrowser(block);
    expect(problems, `${block.doc} line ${block.line}`).toEqual([]);
    if (sendsEvents(block.text)) expect(sent, `${block.doc} line ${block.line}: its events arrived`).toBe(true);
  });
});
