import { afterEach, describe, expect, it } from 'vitest';
import '../src/index.js';
import type { UptakePromptElement } from '../src/index.js';

async function mount(props: Partial<UptakePromptElement>): Promise<UptakePromptElement> {
  const el = Object.assign(document.createElement('uptake-prompt'), props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('<uptake-prompt>', () => {
  it('renders config text as text, never as markup', async () => {
    const el = await mount({ heading: '<img src=x onerror=alert(1)>', body: '<script>alert(1)</script><b>bold</b>' });
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('[part="title"]')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('[part="body"]')?.textContent).toBe('<script>alert(1)</script><b>bold</b>');
  });

  it('emits a bubbling, composed uptake-action with the prompt id', async () => {
    const el = await mount({ promptId: 'critique-tip', heading: 'Ask it to critique first', actionLabel: 'Show me' });
    const seen: CustomEvent[] = [];
    document.body.addEventListener('uptake-action', (e) => seen.push(e as CustomEvent));
    (el.shadowRoot?.querySelector('[part="action"]') as HTMLButtonElement).click();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.detail).toEqual({ promptId: 'critique-tip' });
    expect(seen[0]?.composed).toBe(true);
  });

  it('closes on "Not now" unless the host cancels uptake-request-close', async () => {
    const el = await mount({ promptId: 'p', heading: 'h' });
    const dismiss = () => (el.shadowRoot?.querySelector('[part="dismiss"]') as HTMLButtonElement).click();
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('uptake-request-close', cancel);
    dismiss();
    expect(el.hidden).toBe(false);
    el.removeEventListener('uptake-request-close', cancel);
    dismiss();
    expect(el.hidden).toBe(true);
  });

  it('has no action button without an action label', async () => {
    const el = await mount({ heading: 'h' });
    expect(el.shadowRoot?.querySelector('[part="action"]')).toBeNull();
  });
});
