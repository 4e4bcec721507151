import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { behaviorCheck, deepFocus, events, mountWidget, useWidgetsInChromium } from '../helpers/widgets-test-site.js';

const chromium = useWidgetsInChromium();

async function open(options: { dir?: 'ltr' | 'rtl' } = {}): Promise<Page> {
  const page = await chromium.browser().newPage();
  await page.goto(chromium.site().pageUrl(options));
  return page;
}

describe('widgets with the keyboard, in Chromium', () => {
  it('appearing never steals focus from typing; a whole survey by keyboard; Escape closes; focus returns', async () => {
    const page = await open();
    await page.focus('#typing');
    await page.keyboard.type('Summarise the');
    await mountWidget(page, 'uptake-prompt', {
      promptId: 'critique-tip',
      heading: 'Ask it to critique first',
      body: 'Ask for a critique before you accept.',
      actionLabel: 'Show me',
      actionHref: '/guides/critique',
    });
    await mountWidget(page, 'uptake-pulse', { survey: behaviorCheck });
    await page.keyboard.type(' meeting notes');
    expect(await page.inputValue('#typing')).toBe('Summarise the meeting notes');
    expect(await deepFocus(page)).toBe('textarea#typing');

    // Tab reaches the prompt (after the page's own controls); Escape closes it and hands focus back.
    await page.keyboard.press('Tab');
    expect(await deepFocus(page)).toBe('a[action]');
    await page.keyboard.press('Escape');
    expect(await deepFocus(page)).toBe('textarea#typing');
    expect(await page.locator('uptake-prompt').isHidden()).toBe(true);

    // Into the survey: its close button, then the radio group, where arrows choose.
    await page.keyboard.press('Tab');
    expect(await deepFocus(page)).toBe('button[close]');
    await page.keyboard.press('Tab');
    expect(await deepFocus(page)).toBe('input=yes');
    await page.keyboard.press('ArrowDown');
    expect(await deepFocus(page)).toBe('input=no');
    await page.keyboard.press('ArrowUp');
    expect(await deepFocus(page)).toBe('input=yes');
    await page.keyboard.press('Tab');
    expect(await deepFocus(page)).toBe('button[next]');
    await page.keyboard.press('Enter');
    expect((await events(page)).filter((e) => e.type === 'uptake-answer').map((e) => e.detail)).toEqual([
      { surveyId: 'behavior-check', questionId: 'applied', value: 'yes' },
    ]);

    // The next question takes focus only because the user is already in the survey.
    expect(await deepFocus(page)).toBe('textarea#q[question input]');
    await page.keyboard.type('Too short');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.locator('uptake-pulse [part~="error"]').textContent()).toBe('Please write at least 20 characters.');
    expect(await deepFocus(page)).toBe('textarea#q[question input]');
    await page.keyboard.type(': I asked it to list the risks in my plan.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await deepFocus(page)).toBe('p[thanks]');
    const answers = (await events(page)).filter((e) => e.type === 'uptake-answer').map((e) => e.detail);
    expect(answers[1]).toEqual({
      surveyId: 'behavior-check',
      questionId: 'example',
      value: 'Too short: I asked it to list the risks in my plan.',
    });

    await page.keyboard.press('Escape');
    expect(await page.locator('uptake-pulse').isHidden()).toBe(true);
    expect(await deepFocus(page)).toBe('textarea#typing');
    expect((await events(page)).filter((e) => e.type === 'uptake-request-close').map((e) => e.detail)).toEqual([
      { promptId: 'critique-tip', reason: 'escape' },
      // Escape after the thank-you ends the survey: it is not a dismissal.
      { surveyId: 'behavior-check', reason: 'done' },
    ]);
    await page.close();
  });

  it('a radio group moves with the arrow keys, mirrored in RTL', async () => {
    const survey = { id: 's', questions: [{ id: 'q', type: 'choice', text: 'Which?', options: ['a', 'b', 'c'] }] };
    const arrows = async (dir: 'ltr' | 'rtl') => {
      const page = await open({ dir });
      await mountWidget(page, 'uptake-pulse', { survey }, { placement: 'inline' }, 'inline-host');
      await page.focus('#typing');
      await page.keyboard.press('Tab'); // the close button
      await page.keyboard.press('Tab'); // the first radio
      await page.keyboard.press('ArrowRight');
      const right = await deepFocus(page);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      const left = await deepFocus(page);
      await page.close();
      return [right, left];
    };
    expect(await arrows('ltr')).toEqual(['input=b', 'input=c']);
    expect(await arrows('rtl')).toEqual(['input=c', 'input=b']);
  });
});
