import { afterEach, describe, expect, it } from 'vitest';
import '../src/index.js';
import type { RequestCloseDetail, UptakePromptElement } from '../src/index.js';

async function mount(props: Partial<UptakePromptElement>): Promise<UptakePromptElement> {
  const el = Object.assign(document.createElement('uptake-prompt'), props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const part = (el: HTMLElement, name: string) => el.shadowRoot?.querySelector(`[part~="${name}"]`) as HTMLElement | null;

function closes(el: HTMLElement): RequestCloseDetail[] {
  const seen: RequestCloseDetail[] = [];
  el.addEventListener('uptake-request-close', (e) => seen.push(e.detail));
  return seen;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('<uptake-prompt>', () => {
  it('renders config text as text, never as markup', async () => {
    const el = await mount({
      heading: '<img src=x onerror=alert(1)>',
      body: '<script>alert(1)</script><b>bold</b>',
      actionLabel: '<i>go</i>',
    });
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('img, script, b, i')).toBeNull();
    expect(part(el, 'title')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(part(el, 'body')?.textContent).toBe('<script>alert(1)</script><b>bold</b>');
    expect(part(el, 'action')?.textContent).toBe('<i>go</i>');
  });

  it('emits a bubbling, composed, cancelable uptake-action with the prompt id, then asks to close', async () => {
    const el = await mount({ promptId: 'critique-tip', heading: 'Ask it to critique first', actionLabel: 'Show me' });
    const seen: CustomEvent[] = [];
    document.body.addEventListener('uptake-action', (e) => seen.push(e));
    const closed = closes(el);
    part(el, 'action')?.click();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.detail).toEqual({ promptId: 'critique-tip' });
    expect([seen[0]?.composed, seen[0]?.bubbles, seen[0]?.cancelable]).toEqual([true, true, true]);
    expect(closed).toEqual([{ promptId: 'critique-tip', reason: 'action' }]);
    expect(el.hidden).toBe(true);
  });

  it('carries action-event in the uptake-action detail, for the host app to act on', async () => {
    const el = await mount({ promptId: 'critique-tip', heading: 'h', actionLabel: 'Try it' });
    el.setAttribute('action-event', 'open-critique');
    await el.updateComplete;
    const seen: CustomEvent[] = [];
    document.addEventListener('uptake-action', (e) => seen.push(e), { once: true });
    part(el, 'action')?.click();
    expect(seen[0]?.detail).toEqual({ promptId: 'critique-tip', event: 'open-critique' });
  });

  it('renders an http(s) or relative action-href as a link, and drops javascript:', async () => {
    const el = await mount({ promptId: 'p', heading: 'h', actionLabel: 'Show me', actionHref: '/guides/critique' });
    expect(part(el, 'action')?.tagName).toBe('A');
    expect(part(el, 'action')?.getAttribute('href')).toBe('/guides/critique');
    el.actionHref = 'javascript:alert(document.cookie)';
    await el.updateComplete;
    expect(part(el, 'action')?.tagName).toBe('BUTTON');
    expect(el.shadowRoot?.querySelector('a')).toBeNull();
    expect(el.shadowRoot?.innerHTML).not.toContain('javascript:');
  });

  it('cancelling uptake-action stops the link (client-side routing), and the card still closes', async () => {
    const el = await mount({ promptId: 'p', heading: 'h', actionLabel: 'Go', actionHref: 'https://example.com/' });
    el.addEventListener('uptake-action', (e) => e.preventDefault());
    const closed = closes(el);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    part(el, 'action')?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(closed).toEqual([{ promptId: 'p', reason: 'action' }]);
    expect(el.hidden).toBe(true);
  });

  it('"Not now" snoozes and "Don\'t show again" dismisses, unless the host cancels the close', async () => {
    const el = await mount({ promptId: 'p', heading: 'h' });
    const closed = closes(el);
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('uptake-request-close', cancel);
    part(el, 'snooze')?.click();
    expect(el.hidden).toBe(false);
    el.removeEventListener('uptake-request-close', cancel);
    part(el, 'dismiss')?.click();
    expect(el.hidden).toBe(true);
    expect(closed).toEqual([
      { promptId: 'p', reason: 'snooze' },
      { promptId: 'p', reason: 'dismiss' },
    ]);
    expect([part(el, 'snooze')?.textContent, part(el, 'dismiss')?.textContent]).toEqual(['Not now', 'Don’t show again']);
  });

  it('Escape inside the card asks to close with reason escape', async () => {
    const el = await mount({ promptId: 'p', heading: 'h' });
    const closed = closes(el);
    part(el, 'snooze')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(closed).toEqual([{ promptId: 'p', reason: 'escape' }]);
    expect(el.hidden).toBe(true);
  });

  it('has no action without an action label, and is a toast by default', async () => {
    const el = await mount({ heading: 'h' });
    expect(part(el, 'action')).toBeNull();
    expect(el.getAttribute('placement')).toBe('toast');
  });

  it('speaks the nearest lang, and takes strings from the host', async () => {
    document.body.setAttribute('lang', 'fr-CA');
    const el = await mount({ heading: 'h' });
    expect(part(el, 'snooze')?.textContent).toBe('Plus tard');
    el.strings = { dismiss: 'Nie wieder' };
    await el.updateComplete;
    expect(part(el, 'dismiss')?.textContent).toBe('Nie wieder');
    document.body.removeAttribute('lang');
  });

  it('placed next to an anchor through custom properties, never an inline style attribute', async () => {
    const anchor = document.createElement('button');
    anchor.id = 'ask';
    document.body.append(anchor);
    const el = await mount({ heading: 'h', placement: 'anchor', anchor: '#ask' });
    expect(el.style.getPropertyValue('--_uptake-top')).toMatch(/^\d+px$/);
    expect(el.style.getPropertyValue('--_uptake-left')).toMatch(/^\d+px$/);
  });
});
