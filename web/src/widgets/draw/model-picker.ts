// Which model reads the digit: the pretrained one, or one of the library
// (a select, so the keyboard and screen readers work as on any form), with
// the label of the model that reads now.

import type { DigitModelStatus } from '../../protocol-digits.ts';
import { digitModelLabel } from '../../model/digit-model.ts';
import type { LibraryModel } from '../../model/library.ts';
import { h, uid } from '../../ui/dom.ts';

export const PRETRAINED = 'pretrained';

export interface ModelPicker {
  readonly element: HTMLElement;
  /** The worker's status (what reads now) and the library's models; `picked` is the option to show selected. */
  show(status: DigitModelStatus | null, models: readonly LibraryModel[], picked: string): void;
  /** While a switch is on its way, the choice cannot change again. */
  setBusy(busy: boolean): void;
}

export function createModelPicker(onPick: (value: string) => void): ModelPicker {
  const select = h('select', { id: uid('digit-model'), name: 'model' });
  select.addEventListener('change', () => onPick(select.value));
  const label = h('span', { class: 'model-label', title: 'The percentage is its accuracy on the 10,000 MNIST test images' });
  const hint = h('span', { class: 'model-hint' });
  const element = h(
    'div',
    { class: 'model-picker' },
    h('p', { class: 'model-line' }, h('span', { class: 'model-key' }, 'Reading with'), label, hint),
    // The label holds only its words, so the select's accessible name is just "Model".
    h('div', { class: 'field model-choice' }, h('span', { class: 'field-row' }, h('label', { for: select.id }, 'Model')), select),
  );

  return {
    element,
    show(status, models, picked) {
      const pretrainedLabel = status?.pretrained.label ?? 'pretrained model';
      select.replaceChildren(
        h('option', { value: PRETRAINED }, `Pretrained: ${pretrainedLabel}`),
        ...models.map((m) => h('option', { value: m.id }, digitModelLabel(m))),
      );
      select.value = picked;
      select.disabled = models.length === 0;
      element.dataset.active = status?.active ?? '';
      label.textContent = !status ? 'loading…' : status.active === null ? 'none loaded' : status.label;
      hint.textContent = models.length === 0 ? 'Train one in the Train view and pick it here.' : '';
    },
    setBusy(busy) {
      select.disabled = busy;
    },
  };
}
