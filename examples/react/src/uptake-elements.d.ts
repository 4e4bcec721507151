// JSX types for Uptake's custom elements. React 19 sets a custom element's known properties as
// properties (so `survey` takes an object) and turns `on<event-name>` props into event listeners.
import type { ActionDetail, AnswerDetail, RequestCloseDetail, UptakePromptElement, UptakePulseElement } from '@uptake/widgets';
import type { HTMLAttributes, RefAttributes } from 'react';

type Listener<D> = (event: CustomEvent<D>) => void;
type ElementProps<E, K extends keyof E> = Omit<HTMLAttributes<E>, K> & RefAttributes<E> & Partial<Pick<E, K>>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'uptake-prompt': ElementProps<
        UptakePromptElement,
        'promptId' | 'heading' | 'body' | 'actionLabel' | 'actionHref' | 'placement' | 'anchor' | 'strings' | 'theme'
      > & {
        'onuptake-action'?: Listener<ActionDetail>;
        'onuptake-request-close'?: Listener<RequestCloseDetail>;
      };
      'uptake-pulse': ElementProps<UptakePulseElement, 'survey' | 'placement' | 'strings' | 'theme'> & {
        'onuptake-answer'?: Listener<AnswerDetail>;
        'onuptake-request-close'?: Listener<RequestCloseDetail>;
      };
    }
  }
}
