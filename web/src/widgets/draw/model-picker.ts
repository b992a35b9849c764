// Which model reads the digit: its label, and a two-way switch between the
// pretrained model and the user's own once both exist (radio buttons, so the
// arrow keys and screen readers work as they do on any form).

import type { DigitModelKind, DigitModelStatus } from '../../protocol.ts';
import { h, uid } from '../../ui/dom.ts';

export interface ModelPicker {
  readonly element: HTMLElement;
  show(status: DigitModelStatus | null): void;
  /** While a switch is on its way, the choice cannot change again. */
  setBusy(busy: boolean): void;
}

export function createModelPicker(onPick: (kind: DigitModelKind) => void): ModelPicker {
  const name = uid('digit-model');
  const option = (kind: DigitModelKind, text: string): { input: HTMLInputElement; label: HTMLLabelElement } => {
    const input = h('input', { type: 'radio', name, value: kind, class: 'visually-hidden' });
    input.addEventListener('change', () => {
      if (input.checked) onPick(kind);
    });
    return { input, label: h('label', { class: 'segment' }, input, h('span', {}, text)) };
  };
  const pretrained = option('pretrained', 'Pretrained');
  const user = option('user', 'Yours');
  const choice = h(
    'fieldset',
    { class: 'segmented', hidden: true },
    h('legend', { class: 'visually-hidden' }, 'Model that reads the digit'),
    pretrained.label,
    user.label,
  );
  const label = h('span', { class: 'model-label', title: 'The percentage is its accuracy on the 10,000 MNIST test images' });
  const hint = h('span', { class: 'model-hint' });
  const element = h(
    'div',
    { class: 'model-picker' },
    h('p', { class: 'model-line' }, h('span', { class: 'model-key' }, 'Model'), label, hint),
    choice,
  );

  return {
    element,
    show(status) {
      if (!status || status.active === null) {
        label.textContent = status ? 'none loaded' : 'loading…';
        hint.textContent = '';
        choice.hidden = true;
        element.dataset.active = '';
        return;
      }
      label.textContent = status.label;
      element.dataset.active = status.active;
      const both = status.user !== null && status.pretrained.state === 'ready';
      choice.hidden = !both;
      pretrained.input.checked = status.active === 'pretrained';
      user.input.checked = status.active === 'user';
      hint.textContent = status.user ? '' : 'Train one in the Train view and it reads here too.';
    },
    setBusy(busy) {
      choice.disabled = busy;
    },
  };
}
