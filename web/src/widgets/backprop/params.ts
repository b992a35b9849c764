// Every weight and bias in a table: its value (editable), ∂E/∂w by
// backpropagation, the same number the slow way — finite differences, two
// forward passes per parameter — and, at the update, w − η ∂E/∂w. A row
// selects its parameter for the chain rule.

import type { BackpropTraceResult } from '../../../generated/mlp-simd.mjs';
import { h } from '../../ui/dom.ts';
import { float32Text, num } from '../../ui/numbers.ts';
import { PHASES, type Param, type Phase } from './settings.ts';

export interface ParamsState {
  params: readonly Param[];
  weights: ArrayLike<number>;
  trace: BackpropTraceResult | null;
  finiteDifferences: Float64Array | null;
  phase: Phase;
  selected: number;
}

export interface ParamsView {
  readonly element: HTMLElement;
  show(st: ParamsState): void;
}

const DIGITS = 6;

export function createParamsView(o: { onEdit(index: number, value: number): void; onSelect(index: number): void }): ParamsView {
  const body = h('tbody');
  const cost = h('p', { class: 'card-note cost' });
  const table = h(
    'table',
    { class: 'params' },
    h('caption', { class: 'visually-hidden' }, 'Weights, their gradients by backpropagation and by finite differences'),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, 'Parameter'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, '∂E/∂w (backprop)'), h('th', { scope: 'col' }, 'Finite difference'), h('th', { scope: 'col' }, 'After update')),
    ),
    body,
  );
  let rows: { tr: HTMLTableRowElement; input: HTMLInputElement; grad: HTMLElement; fd: HTMLElement; next: HTMLElement }[] = [];
  let shape = '';

  function build(params: readonly Param[]): void {
    rows = params.map((p, k) => {
      const input = h('input', { type: 'number', step: 'any', 'aria-label': `Value of ${p.label}`, 'data-param': k });
      input.addEventListener('change', () => {
        const v = Number(input.value);
        if (input.value.trim() !== '' && Number.isFinite(v) && Math.abs(v) <= 1000) o.onEdit(k, v);
        else input.setAttribute('aria-invalid', 'true');
      });
      const pick = h('button', { type: 'button', class: 'pick', 'aria-label': `Show the chain rule for ${p.label}` }, p.label);
      pick.addEventListener('click', () => o.onSelect(k));
      const tr = h('tr', { 'data-param': k }, h('th', { scope: 'row' }, pick), h('td', {}, input), h('td', { 'data-col': 'backprop' }), h('td', { 'data-col': 'finite' }), h('td', { 'data-col': 'next' }));
      body.append(tr);
      const [, , grad, fd, next] = Array.from(tr.children) as HTMLElement[];
      return { tr, input, grad: grad ?? h('td'), fd: fd ?? h('td'), next: next ?? h('td') };
    });
  }

  return {
    element: h('div', {}, h('div', { class: 'params-view' }, table), cost),
    show(st) {
      const key = st.params.map((p) => p.label).join();
      if (key !== shape) {
        body.replaceChildren();
        build(st.params);
        shape = key;
      }
      const at = PHASES.indexOf(st.phase);
      rows.forEach((r, k) => {
        const p = st.params[k];
        if (!p) return;
        const w = st.weights[k] ?? NaN;
        if (document.activeElement !== r.input) r.input.value = String(float32Text(w));
        r.input.removeAttribute('aria-invalid');
        const known = st.trace !== null && at >= PHASES.indexOf(p.layer === 1 ? 'back-output' : 'back-hidden');
        r.grad.textContent = known ? num(st.trace?.gradient[k] ?? NaN, DIGITS) : '';
        r.fd.textContent = known ? num(st.finiteDifferences?.[k] ?? NaN, DIGITS) : '';
        r.next.textContent = st.trace && at >= PHASES.indexOf('update') ? num(st.trace.updated[k] ?? NaN, DIGITS) : '';
        if (k === st.selected) r.tr.setAttribute('aria-current', 'true');
        else r.tr.removeAttribute('aria-current');
      });
      const n = st.params.length;
      cost.textContent = `Backprop: one pass forward and one back give all ${n} gradients. Finite differences, (E(w + h) − E(w − h)) / 2h with h = 10⁻⁵: ${2 * n} forward passes for the same ${n}.`;
    },
  };
}
