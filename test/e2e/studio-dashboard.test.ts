import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { studioClient } from '../../packages/collector/test/studio/studio-client.js';
import { axeViolations } from '../helpers/axe-violations.js';
import { useExampleToolSite } from '../helpers/example-tool-site.js';

const adminToken = 'e2e-admin-token-0123456789';
const site = useExampleToolSite((toolUrl) => ({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identitySecret: 'e2e-identity-secret-0123', origins: [toolUrl] }],
  adminToken,
  fatigue: { perDay: 20, perWeek: 50 },
  prompts: [{ id: 'file-tip', trigger: { event: 'ai.request' }, content: { title: 'A tip from the config file' } }],
  // Never due on the tool: its answers are written to the store by the results test.
  surveys: [
    {
      id: 'file-pulse',
      trigger: { event: 'never.happens' },
      questions: [
        { id: 'confidence', type: 'scale', text: 'How confident?' },
        { id: 'recommend', type: 'nps', text: 'Recommend?' },
        { id: 'comment', type: 'text', text: 'Anything else?' },
      ],
    },
  ],
}));

const studioViolations = (page: Page) => axeViolations(page, '#studio');

async function openStudio(): Promise<{ page: Page; problems: string[] }> {
  const page = await site().browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('console', (m) => m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && problems.push(`console: ${m.text()}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  await page.goto(`${site().collector.url}/dashboard/`);
  await page.getByLabel('Admin token').fill(adminToken);
  await page.getByLabel('Admin token').press('Enter');
  await page.getByRole('heading', { name: 'Prompts and surveys' }).waitFor();
  return { page, problems };
}

describe('the studio in the dashboard, in Chromium', () => {
  it('creates a tip anchored to the tool’s Ask button, previews it, publishes it, edits it; errors sit next to their field', async () => {
    const { page, problems } = await openStudio();
    const studio = page.locator('#studio');
    await studio.getByRole('button', { name: 'A tip from the config file' }).waitFor();
    expect(await studioViolations(page)).toEqual([]);

    await studio.getByRole('button', { name: 'New prompt' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('New prompt');
    // A save with nothing filled in: each problem next to its field, focus on the first.
    await studio.getByRole('button', { name: 'Save draft' }).press('Enter');
    await expect.poll(() => studio.getByRole('status').innerText()).toContain('fix the fields marked in red');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('studio-id');
    expect(await studio.locator('#studio-id-error').innerText()).toMatch(/expected 1–64 characters/);
    expect(await studio.locator('#studio-content-title-error').innerText()).toMatch(/>=1 characters/);
    expect(await studio.getByLabel('Title').getAttribute('aria-describedby')).toContain('studio-content-title-error');
    expect(await studioViolations(page)).toEqual([]);

    await studio.locator('#studio-id').fill('ask-tip');
    await studio.getByLabel('Title', { exact: true }).fill('<img src=x onerror="window.__pwned=1">Ask for a critique');
    await studio.getByLabel('Text', { exact: true }).fill('Paste your draft and ask what is weak.');
    await studio.getByLabel('Element of the tool (CSS selector)').fill('#ask-button');
    await studio.getByLabel('When the person').selectOption('click');
    await studio.getByLabel('Pages (glob)').fill('');
    await studio.getByLabel('Pages (glob)').press('Tab');
    // The real widget previews the draft, its text as text, in dark and in French too.
    const preview = studio.locator('.studio-preview uptake-prompt');
    await preview.getByText('<img src=x onerror="window.__pwned=1">Ask for a critique').waitFor();
    // The reach estimate follows the trigger: an element of the page cannot be estimated, in words.
    await expect
      .poll(() => studio.locator('.studio-reach').innerText())
      .toMatch(/^Reaches fewer than \d+ people now: .*the selector trigger \(click on #ask-button\) cannot be estimated/);
    await studio.getByLabel('Dark').check();
    await studio.getByLabel('fr', { exact: true }).check();
    expect(await preview.getAttribute('theme')).toBe('dark');
    await preview.getByRole('button', { name: 'Plus tard' }).waitFor();
    await studio.getByRole('button', { name: 'Save draft' }).press('Enter');
    await expect.poll(() => studio.getByRole('status').innerText()).toBe('Saved as version 1.');
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(await studioViolations(page)).toEqual([]);

    // Preview on the tool: a link that shows it there and logs nothing.
    await studio.getByRole('button', { name: 'Preview on the tool' }).press('Enter');
    const link = studio.getByRole('link', { name: 'Open the preview on assistant' });
    const tool = await site().browser.newPage();
    await tool.goto((await link.getAttribute('href')) as string);
    await tool.locator('uptake-prompt').getByText('Ask for a critique').waitFor();

    await studio.getByRole('button', { name: 'Publish' }).press('Enter');
    await expect.poll(() => studio.getByRole('status').innerText()).toContain('Published');
    // An edit is a draft: the diff against the live version says what changed.
    await studio.getByLabel('Title', { exact: true }).fill('Ask it to critique your draft');
    await studio.getByRole('button', { name: 'Save draft' }).press('Enter');
    await expect.poll(() => studio.getByRole('status').innerText()).toContain('version 3');
    const diff = studio.locator('.studio-diff');
    await diff.getByText('content.title').waitFor();
    expect(await diff.innerText()).toContain('Ask it to critique your draft');
    expect(await studioViolations(page)).toEqual([]);
    await studio.getByRole('button', { name: 'Publish the changes' }).press('Enter');
    await expect.poll(() => studio.getByRole('status').innerText()).toContain('Published');

    // On the tool, with no restart: the next load, a click on Ask, the new text next to the button.
    await tool.goto(`${site().tool.url}/`);
    await tool.getByRole('button', { name: 'Ask' }).click();
    await tool.locator('uptake-prompt').getByText('Ask it to critique your draft').waitFor();
    expect(await tool.locator('uptake-prompt').evaluate((el) => (el as unknown as { placement: string }).placement)).toBe('anchor');
    const events = await site().waitForEvents((es) => es.some((e) => e.name === 'prompt.shown'));
    expect(events.filter((e) => e.name === 'prompt.shown').map((e) => e.props['promptId'])).toEqual(['ask-tip']);

    await studio.getByRole('button', { name: 'Back to the list' }).press('Enter');
    const row = studio.getByRole('row', { name: /ask-tip/ });
    expect(await row.innerText()).toMatch(/Live\s+4\s+studio/);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await tool.close();
    await page.close();
  });

  it('with the keyboard alone: a new tip typed, saved with Enter, published', async () => {
    const { page, problems } = await openStudio();
    const focused = () => page.evaluate(() => ({ id: document.activeElement?.id, text: document.activeElement?.textContent?.trim() }));
    /** Presses Tab until the focused element's text is `text` (a button), at most 80 times. */
    const tabTo = async (text: string) => {
      for (let i = 0; i < 80 && (await focused()).text !== text; i++) await page.keyboard.press('Tab');
      expect((await focused()).text).toBe(text);
    };
    await tabTo('New prompt');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('studio-editor-title');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('studio-id');
    await page.keyboard.type('keyboard-tip');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('studio-content-title');
    await page.keyboard.type('Typed with the keyboard');
    // Enter in a field submits the form: the draft is saved.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#studio').getByRole('status').innerText()).toBe('Saved as version 1.');
    await tabTo('Publish');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#studio').getByRole('status').innerText()).toContain('Published');
    expect((await studioClient(site().collector.url, adminToken).get('prompts', 'keyboard-tip')).body).toMatchObject({
      status: 'live',
      version: 2,
    });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('edits a survey with every question type, and shows the config file’s items read-only', async () => {
    const { page, problems } = await openStudio();
    const studio = page.locator('#studio');
    await studio.getByRole('button', { name: 'New survey' }).click();
    await studio.locator('#studio-id').fill('every-type');
    await studio.getByLabel('Question', { exact: true }).fill('How confident are you?');
    const types = ['nps', 'choice', 'multi', 'text', 'number'];
    for (const [i, type] of types.entries()) {
      await studio.getByRole('button', { name: 'Add a question' }).click();
      const q = studio.locator('.studio-question').nth(i + 1);
      await q.getByLabel('Type').selectOption(type);
      await q.getByLabel('Question', { exact: true }).fill(`A ${type} question?`);
      if (type === 'choice' || type === 'multi') await q.getByLabel('Options').fill('yes\nno');
    }
    // A scale whose lowest is not below its highest: refused by the schema, next to the field.
    const scale = studio.locator('.studio-question').first();
    await scale.getByLabel('Lowest value').fill('5');
    await scale.getByLabel('Lowest value').press('Tab');
    await expect.poll(() => scale.locator('.field-error').allInnerTexts()).toEqual(['expected more than min (5); max is 5']);
    expect(await studioViolations(page)).toEqual([]);
    await scale.getByLabel('Lowest value').fill('1');
    await scale.getByLabel('Lowest value').press('Tab');
    // Asked again a quarter after each answer (a recurring survey).
    await studio.getByLabel('Ask again, days after the last answer').fill('90');
    await studio.getByLabel('Ask again, days after the last answer').press('Tab');
    await studio.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => studio.getByRole('status').innerText()).toBe('Saved as version 1.');
    await studio.locator('.studio-preview uptake-pulse').getByText('How confident are you?').waitFor();
    // The reach estimate of the survey's training window, asked again when the audience changes.
    const reach = studio.locator('.studio-reach');
    await expect.poll(() => reach.innerText()).toMatch(/Reaches fewer than \d+ people now[\s\S]*on day 14–28 after training today/);
    await studio.getByLabel('Teams').fill('sales, legal');
    await studio.getByLabel('Teams').press('Tab');
    await expect.poll(() => reach.innerText()).toContain('team (their latest identify traits) one of sales, legal');
    expect(await studioViolations(page)).toEqual([]);
    const saved = await studioClient(site().collector.url, adminToken).get('surveys', 'every-type');
    expect((saved.body['draft'] as { questions: { type: string }[] }).questions.map((q) => q.type)).toEqual(['scale', ...types]);
    expect(saved.body['draft']).toMatchObject({ recurrence: { everyDays: 90 } });

    await studio.getByRole('button', { name: 'Back to the list' }).click();
    await studio.getByRole('button', { name: 'A tip from the config file' }).click();
    await studio.getByText('From the config file: read-only here').waitFor();
    expect(await studio.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    expect(await studio.getByLabel('Title', { exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await studioViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows an item’s results from the list: headline, distributions, weeks, text answers as text; axe finds nothing', async () => {
    const answers = Array.from({ length: 12 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 0, 5 + (i % 3) * 7, 12));
      const base = { ts: at, receivedAt: at, userId: `person-${i}`, anonymousId: null, sessionId: null, tool: 'assistant' };
      const answer = (questionId: string, value: unknown, k: number) => ({
        ...base,
        id: `results-e2e-${i}-${k}`,
        name: 'survey.answered',
        props: { surveyId: 'file-pulse', questionId, value },
      });
      return [
        { ...base, id: `results-e2e-${i}-0`, name: 'survey.shown', props: { surveyId: 'file-pulse' } },
        answer('confidence', 1 + (i % 5), 1),
        answer('recommend', i % 11, 2),
        answer('comment', `<b>bold ${i}</b> stays text`, 3),
      ];
    }).flat();
    await site().collector.store.insert(answers as never);
    const { page, problems } = await openStudio();
    const studio = page.locator('#studio');
    const row = studio.getByRole('row', { name: /file-pulse/ });
    await expect.poll(() => row.innerText()).toContain('12 answered (100%)');
    await row.getByRole('button', { name: 'Results of file-pulse' }).press('Enter');
    await studio.getByRole('heading', { name: 'Results of file-pulse' }).waitFor();
    expect(await studio.innerText()).toContain('12 of 12 people shown answered (100%)');
    await studio.getByRole('table', { name: 'confidence: people per answer' }).waitFor();
    await studio.getByRole('button', { name: 'Read the answers to comment' }).press('Enter');
    const list = studio.getByRole('list', { name: 'Answers to comment' });
    await list.getByText('<b>bold 3</b> stays text', { exact: false }).waitFor();
    expect(await studio.locator('b').count()).toBe(0);
    expect(await studioViolations(page)).toEqual([]);
    await studio.getByRole('button', { name: 'Back to the list' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Results of file-pulse');
    expect(problems).toEqual([]);
    await page.close();
  });
});
