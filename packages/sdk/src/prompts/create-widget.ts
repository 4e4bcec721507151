import type { PulseSurvey } from '@uptake/widgets';
import type { PromptItem, SurveyItem } from './types.js';

/** A prompt or a survey, told apart by what it carries. */
export type Item = PromptItem | SurveyItem;

export const isSurvey = (item: Item): item is SurveyItem => 'questions' in item;

/** The element that shows an item. */
export const widgetTag = (item: Item): 'uptake-pulse' | 'uptake-prompt' => (isSurvey(item) ? 'uptake-pulse' : 'uptake-prompt');

/**
 * The widget for an item: `<uptake-pulse>` for a survey, `<uptake-prompt>` for a prompt, next to
 * `anchor` (the element a `selector` trigger fired on) or as a toast. Config text goes into
 * properties, which the widgets render as text, never as HTML.
 */
export function createWidget(item: Item, anchor: Element | undefined): HTMLElement {
  if (isSurvey(item)) return Object.assign(document.createElement(widgetTag(item)), { survey: item satisfies PulseSurvey });
  const { title, body, action } = item.content;
  return Object.assign(document.createElement('uptake-prompt'), {
    promptId: item.id,
    heading: title,
    body,
    actionLabel: action?.label ?? '',
    actionHref: action?.href ?? '',
    actionEvent: action?.event ?? '',
    placement: anchor ? 'anchor' : 'toast',
    anchor: anchor ?? null,
  });
}
