/** Why a widget asks to close: the user's choice, or the end of its job. */
export type CloseReason = 'snooze' | 'dismiss' | 'escape' | 'action' | 'done';

/** `uptake-answer`: one answer, sent as soon as it is given (partial responses count). */
export interface AnswerDetail {
  surveyId: string;
  questionId: string;
  /** A number for `scale`, `nps` and `number`; the option for `choice`; the text for `text`; a JSON array of options for `multi`. */
  value: string | number;
}

/** `uptake-action`: the user chose the prompt's action. Cancel it to stop the link's navigation. */
export interface ActionDetail {
  promptId: string;
  /** The link followed, when the action is a link. */
  href?: string;
  /** The name the host app acts on, when the prompt's action names one (`action-event`). */
  event?: string;
}

/** `uptake-request-close`: the user asked to close the widget. Cancel it to keep the widget open. */
export interface RequestCloseDetail {
  /** Set by `<uptake-prompt>`. */
  promptId?: string;
  /** Set by `<uptake-pulse>`. */
  surveyId?: string;
  reason: CloseReason;
}

/** Every event the widgets emit, by name. */
export interface UptakeEventDetails {
  'uptake-answer': AnswerDetail;
  'uptake-action': ActionDetail;
  'uptake-request-close': RequestCloseDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'uptake-answer': CustomEvent<AnswerDetail>;
    'uptake-action': CustomEvent<ActionDetail>;
    'uptake-request-close': CustomEvent<RequestCloseDetail>;
  }
}

/**
 * Dispatches a widget event from `el`: bubbling and composed, so a listener on `document` hears it
 * through the shadow root. Returns `false` when a listener cancelled it (only cancelable events can be).
 */
export function emit<K extends keyof UptakeEventDetails>(
  el: HTMLElement,
  name: K,
  detail: UptakeEventDetails[K],
  cancelable = false,
): boolean {
  return el.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable, detail }));
}
