// The line under a widget's controls where a refused request says why (the
// core's message, naming the field), cleared once a request succeeds.

import { h } from '../../ui/dom.ts';
import type { RequestFailure } from './widget.ts';

export interface ErrorLine {
  readonly element: HTMLElement;
  /** Shows a failure; pass it as a request's onError. */
  fail(failure: Pick<RequestFailure, 'message'>): void;
  clear(): void;
}

export function createErrorLine(): ErrorLine {
  const element = h('p', { class: 'form-error', role: 'alert', hidden: true });
  return {
    element,
    fail(f) {
      element.hidden = false;
      element.textContent = f.message;
    },
    clear() {
      element.hidden = true;
      element.textContent = '';
    },
  };
}
