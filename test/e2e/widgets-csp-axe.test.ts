import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { behaviorCheck, mountWidget, useWidgetsInChromium } from '../helpers/widgets-test-site.js';

const chromium = useWidgetsInChromium();

/** Every question type of SPEC, each on its own step. */
const allTypes = {
  id: 'all-types',
  title: 'Quick pulse',
  questions: [
    {
      id: 'confidence',
      type: 'scale',
      text: 'How confident are you?',
      min: 1,
      max: 5,
      minLabel: 'Not at all',
      maxLabel: 'Very',
      required: true,
    },
    { id: 'recommend', type: 'nps', text: 'Would you recommend the training?' },
    { id: 'uses', type: 'multi', text: 'What did you use it for?', options: ['Drafting', 'Code', 'Research'] },
    { id: 'hours', type: 'number', text: 'Hours saved last week?', min: 0, max: 40 },
  ],
};

const tip = {
  promptId: 'critique-tip',
  heading: 'Ask it to critique first',
  body: 'Before you accept an answer, ask for a critique.',
  actionLabel: 'Show me',
  actionHref: '/guides/critique',
};

async function showBoth(page: Page, attrs: Record<string, string> = {}): Promise<void> {
  await mountWidget(page, 'uptake-prompt', { ...tip, anchor: '#anchor' }, { ...attrs, placement: 'anchor' });
  await mountWidget(page, 'uptake-pulse', { survey: behaviorCheck }, attrs);
  await mountWidget(page, 'uptake-pulse', { survey: allTypes }, { ...attrs, placement: 'inline' }, 'inline-host');
}

