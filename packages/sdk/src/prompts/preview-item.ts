import { createWidget, type Item } from './create-widget.js';

/**
 * Shows an item now for a studio preview: next to its `selector` element when the page has one, else
 * as a toast, until the person closes it. It logs nothing and journals nothing, so no exposure
 * counts and no cap or holdout changes; the widget's own events still reach the page.
 */
export function previewItem(item: Item): void {
  const selector = item.trigger.selector;
  const el = createWidget(item, (selector && document.querySelector(selector)) || undefined);
  el.addEventListener('uptake-request-close', (e) => queueMicrotask(() => e.defaultPrevented || el.remove()));
  document.body.append(el);
}
