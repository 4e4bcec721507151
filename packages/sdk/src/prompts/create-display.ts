import { warn } from '../client/warn.js';
import { redact } from '../privacy/sanitize-props.js';
import { surveyValueMaxLength } from '../protocol/limits.js';
import type { Props } from '../types.js';
import { createWidget, type Item, widgetTag } from './create-widget.js';

/** What the person did with a widget, as the event's name after `prompt.`/`survey.` and its props. */
export type Report = (item: Item, what: 'shown' | 'clicked' | 'answered' | 'dismissed', props?: Props) => void;

/** The screen of the prompts runtime: one widget at a time. */
export interface Display {
  /** The id of the item on screen, or waiting for the widgets to load; `undefined` when nothing is. */
  showing(): string | undefined;
  /** Shows `item` (next to `anchor`), replacing what is on screen; `report` hears `shown` and what the person does. */
  show(item: Item, anchor?: Element): void;
  /** Removes what is on screen; nothing shows afterwards. */
  stop(): void;
}

/**
 * Shows the widgets and turns what the person does into reports: `shown`, `clicked`, each answer,
 * `dismissed` (with its reason). Where the build left the widgets out (the script tag), `widgets`
 * loads them before the first show. A preview (the studio) is a display whose `report` does nothing.
 */
export function createDisplay(report: Report, widgets: (() => Promise<unknown>) | undefined): Display {
  let current: { el: HTMLElement; id: string } | undefined;
  let waiting: string | undefined;
  let stopped = false;

  const close = (el: HTMLElement): void => {
    el.remove();
    if (current?.el === el) current = undefined;
  };

  const show = (item: Item, anchor?: Element): void => {
    if (stopped) return;
    if (!customElements.get(widgetTag(item))) {
      // Without them (an older uptake.js, cached, does not load them) nothing shows: no show nobody saw is logged.
      waiting = item.id;
      (widgets?.() ?? Promise.reject()).then(
        () => {
          waiting = undefined;
          show(item, anchor);
        },
        () => {
          waiting = undefined;
          warn('prompts: the widgets did not load; nothing is shown');
        },
      );
      return;
    }
    if (current) close(current.el);
    const el = createWidget(item, anchor);
    el.addEventListener('uptake-action', () => report(item, 'clicked'));
    el.addEventListener('uptake-answer', (e) => {
      const { questionId, value } = e.detail;
      report(item, 'answered', { questionId, value: typeof value === 'string' ? redact(value, surveyValueMaxLength) : value });
    });
    el.addEventListener('uptake-request-close', (e) => {
      const { reason } = e.detail;
      // A listener of the host page further up may cancel the close: judge once the event is through.
      queueMicrotask(() => {
        if (e.defaultPrevented) return;
        close(el);
        // The action was logged as a click, the end of a survey by its answers.
        if (reason === 'action' || reason === 'done') return;
        // "Don't show again" ends a prompt; closing a survey, "Not now" and Escape wait for the cooldown (exposureAction).
        report(item, 'dismissed', { reason });
      });
    });
    current = { el, id: item.id };
    document.body.append(el);
    report(item, 'shown');
  };

  return {
    showing: () => current?.id ?? waiting,
    show,
    stop() {
      stopped = true;
      if (current) close(current.el);
    },
  };
}