/** axe-core's violations on the whole page, shadow roots included, as `rule: targets` lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: chromium.site().axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  return violations;
}

describe('widgets in Chromium: strict CSP, axe-core, markup as text', () => {
  it('a page with a strict Content-Security-Policy shows both widgets styled, with no violation', async () => {
    const page = await chromium.browser().newPage();
    const response = await page.goto(chromium.site().pageUrl({ csp: true }));
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");
    await showBoth(page);
    // Step through a question so the re-rendering and the validation message happen under the policy too.
    await page.locator('uptake-pulse[placement="inline"] input[value="4"]').check();
    await page.locator('uptake-pulse[placement="inline"] [part~="next"]').click();
    await page.locator('uptake-pulse[placement="inline"] [part~="next"]').click();

    const looks = await page.evaluate(() => {
      const prompt = document.querySelector('uptake-prompt')!;
      const base = prompt.shadowRoot!.querySelector('[part~="base"]')!;
      const anchor = document.getElementById('anchor')!.getBoundingClientRect();
      return {
        radius: getComputedStyle(base).borderTopLeftRadius,
        position: getComputedStyle(prompt).position,
        gapBelowAnchor: Math.round(prompt.getBoundingClientRect().top - anchor.bottom),
        pulseRadius: getComputedStyle(document.querySelector('uptake-pulse')!.shadowRoot!.querySelector('[part~="base"]')!)
          .borderTopLeftRadius,
      };
    });
    // The shadow styles applied (adopted style sheets) and the anchored card sits 8 px below its anchor.
    expect(looks).toEqual({ radius: '8px', position: 'fixed', gapBelowAnchor: 8, pulseRadius: '8px' });
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);

    // The listener does catch what the policy blocks: an inline style attribute is one.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>'));
    await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([
      expect.stringMatching(/^style-src-attr /),
    ]);
    await page.close();
  });

  for (const variant of [
    { name: 'light', dir: 'ltr' as const, lang: 'en' },
    { name: 'dark (theme attribute)', dir: 'ltr' as const, lang: 'en', theme: 'dark' },
    { name: 'dark (system preference)', dir: 'ltr' as const, lang: 'en', scheme: 'dark' as const },
    { name: 'RTL', dir: 'rtl' as const, lang: 'fr' },
  ]) {
    it(`axe-core reports no violation for both widgets: ${variant.name}`, async () => {
      const page = await chromium.browser().newPage({ colorScheme: variant.scheme ?? 'light' });
      await page.goto(chromium.site().pageUrl(variant));
      await showBoth(page, variant.theme ? { theme: variant.theme } : {});
      expect(await axeViolations(page)).toEqual([]);
      // Again with a validation message and an answered step showing.
      await page.locator('uptake-pulse[placement="inline"] [part~="next"]').click();
      await expect.poll(() => page.locator('uptake-pulse[placement="inline"] [part~="error"]').count()).toBe(1);
      await page.locator('uptake-pulse:not([placement="inline"]) input[value="yes"]').check();
      await page.locator('uptake-pulse:not([placement="inline"]) [part~="next"]').click();
      // Let the buttons' colour transitions end: axe measures the colours on screen.
      await page.evaluate(() =>
        Promise.all(
          [...document.querySelectorAll('uptake-pulse, uptake-prompt')].flatMap((el) =>
            el.shadowRoot!.getAnimations().map((a) => a.finished),
          ),
        ),
      );
      expect(await axeViolations(page)).toEqual([]);
      if (variant.theme || variant.scheme) {
        const surface = await page.evaluate(
          () => getComputedStyle(document.querySelector('uptake-pulse')!.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor,
        );
        expect(surface).toBe('rgb(31, 41, 55)');
      }
      await page.close();
    });
  }

  it('honours prefers-reduced-motion and forced-colors', async () => {
    const page = await chromium.browser().newPage();
    await page.goto(chromium.site().pageUrl());
    await showBoth(page);
    const look = () =>
      page.evaluate(() => {
        const root = document.querySelector('uptake-pulse')!.shadowRoot!;
        return {
          transition: getComputedStyle(root.querySelector('[part~="next"]')!).transitionDuration,
          forced: matchMedia('(forced-colors: active)').matches,
          border: getComputedStyle(root.querySelector('[part~="base"]')!).borderTopColor,
        };
      });
    const normal = await look();
    expect(normal.transition).toBe('0.16s');
    await page.emulateMedia({ reducedMotion: 'reduce', forcedColors: 'active' });
    const reduced = await look();
    expect(reduced.transition).toBe('0s');
    expect(reduced.forced).toBe(true);
    // In forced colours the card's border is the system's CanvasText, not the theme's grey.
    expect(reduced.border).not.toBe(normal.border);
    await page.close();
  });

  it('a config string full of markup and script is shown as literal text', async () => {
    const page = await chromium.browser().newPage();
    await page.goto(chromium.site().pageUrl());
    const evil = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><a href="javascript:window.__pwned=3">x</a>`;
    await mountWidget(
      page,
      'uptake-prompt',
      { heading: evil, body: evil, actionLabel: evil, actionHref: 'javascript:window.__pwned=4' },
      { placement: 'inline' },
      'inline-host',
    );
    await mountWidget(
      page,
      'uptake-pulse',
      { survey: { id: 's', title: evil, questions: [{ id: 'q', type: 'choice', text: evil, options: [evil, 'ok'] }] } },
      { placement: 'inline' },
      'inline-host',
    );
    await page.locator('uptake-prompt [part~="action"]').click();
    await page.waitForTimeout(200);
    const seen = await page.evaluate(() => {
      const roots = [...document.querySelectorAll('uptake-prompt, uptake-pulse')].map((el) => el.shadowRoot!);
      return {
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        injected: roots.reduce((n, r) => n + r.querySelectorAll('img, script, a[href^="javascript"]').length, 0),
        texts: roots.flatMap((r) =>
          [...r.querySelectorAll('[part~="title"], [part~="body"], [part~="action"], legend, [part~="option"]')].map((e) =>
            e.textContent?.trim(),
          ),
        ),
      };
    });
    expect(seen.pwned).toBeNull();
    expect(seen.injected).toBe(0);
    expect(seen.texts).toEqual([evil, evil, evil, evil, evil, evil, 'ok']);
    await page.close();
  });
});
