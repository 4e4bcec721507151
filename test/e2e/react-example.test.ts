import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../packages/collector/src/config/load-config.js';
import type { UptakeConfig } from '../../packages/collector/src/config/config-schema.js';
import { startCollector, type Collector } from '../../packages/collector/src/start-collector.js';
import { assign } from '../../packages/sdk/src/rules/index.js';
import { useChromium } from '../helpers/chromium.js';
import { waitForStoredEvents } from '../helpers/wait-for-stored-events.js';

const exampleDir = fileURLToPath(new URL('../../examples/react/', import.meta.url));
const viteBin = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
const configFile = fileURLToPath(new URL('../../examples/uptake.config.json', import.meta.url));

const browser = useChromium();
let dir: string;
let collector: Collector;
let site: FastifyInstance;
let siteUrl: string;
let buildOutput: string;
let config: UptakeConfig;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uptake-react-'));
  const outDir = join(dir, 'site');
  await mkdir(outDir);
  // The app's server starts first, so its origin can join the tool's allowed origins (as npm start does).
  site = Fastify();
  await site.register(fastifyStatic, { root: outDir });
  await site.listen({ port: 0, host: '127.0.0.1' });
  const address = site.server.address();
  siteUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  config = await loadConfig(configFile);
  config.tools.find((t) => t.id === 'assistant-react')?.origins.push(siteUrl);
  collector = await startCollector({ config, db: join(dir, 'uptake.duckdb'), port: 0 });

  // The example's own production build (`npm run build` in examples/react), pointed at this collector.
  // NODE_ENV is vitest's `test`; left in place it would make Vite bundle React's development build.
  const env: NodeJS.ProcessEnv = { ...process.env, VITE_UPTAKE_COLLECTOR: collector.url };
  delete env['NODE_ENV'];
  const built = await promisify(execFile)(process.execPath, [viteBin, 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: exampleDir,
    env,
  });
  buildOutput = built.stdout;
});

afterAll(async () => {
  await site?.close();
  await collector?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('examples/react: the npm SDK and the widgets in a React app, in real Chromium, with a real collector', () => {
  it("builds with Vite; the SDK's prompts code is a chunk of its own, loaded only when the tool has prompts", async () => {
    const html = await readFile(join(dir, 'site', 'index.html'), 'utf8');
    expect(html.match(/<script /g)).toHaveLength(1);
    const scripts = (await readdir(join(dir, 'site', 'assets'))).filter((f) => f.endsWith('.js'));
    expect(scripts.some((f) => f.startsWith('start-prompts'))).toBe(true);
    expect(html).not.toContain('start-prompts');
    expect(buildOutput).toContain('built in');
  });

  it("clicks through the assistant, its inline tip, the config's critique tip and the inline survey; the collector stores every event, and nothing typed", async () => {
    // A person the config's critique tip is shown to (not in its 10% holdout), so the run is the same every time.
    const critique = config.prompts.find((p) => p.id === 'critique-tip')!;
    let n = 0;
    while (assign(critique.audience, { userId: `u-${n}`, role: 'professional' }, critique.id) !== 'treated') n++;
    const user = { id: `u-${n}`, role: 'professional', team: 'finance' };

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text()));
    await page.addInitScript((u) => localStorage.setItem('assistant-demo-user', u), JSON.stringify(user));
    await page.goto(`${siteUrl}/`);
    await page.getByText(`Signed in as ${user.id}`).waitFor();

    const secret = 'Confidential merger notes for Project Falcon';
    const request = page.getByLabel('Your request');
    await request.fill(secret);
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Accepted');

    // An edited answer brings up the app's own inline <uptake-prompt>; its action is handled in React.
    const inlineTip = page.locator('.assistant uptake-prompt');
    expect(await inlineTip.count()).toBe(0);
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await inlineTip.waitFor();
    expect(await inlineTip.getAttribute('placement')).toBe('inline');
    await inlineTip.getByRole('button', { name: 'Try it' }).click();
    expect(await request.inputValue()).toBe(`For the CFO: ${secret}`);
    await expect.poll(() => request.evaluate((el) => el === document.activeElement)).toBe(true);
    // The tip asked to close after its action; React dropped it.
    await inlineTip.waitFor({ state: 'detached' });

    // Two rejected answers within a day: the SDK shows the config's critique tip as a toast.
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: 'Ask' }).click();
      await page.getByRole('button', { name: 'Reject' }).click();
    }
    const toast = page.locator('body > uptake-prompt');
    await toast.waitFor();
    expect(await toast.getAttribute('placement')).toBe('toast');
    await toast.getByText('Ask it to critique first').waitFor();
    await toast.getByRole('button', { name: 'Not now' }).click();
    await toast.waitFor({ state: 'detached' });

    // The inline <uptake-pulse> got its survey as a React prop (an object, set as a property).
    const pulse = page.locator('uptake-pulse');
    await pulse.getByRole('radio', { name: 'yes' }).check();
    await pulse.getByRole('button', { name: 'Next' }).click();
    const example = 'I asked it to critique my forecast memo before sending it to the CFO.';
    await pulse.getByRole('textbox').fill(example);
    await pulse.getByRole('button', { name: 'Send' }).click();
    await pulse.getByText('Thank you for your answers!').waitFor();

    const events = await waitForStoredEvents(
      collector.store,
      (es) => es.filter((e) => e.name === 'survey.answered').length >= 2 && es.some((e) => e.name === 'prompt.dismissed'),
    );
    const count = (name: string) => events.filter((e) => e.name === name).length;
    expect(count('identify')).toBe(1);
    expect(count('ai.request')).toBe(4);
    expect(count('ai.output_shown')).toBe(4);
    expect(count('ai.output_accepted')).toBe(1);
    expect(count('ai.output_edited')).toBe(1);
    expect(count('ai.output_rejected')).toBe(2);
    expect(events.find((e) => e.name === 'identify')?.props).toMatchObject({ role: 'professional', team: 'finance' });
    // A decision names the output it judges.
    const shownIds = events.filter((e) => e.name === 'ai.output_shown').map((e) => e.props['outputId']);
    for (const e of events.filter((x) => x.name.startsWith('ai.output_') && x.name !== 'ai.output_shown'))
      expect(shownIds).toContain(e.props['outputId']);

    const answers = events.filter((e) => e.name === 'survey.answered').map((e) => e.props);
    expect(answers).toEqual(
      expect.arrayContaining([
        { surveyId: 'behavior-check', questionId: 'applied', value: 'yes' },
        { surveyId: 'behavior-check', questionId: 'example', value: example },
      ]),
    );
    // The SDK logged the config's prompt; the hand-placed tip logged nothing a prompt's uplift would count.
    const promptEvents = events.filter((e) => e.name.startsWith('prompt.')).map((e) => ({ name: e.name, ...e.props }));
    expect(promptEvents).toEqual([
      { name: 'prompt.shown', promptId: 'critique-tip' },
      { name: 'prompt.dismissed', promptId: 'critique-tip', reason: 'snooze' },
    ]);
    // One person, stored under a keyed hash, from the React app's tool.
    expect(new Set(events.map((e) => e.userId)).size).toBe(1);
    expect(events.every((e) => e.tool === 'assistant-react')).toBe(true);
    expect(JSON.stringify(events)).not.toContain('Project Falcon');
    expect(errors).toEqual([]);
    await page.close();
  });
});
