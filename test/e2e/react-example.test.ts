import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../packages/collector/src/config/load-config.js';
import { startCollector, type Collector } from '../../packages/collector/src/start-collector.js';
import { launchChromium } from '../helpers/chromium.js';
import { waitForStoredEvents } from '../helpers/wait-for-stored-events.js';

const exampleDir = fileURLToPath(new URL('../../examples/react/', import.meta.url));
const viteBin = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
const configFile = fileURLToPath(new URL('../../examples/uptake.config.json', import.meta.url));

let dir: string;
let browser: Browser;
let collector: Collector;
let site: FastifyInstance;
let siteUrl: string;
let buildOutput: string;

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

  const config = await loadConfig(configFile);
  config.tools.find((t) => t.id === 'assistant')?.origins.push(siteUrl);
  collector = await startCollector({ config, db: join(dir, 'uptake.duckdb'), port: 0 });

  // The example's own production build (`npm run build` in examples/react), pointed at this collector.
  // NODE_ENV is vitest's `test`; left in place it would make Vite bundle React's development build.
  const env: NodeJS.ProcessEnv = { ...process.env, VITE_UPTAKE_COLLECTOR: collector.url };
  delete env['NODE_ENV'];
  const built = await promisify(execFile)(process.execPath, [viteBin, 'build', '--outDir', outDir, '--emptyOutDir'], { cwd: exampleDir, env });
  buildOutput = built.stdout;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await collector?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('examples/react: the npm SDK and the widgets in a React app, in real Chromium, with a real collector', () => {
  it('builds with Vite into one script and one style sheet', async () => {
    const assets = await readdir(join(dir, 'site', 'assets'));
    expect(assets.filter((f) => f.endsWith('.js'))).toHaveLength(1);
    expect(assets.filter((f) => f.endsWith('.css'))).toHaveLength(1);
    expect(buildOutput).toContain('built in');
  });

  it('clicks through the assistant, the inline tip and the inline survey; the collector stores every event, and nothing typed', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text()));
    await page.goto(`${siteUrl}/`);

    const secret = 'Confidential merger notes for Project Falcon';
    await page.getByLabel('Your request').fill(secret);
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Accepted');

    // Two rejected answers bring up the inline <uptake-prompt>; its action is handled by the app.
    const tip = page.locator('uptake-prompt');
    expect(await tip.count()).toBe(0);
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: 'Ask' }).click();
      await page.getByRole('button', { name: 'Reject' }).click();
    }
    await tip.waitFor();
    expect(await tip.getAttribute('placement')).toBe('inline');
    await page.getByRole('button', { name: 'Try Critique' }).click();
    expect(await page.getByRole('radio', { name: 'Critique' }).isChecked()).toBe(true);
    // The tip asked to close after its action; React dropped it.
    await tip.waitFor({ state: 'detached' });

    // The inline <uptake-pulse> got its survey as a React prop (an object, set as a property).
    const pulse = page.locator('uptake-pulse');
    await pulse.getByRole('radio', { name: 'yes' }).check();
    await pulse.getByRole('button', { name: 'Next' }).click();
    const example = 'I asked it to critique my forecast memo before sending it to the CFO.';
    await pulse.getByRole('textbox').fill(example);
    await pulse.getByRole('button', { name: 'Send' }).click();
    await pulse.getByText('Thank you for your answers!').waitFor();

    const events = await waitForStoredEvents(collector.store, (es) => es.filter((e) => e.name === 'survey.answered').length >= 2 && es.filter((e) => e.name === 'ai.output_rejected').length >= 2);
    const count = (name: string) => events.filter((e) => e.name === name).length;
    expect(count('identify')).toBe(1);
    expect(count('ai.request')).toBe(3);
    expect(count('ai.output_shown')).toBe(3);
    expect(count('ai.output_accepted')).toBe(1);
    expect(count('ai.output_rejected')).toBe(2);
    const identify = events.find((e) => e.name === 'identify');
    expect(['executive', 'leader', 'professional', 'technical']).toContain(identify?.props['role']);
    // A decision names the output it judges.
    const shownIds = events.filter((e) => e.name === 'ai.output_shown').map((e) => e.props['outputId']);
    for (const e of events.filter((x) => x.name.startsWith('ai.output_') && x.name !== 'ai.output_shown')) expect(shownIds).toContain(e.props['outputId']);

    const answers = events.filter((e) => e.name === 'survey.answered').map((e) => e.props);
    expect(answers).toEqual(
      expect.arrayContaining([
        { surveyId: 'behavior-check', questionId: 'applied', value: 'yes' },
        { surveyId: 'behavior-check', questionId: 'example', value: example },
      ]),
    );
    // One person, stored under a keyed hash, from the React app's tool.
    expect(new Set(events.map((e) => e.userId)).size).toBe(1);
    expect(events.every((e) => e.tool === 'assistant')).toBe(true);
    // The hand-placed tip is the app's own help: it logs no prompt exposure the uplift would count.
    expect(events.filter((e) => e.name.startsWith('prompt.'))).toEqual([]);
    expect(JSON.stringify(events)).not.toContain('Project Falcon');
    expect(errors).toEqual([]);
    await page.close();
  });
});
