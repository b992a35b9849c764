// "Build it by hand": a few units, each with sliders for its slope w, its
// offset θ and its weight α. The sum follows while a slider moves (each move
// asks the core for the curves); the link follows when it is let go.

import { h, uid } from '../../ui/dom.ts';
import { num } from '../../ui/numbers.ts';
import { MAX_HAND_UNITS } from './settings.ts';

interface Param {
  key: 'w' | 'θ' | 'α';
  min: number;
  max: number;
  step: number;
}

const PARAMS: readonly Param[] = [
  { key: 'w', min: -60, max: 60, step: 1 },
  { key: 'θ', min: -60, max: 60, step: 0.5 },
  { key: 'α', min: -2, max: 2, step: 0.05 },
];

export interface HandEditor {
  readonly element: HTMLElement;
  show(values: readonly number[]): void;
}

/** onInput: while dragging (values as they stand); onCommit: let go, or a unit added or removed. */
export function createHandEditor(o: { onInput(values: number[]): void; onCommit(values: number[]): void }): HandEditor {
  let values: number[] = [];
  const list = h('div', { class: 'hand-units' });
  const add = h('button', { type: 'button', class: 'button small', 'data-action': 'add-unit' }, 'Add a unit');
  const remove = h('button', { type: 'button', class: 'button small', 'data-action': 'remove-unit' }, 'Remove the last');
  add.addEventListener('click', () => o.onCommit([...values, 20, -10, 0.5]));
  remove.addEventListener('click', () => o.onCommit(values.slice(0, -3)));
  const element = h(
    'section',
    { class: 'card hand-card', 'aria-label': 'Units built by hand' },
    h('h2', {}, 'Build it by hand: ', h('span', { class: 'math' }, 'α σ(w x + θ)')),
    list,
    h('div', { class: 'button-row' }, add, remove),
    h('p', { class: 'card-note' }, 'Two steep units of opposite α make a bump; bumps side by side make any curve — the idea behind Cybenko’s proof.'),
  );

  function slider(unit: number, p: Param, index: number): HTMLElement {
    const id = uid('hand');
    const input = h('input', { type: 'range', id, min: p.min, max: p.max, step: p.step, value: values[index] ?? 0, 'data-unit': unit + 1, 'data-param': p.key });
    const out = h('output', { for: id }, num(values[index] ?? 0, 3));
    const read = (): number[] => values.map((v, i) => (i === index ? Number(input.value) : v));
    input.addEventListener('input', () => {
      out.textContent = num(Number(input.value), 3);
      o.onInput(read());
    });
    input.addEventListener('change', () => o.onCommit(read()));
    return h('label', { class: 'hand-field', for: id }, h('span', {}, `${p.key}${unit + 1}`), input, out);
  }

  return {
    element,
    show(next) {
      const same = next.length === values.length;
      values = [...next];
      const units = Math.floor(values.length / 3);
      add.disabled = units >= MAX_HAND_UNITS;
      remove.disabled = units <= 1;
      if (same && list.childElementCount === units) {
        // Keep the sliders (and the one being dragged): only their values move.
        list.querySelectorAll('input').forEach((input, i) => {
          if (document.activeElement !== input) input.value = String(values[i] ?? 0);
          const out = input.nextElementSibling;
          if (out) out.textContent = num(values[i] ?? 0, 3);
        });
        return;
      }
      list.replaceChildren(
        ...Array.from({ length: units }, (_, j) => h('div', { class: 'hand-unit', style: `--hue: ${(j * 137.5) % 360}` }, ...PARAMS.map((p, k) => slider(j, p, 3 * j + k)))),
      );
    },
  };
}
