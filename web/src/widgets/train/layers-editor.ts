// The hidden-layer list of the Train form: one row per layer (units and
// activation), add and remove buttons, and an error line per row. Keyboard
// focus stays where the person was when rows come and go.

import type { ActivationName } from '../../../generated/mlp-simd.mjs';
import { h, uid } from '../../ui/dom.ts';
import { ACTIVATION_LABELS, labelled } from '../../vocabulary.ts';
import type { RawSettings } from './checks.ts';

export interface FieldParts {
  input: HTMLInputElement | HTMLSelectElement;
  error: HTMLElement;
}

export interface LayersEditor {
  readonly element: HTMLElement;
  /** The error line of the list as a whole (too many or too few layers). */
  readonly error: HTMLElement;
  read(): RawSettings['layers'];
  write(layers: RawSettings['layers']): void;
  /** Each row's units field, by row. */
  unitFields(): FieldParts[];
}

export function errorSlot(): HTMLElement {
  return h('p', { class: 'field-error', id: uid('train-err'), hidden: true });
}

export function textInput(name: string, mode: 'decimal' | 'numeric', label?: string): HTMLInputElement {
  return h('input', { name, type: 'text', inputmode: mode, autocomplete: 'off', spellcheck: 'false', 'aria-label': label });
}

export function select(name: string, options: readonly { value: string; label: string }[], label?: string): HTMLSelectElement {
  const el = h('select', { name, 'aria-label': label });
  for (const o of options) el.append(h('option', { value: o.value }, o.label));
  return el;
}

export function createLayersEditor(o: {
  activations: readonly ActivationName[];
  minLayers: number;
  maxLayers: number;
  onInput: () => void;
}): LayersEditor {
  const list = h('ol', { class: 'layer-list', 'aria-label': 'Hidden layers' });
  const error = errorSlot();
  list.setAttribute('aria-describedby', error.id);
  const add = h('button', { type: 'button', class: 'button small', 'data-action': 'add-layer' }, '+ Add layer');
  let rows: { row: HTMLElement; units: FieldParts; activation: HTMLSelectElement; remove: HTMLButtonElement }[] = [];
  const options = labelled(o.activations, ACTIVATION_LABELS);

  const read = (): RawSettings['layers'] => rows.map((r) => ({ units: r.units.input.value, activation: r.activation.value }));

  function write(layers: RawSettings['layers']): void {
    rows = layers.map((l, i) => {
      const n = i + 1;
      const units = textInput(`units-${i}`, 'numeric', `Units in hidden layer ${n}`);
      units.value = l.units;
      const activation = select(`activation-${i}`, options, `Activation of hidden layer ${n}`);
      activation.value = l.activation;
      const remove = h(
        'button',
        { type: 'button', class: 'icon-button remove', 'aria-label': `Remove hidden layer ${n}`, title: 'Remove layer' },
        '×',
      );
      const rowError = errorSlot();
      units.setAttribute('aria-describedby', rowError.id);
      const name = h('span', { class: 'layer-name', 'aria-hidden': 'true' }, String(n));
      const row = h('li', { class: 'layer-row' }, name, units, activation, remove, rowError);
      remove.addEventListener('click', () => {
        const current = read();
        current.splice(i, 1);
        write(current);
        // Keep the keyboard where it was: the next row's remove button, or Add.
        (rows[Math.min(i, rows.length - 1)]?.remove ?? add).focus();
        o.onInput();
      });
      return { row, units: { input: units, error: rowError }, activation, remove };
    });
    list.replaceChildren(...rows.map((r) => r.row));
    none.hidden = rows.length > 0;
    head.hidden = rows.length === 0;
    const one = rows.length <= o.minLayers;
    for (const r of rows) r.remove.disabled = one;
    add.disabled = rows.length >= o.maxLayers;
  }

  add.addEventListener('click', () => {
    const current = read();
    const last = current[current.length - 1];
    current.push({ units: last ? last.units : '64', activation: last ? last.activation : 'relu' });
    write(current);
    rows[rows.length - 1]?.units.input.focus();
    o.onInput();
  });

  const head = h('div', { class: 'layers-head', 'aria-hidden': 'true' }, h('span', {}, '#'), h('span', {}, 'Units'), h('span', {}, 'Activation'));
  const none = h('p', { class: 'hint', hidden: true }, 'No hidden layer: the pixels go straight to the ten outputs (softmax regression).');
  const element = h(
    'div',
    { class: 'layers-editor' },
    head,
    list,
    none,
    error,
    h('div', { class: 'layers-foot' }, add, h('span', { class: 'field-hint' }, 'Output: 10 units, softmax')),
  );
  return { element, error, read, write, unitFields: () => rows.map((r) => r.units) };
}
