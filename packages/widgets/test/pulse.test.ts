import { afterEach, describe, expect, it } from 'vitest';
import '../src/index.js';
import type { AnswerDetail, PulseSurvey, RequestCloseDetail, UptakePulseElement } from '../src/index.js';

/** SPEC's behaviour check, as the config declares it. */
const behaviorCheck: PulseSurvey = {
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

async function mount(survey: PulseSurvey, props: Partial<UptakePulseElement> = {}) {
  const el = Object.assign(document.createElement('uptake-pulse'), { survey, ...props });
  const answers: AnswerDetail[] = [];
  const closes: RequestCloseDetail[] = [];
  document.addEventListener('uptake-answer', (e) => answers.push(e.detail));
  el.addEventListener('uptake-request-close', (e) => closes.push(e.detail));
  document.body.append(el);
  await el.updateComplete;
  const $ = <T extends HTMLElement = HTMLElement>(sel: string) => el.shadowRoot?.querySelector<T>(sel) ?? null;
  const $$ = <T extends HTMLElement = HTMLInputElement>(sel: string) => Array.from(el.shadowRoot?.querySelectorAll<T>(sel) ?? []);
  const next = async () => {
    $('[part~="next"]')?.click();
    await el.updateComplete;
  };
  const type = (text: string) => {
    const field = $<HTMLTextAreaElement>('[name="answer"]') as HTMLTextAreaElement;
    field.value = text;
  };
  return { el, answers, closes, $, $$, next, type };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('<uptake-pulse>', () => {
  it('runs the behaviour check out of the box: each answer sent as given, validation, progress, thanks', async () => {
    const { el, answers, $, $$, next, type } = await mount(behaviorCheck);
    expect($('[part~="progress"]')?.textContent).toBe('Question 1 of 2');
    expect($('legend')?.textContent).toContain('did you apply something');
    const radios = $$('input[type="radio"]');
    expect(radios.map((r) => r.value)).toEqual(['yes', 'no']);
    radios[0]!.click();
    await next();
    expect(answers).toEqual([{ surveyId: 'behavior-check', questionId: 'applied', value: 'yes' }]);
    expect($('[part~="progress"]')?.textContent).toBe('Question 2 of 2');
    expect($('[part~="next"]')?.textContent).toBe('Send');

    type('   short   text    ');
    await next();
    expect($('[part~="error"]')?.textContent).toBe('Please write at least 20 characters.');
    expect($('textarea')?.getAttribute('aria-invalid')).toBe('true');
    expect($('textarea')?.getAttribute('aria-describedby')).toBe('error');
    expect(answers).toHaveLength(1);

    type('  I asked it to critique my draft before sending.  ');
    await next();
    expect(answers[1]).toEqual({
      surveyId: 'behavior-check',
      questionId: 'example',
      value: 'I asked it to critique my draft before sending.',
    });
    expect($('[part~="thanks"]')?.textContent).toBe('Thank you for your answers!');
    expect(el.hidden).toBe(false);
  });

  it('renders every question type of SPEC with native controls, and reports typed values', async () => {
    const survey: PulseSurvey = {
      id: 's',
      title: 'Quick pulse',
      questions: [
        { id: 'confidence', type: 'scale', text: 'How confident?', min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'Very' },
        { id: 'recommend', type: 'nps', text: 'Recommend?' },
        { id: 'uses', type: 'multi', text: 'Used for?', options: ['drafting', 'a, b', 'code'] },
        { id: 'hours', type: 'number', text: 'Hours saved per week?', min: 0, max: 40, required: true },
      ],
    };
    const { answers, $, $$, next } = await mount(survey);
    expect($('[part~="title"]')?.textContent).toBe('Quick pulse');
    expect($$('input[type="radio"]').map((r) => r.value)).toEqual(['1', '2', '3', '4', '5']);
    expect($('fieldset')?.getAttribute('aria-describedby')).toBe('ends');
    expect($('[part~="ends"]')?.textContent).toContain('Not at all');
    $$('input[type="radio"]')[3]!.click();
    await next();
    expect($$('input[type="radio"]').map((r) => r.value)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect($$('input[type="radio"]').some((r) => r.checked)).toBe(false); // a fresh group, nothing carried over
    $$('input[type="radio"]')[10]!.click();
    await next();
    const boxes = $$('input[type="checkbox"]');
    boxes[0]!.click();
    boxes[1]!.click();
    await next();
    expect($('[part~="legend"]')?.textContent).toContain('(required)');
    await next();
    expect($('[part~="error"]')?.textContent).toBe('Please answer this question.');
    ($('input[type="number"]') as HTMLInputElement).value = '41';
    await next();
    expect($('[part~="error"]')?.textContent).toBe('Please enter 40 or less.');
    ($('input[type="number"]') as HTMLInputElement).value = '2.5';
    await next();
    expect(answers.map((a) => [a.questionId, a.value])).toEqual([
      ['confidence', 4],
      ['recommend', 10],
      ['uses', '["drafting","a, b"]'],
      ['hours', 2.5],
    ]);
    expect(JSON.parse(answers[2]!.value as string)).toEqual(['drafting', 'a, b']);
  });

  it('an optional question left blank sends nothing and moves on (partial responses count)', async () => {
    const { answers, $, next } = await mount({
      id: 's',
      questions: [
        { id: 'a', type: 'choice', text: 'A?', options: ['x', 'y'] },
        { id: 'b', type: 'text', text: 'B?' },
      ],
    });
    await next();
    expect(answers).toEqual([]);
    expect($('[part~="progress"]')?.textContent).toBe('Question 2 of 2');
  });

  it('config text is shown as text, never as markup', async () => {
    const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const { el, $$ } = await mount({
      id: 's',
      title: evil,
      questions: [{ id: 'q', type: 'choice', text: evil, options: [evil, '<b>b</b>'] }],
    });
    expect(el.shadowRoot?.querySelector('img, script, b')).toBeNull();
    expect(el.shadowRoot?.querySelector('[part~="title"]')?.textContent).toBe(evil);
    expect($$('[part~="option"]').map((o) => o.textContent)).toEqual([evil, '<b>b</b>']);
  });

  it('close asks with reason dismiss, Escape with escape, and both with done after the thanks; cancelable', async () => {
    const { el, closes, $, $$, next } = await mount({ id: 's', questions: [{ id: 'q', type: 'choice', text: 'Q?', options: ['a', 'b'] }] });
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('uptake-request-close', cancel);
    $('[part~="close"]')?.click();
    expect(el.hidden).toBe(false);
    el.removeEventListener('uptake-request-close', cancel);
    $$('input')[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(el.hidden).toBe(true);
    el.hidden = false;
    $$('input')[1]!.click();
    await next();
    $('[part~="done"]')?.click();
    el.hidden = false;
    $('[part~="close"]')?.click();
    el.hidden = false;
    $('[part~="thanks"]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(closes).toEqual([
      { surveyId: 's', reason: 'dismiss' },
      { surveyId: 's', reason: 'escape' },
      { surveyId: 's', reason: 'done' },
      { surveyId: 's', reason: 'done' },
      { surveyId: 's', reason: 'done' },
    ]);
  });

  it('takes the survey as JSON in the attribute, and its strings from lang="fr"', async () => {
    document.body.innerHTML = `<uptake-pulse lang="fr" survey='{"id":"s","questions":[{"id":"q","type":"nps","text":"Q?"}]}'></uptake-pulse>`;
    const el = document.querySelector('uptake-pulse') as UptakePulseElement;
    await el.updateComplete;
    expect(el.survey?.id).toBe('s');
    expect(el.shadowRoot?.querySelector('[part~="progress"]')?.textContent).toBe('Question 1 sur 1');
    expect(el.shadowRoot?.querySelector('[part~="next"]')?.textContent).toBe('Envoyer');
    el.setAttribute('survey', '{not json');
    await el.updateComplete;
    expect(el.survey).toBeNull();
    expect(el.shadowRoot?.querySelector('[part~="base"]')).toBeNull();
  });
});
