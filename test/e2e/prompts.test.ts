import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../packages/collector/src/storage/store.js';
import { assign } from '../../packages/sdk/src/rules/audience.js';
import { useExampleToolSite } from '../helpers/example-tool-site.js';
import { deepFocus } from '../helpers/widgets-test-site.js';

/**
 * The prompts and surveys of examples/uptake.config.json, end to end: the example tool (served with a
 * strict CSP) loads uptake.js from a real collector, which loads uptake-prompts.js once the person is
 * identified; what the widgets show and what the person does is stored and measured.
 */
const adminToken = 'e2e-admin-token-0123456789';
const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const hostileLabel = '<b onclick="window.__pwned=1">go</b>';

const site = useExampleToolSite(async (toolUrl) => {
  const example = JSON.parse(await readFile(new URL('../../examples/uptake.config.json', import.meta.url), 'utf8'));
  example.tools[0].origins = [toolUrl];
  example.adminToken = adminToken;
  // A prompt whose every string is markup and script: it must show as text, through the whole path.
  example.prompts.push({
    id: 'hostile',
    trigger: { url: '/never-visited' },
    content: { title: hostile, body: hostile, action: { label: hostileLabel, href: '/guides/critique' } },
  });
  return example;
});

/** A person of the example tool (kept in its localStorage) whom each prompt named assigns as wanted (assignment is a hash: we search). */
function person(wanted: Record<string, 'treated' | 'held-out'>, from = 0): { id: string; role: string; team: string } {
  for (let n = from; ; n++) {
    const id = `e2e-${n}`;
    const audience = (prompt: string) => site().config.prompts.find((p) => p.id === prompt)!.audience;
    const fits = Object.entries(wanted).every(
      ([prompt, arm]) => assign(audience(prompt), { userId: id, role: 'professional' }, prompt) === arm,
    );
    if (fits) return { id, role: 'professional', team: 'finance' };
  }
}

interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A fresh browser profile signed in as `user`, collecting page errors and CSP violations. */
async function openTool(user: { id: string; role: string; team: string }): Promise<Session> {
  const context = await site().browser.newContext();
  // Signed in as the tool's backend knows it: its session cookie (examples/serve-example-tool.mjs).
  await context.addCookies([
    { name: 'assistant-user', value: Buffer.from(JSON.stringify(user)).toString('base64url'), url: site().tool.url },
  ]);
  await context.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${site().tool.url}/`);
  await page.waitForFunction(() => typeof (window as { uptake?: { show?: unknown } }).uptake?.show === 'function');
  return { context, page, errors };
}

const stored = (predicate: (events: StoredEvent[]) => boolean) => site().waitForEvents(predicate);

const named = (events: StoredEvent[], name: string, key: string, id: string) =>
  events.filter((e) => e.name === name && e.props[key] === id);

async function askAndReject(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Ask' }).click();
  await page.getByRole('button', { name: 'Reject' }).click();
}

async function metrics(): Promise<{ behaviorCheck: Record<string, unknown> }> {
  const res = await fetch(`${site().collector.url}/v1/metrics`, { headers: { Authorization: `Bearer ${adminToken}` } });
  expect(res.status).toBe(200);
  return res.json();
}

describe('prompts and surveys in the example tool, in real Chromium', () => {
  it('the critique tip appears after two rejected outputs without taking focus; "Show me" logs prompt.clicked and opens the guide', async () => {
    const { context, page, errors } = await openTool(person({ 'critique-tip': 'treated' }));
    await askAndReject(page);
    expect(await page.locator('uptake-prompt').count()).toBe(0);
    await askAndReject(page);
    const card = page.locator('uptake-prompt');
    await card.getByText('Ask it to critique first').waitFor();
    // The card is non-modal: focus stays on what the person last used.
    expect(await deepFocus(page)).toBe('button#reject');
    await card.getByRole('link', { name: 'Show me' }).click();
    await page.waitForURL(`${site().tool.url}/guides/critique`);

    const events = await stored((es) => named(es, 'prompt.clicked', 'promptId', 'critique-tip').length > 0);
    expect(named(events, 'prompt.shown', 'promptId', 'critique-tip')).toHaveLength(1);
    expect(named(events, 'prompt.clicked', 'promptId', 'critique-tip')).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a person in the holdout sees nothing, and prompt.held_out is stored once, when the tip would have shown', async () => {
    const before = named(await site().collector.store.events(), 'prompt.held_out', 'promptId', 'critique-tip').length;
    const { context, page, errors } = await openTool(person({ 'critique-tip': 'held-out' }));
    await askAndReject(page);
    await askAndReject(page);
    await askAndReject(page);
    const events = await stored((es) => named(es, 'prompt.held_out', 'promptId', 'critique-tip').length > before);
    await page.evaluate(() => (window as unknown as { uptake: { flush(): Promise<void> } }).uptake.flush());
    expect(named(await site().collector.store.events(), 'prompt.held_out', 'promptId', 'critique-tip')).toHaveLength(before + 1);
    expect(await page.locator('uptake-prompt').count()).toBe(0);
    expect(
      events.filter(
        (e) => e.name === 'prompt.shown' && e.userId === named(events, 'prompt.held_out', 'promptId', 'critique-tip').at(-1)?.userId,
      ),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the behaviour check around day 90, answered by keyboard alone, is reflected by GET /v1/metrics', async () => {
    // Ten people trained 90 days ago; nine answered already, so the check is suppressed (minGroupSize 10).
    const day90 = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    // Day 90 is also a step of the spaced recap, a prompt, which would come first and use up the day's
    // fatigue cap: this person is in its holdout, so it is logged as held out and the survey shows.
    const me = person({ 'spaced-recap': 'held-out' }, 1000);
    const others = Array.from({ length: 9 }, (_, i) => `e2e-peer-${i}`);
    const imported = await fetch(`${site().collector.url}/v1/import/training`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ rows: [me.id, ...others].map((userId) => ({ user_id: userId, completed_at: day90, program: 'workshop' })) }),
    });
    expect(imported.status).toBe(200);
    const answer = (userId: string, i: number, questionId: string, value: string) => ({
      id: `e2e-answer-${questionId}-${i}`,
      name: 'survey.answered',
      ts: new Date().toISOString(),
      userId,
      anonymousId: `a-${i}`,
      sessionId: `s-${i}`,
      tool: 'assistant',
      props: { surveyId: 'behavior-check', questionId, value },
    });
    // Nine colleagues' answers, seeded by a server-side sender (the admin token): the tool verifies
    // identity, and these pages are not open.
    const peers = await fetch(`${site().collector.url}/v1/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({
        writeKey: 'wk_assistant',
        events: others.flatMap((u, i) => [
          answer(u, i, 'applied', 'yes'),
          answer(u, i, 'example', 'I ask it to critique my drafts first.'),
        ]),
      }),
    });
    expect((await peers.json()).accepted).toBe(18);
    expect((await metrics()).behaviorCheck).toMatchObject({ respondents: null, suppressed: true });

    const { context, page, errors } = await openTool(me);
    const survey = page.locator('uptake-pulse');
    await survey.getByText('Two questions about your AI training').waitFor();
    // Keyboard only: from the page's last control into the survey (its close button, then the answers).
    await page.focus('#ask-button');
    await page.keyboard.press('Tab');
    expect(await deepFocus(page)).toBe('button[close]');
    await page.keyboard.press('Tab');
    expect(await deepFocus(page)).toBe('input=yes');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await deepFocus(page)).toBe('textarea#q[question input]');
    await page.keyboard.type('I now paste my draft and ask it for a critique before I send it.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await deepFocus(page)).toBe('p[thanks]');
    await page.keyboard.press('Tab');
    expect(await deepFocus(page)).toBe('button[done]');
    await page.keyboard.press('Enter');
    await survey.waitFor({ state: 'detached' });
    expect(await deepFocus(page)).toBe('button#ask-button');

    const events = await stored((es) => named(es, 'survey.answered', 'surveyId', 'behavior-check').length >= 20);
    expect(named(events, 'survey.shown', 'surveyId', 'behavior-check')).toHaveLength(1);
    expect(named(events, 'survey.dismissed', 'surveyId', 'behavior-check')).toHaveLength(0);
    expect(named(events, 'prompt.held_out', 'promptId', 'spaced-recap').length).toBeGreaterThan(0);
    expect((await metrics()).behaviorCheck).toEqual({ respondents: 10, applied: 10, rate: 1, failing: false, suppressed: false });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the tool's own button opens a pulse survey through uptake.show, whatever its trigger", async () => {
    const { context, page, errors } = await openTool(person({ 'critique-tip': 'treated' }, 3000));
    expect(await page.locator('uptake-pulse').count()).toBe(0);
    await page.getByRole('button', { name: 'How is AI working for you?' }).click();
    await page.locator('uptake-pulse').getByText('How confident are you using the assistant for your own work?').waitFor();
    // The survey is the last thing on the page: the page's last control, then Tab, reaches it.
    await page.focus('#ask-button');
    await page.keyboard.press('Tab');
    expect(await deepFocus(page)).toBe('button[close]');
    await page.keyboard.press('Escape');
    await page.locator('uptake-pulse').waitFor({ state: 'detached' });
    expect(await deepFocus(page)).toBe('button#ask-button');
    const events = await stored((es) => named(es, 'survey.dismissed', 'surveyId', 'confidence-pulse').length > 0);
    expect(named(events, 'survey.shown', 'surveyId', 'confidence-pulse')).toHaveLength(1);
    expect(named(events, 'survey.dismissed', 'surveyId', 'confidence-pulse').map((e) => e.props['reason'])).toEqual(['escape']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a single-page navigation (pushState) to a url trigger shows a config full of markup and script as literal text, under a strict CSP', async () => {
    const { context, page, errors } = await openTool(person({ 'critique-tip': 'treated' }, 2000));
    // No popstate, no hashchange: Chromium's Navigation API reports it.
    await page.evaluate(() => history.pushState(null, '', '/never-visited'));
    const card = page.locator('uptake-prompt');
    await card.locator('[part~="title"]').waitFor();
    expect(await card.locator('[part~="title"]').textContent()).toBe(hostile);
    expect(await card.locator('[part~="body"]').textContent()).toBe(hostile);
    expect(await card.locator('[part~="action"]').textContent()).toBe(hostileLabel);
    expect(await card.evaluate((el) => el.shadowRoot?.querySelectorAll('img, script, b').length)).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    const events = await stored((es) => named(es, 'prompt.shown', 'promptId', 'hostile').length > 0);
    expect(named(events, 'prompt.shown', 'promptId', 'hostile')).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
