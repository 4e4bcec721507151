import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import resolve from '@rollup/plugin-node-resolve';
import Fastify from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { useChromium } from './chromium.js';
import { rollup } from 'rollup';

const root = fileURLToPath(new URL('../../', import.meta.url));
const widgetsDist = `${root}packages/widgets/dist/index.js`;

/** The strict policy of the issue: no inline script or style, no eval. */
export const strictCsp = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** A page server for the widgets on 127.0.0.1: no CDN, no internet. */
export interface WidgetsTestSite {
  /** A page; `csp` serves it with {@link strictCsp}; `dir`, `lang` and `theme` go on `<html>`. */
  pageUrl(options?: { csp?: boolean; dir?: 'ltr' | 'rtl'; lang?: string }): string;
  /** Path of axe-core's browser script, for `page.addScriptTag({ path })`. */
  axePath: string;
  close(): Promise<void>;
}

// The built package (`UPTAKE_BUILD=widgets npm run build`) bundled with Lit for the browser, so
// the page loads one same-origin module, as a strict script-src requires.
async function bundleWidgets(): Promise<string> {
  if (!existsSync(widgetsDist)) throw new Error('packages/widgets/dist is missing: run UPTAKE_BUILD=widgets npm run build');
  const bundle = await rollup({ input: widgetsDist, plugins: [resolve({ browser: true, exportConditions: ['production'] })] });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return output[0].code;
}

// Loaded first, as a classic script, so no violation happens before the listener exists.
const violationsJs = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI));`;

const page = (o: { dir: string; lang: string }) => `<!doctype html>
<html lang="${o.lang}" dir="${o.dir}"><head><meta charset="utf-8"><title>Uptake widgets test page</title>
<script src="/violations.js"></script>
<script type="module" src="/widgets.js"></script></head>
<body><main>
<h1>Widgets test page</h1>
<button id="anchor" type="button">Ask</button>
<p><label for="typing">Your request</label><br><textarea id="typing"></textarea></p>
<div id="inline-host"></div>
</main></body></html>`;

export async function startWidgetsTestSite(): Promise<WidgetsTestSite> {
  const widgetsJs = await bundleWidgets();
  const app = Fastify();
  await app.register(fastifyStatic, { root: `${root}node_modules/axe-core`, prefix: '/axe/', serve: true });
  app.get('/widgets.js', (_req, reply) => reply.type('text/javascript').send(widgetsJs));
  app.get('/violations.js', (_req, reply) => reply.type('text/javascript').send(violationsJs));
  app.get('/', (req, reply) => {
    const q = req.query as { csp?: string; dir?: string; lang?: string };
    if (q.csp) reply.header('Content-Security-Policy', strictCsp);
    return reply
      .type('text/html; charset=utf-8')
      .send(page({ dir: q.dir === 'rtl' ? 'rtl' : 'ltr', lang: /^[a-z-]{2,10}$/i.test(q.lang ?? '') ? (q.lang as string) : 'en' }));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    axePath: `${root}node_modules/axe-core/axe.min.js`,
    pageUrl: (o = {}) => `${origin}/?${new URLSearchParams({ ...(o.csp ? { csp: '1' } : {}), dir: o.dir ?? 'ltr', lang: o.lang ?? 'en' })}`,
    close: () => app.close(),
  };
}

/** SPEC's behaviour-check survey, as the config declares it. */
export const behaviorCheck = {
  id: 'behavior-check',
  questions: [
    {
      id: 'applied',
      type: 'choice',
      text: 'In the past two weeks, did you apply something from your AI training to your actual work?',
      options: ['yes', 'no'],
    },
    { id: 'example', type: 'text', text: 'Describe one specific way.', minLength: 20 },
  ],
};

/**
 * Creates `<tag>` with `props` (and `attrs`) inside `#inline-host` or at the end of `<body>`, the
 * way a host app would, and records every widget event in `window.__events`.
 */
export async function mountWidget(
  page: Page,
  tag: 'uptake-prompt' | 'uptake-pulse',
  props: Record<string, unknown>,
  attrs: Record<string, string> = {},
  into: 'inline-host' | 'body' = 'body',
): Promise<void> {
  await page.waitForFunction(() => customElements.get('uptake-pulse') && customElements.get('uptake-prompt'));
  await page.evaluate(
    async ({ tag, props, attrs, into }) => {
      const w = window as unknown as { __events?: Array<{ type: string; detail: unknown }> };
      if (!w.__events) {
        w.__events = [];
        for (const type of ['uptake-answer', 'uptake-action', 'uptake-request-close'])
          document.addEventListener(type, (e) => w.__events!.push({ type, detail: (e as CustomEvent).detail }));
      }
      const el = Object.assign(document.createElement(tag), props);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      (into === 'body' ? document.body : document.getElementById(into)!).append(el);
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    },
    { tag, props, attrs, into },
  );
}

/** What has focus, looking through shadow roots: `tag#id[part]` of the innermost element. */
export function deepFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let path = '';
    while (el) {
      const part = el.getAttribute('part');
      path = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${part ? `[${part}]` : ''}${el instanceof HTMLInputElement ? `=${el.value}` : ''}`;
      el = el.shadowRoot?.activeElement ?? null;
    }
    return path;
  });
}

/** Widget events the page has seen so far. */
export function events(page: Page): Promise<Array<{ type: string; detail: Record<string, unknown> }>> {
  return page.evaluate(() => (window as unknown as { __events?: [] }).__events ?? []);
}

/** Starts the site and Chromium before the file's tests, and stops both after them. */
export function useWidgetsInChromium(): { browser: () => Browser; site: () => WidgetsTestSite } {
  let site: WidgetsTestSite | undefined;
  beforeAll(async () => {
    site = await startWidgetsTestSite();
  });
  afterAll(async () => {
    await site?.close();
  });
  const browser = useChromium();
  return { browser: () => browser, site: () => site as WidgetsTestSite };
}
