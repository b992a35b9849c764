// Rosenblatt's rule with the numbers of the step just taken, written as the
// seed writes it: ŷ = step(w·x̂), then w ← w + η (y − ŷ) x̂. Every number is
// the core's (its z, ŷ, error, Δw and new w); this file only lays them out.

import type { PerceptronWalk } from '../../../generated/mlp-simd.mjs';
import { h } from '../../ui/dom.ts';
import { factor, num, vec } from '../../ui/numbers.ts';

export interface RuleView {
  readonly element: HTMLElement;
  /** The walk, how many of its steps are taken (0: none), the rows and η. */
  show(walk: PerceptronWalk | null, taken: number, rows: number, eta: string): void;
}

const slice = (a: Float32Array, k: number, n: number): Float32Array => a.subarray(k * n, k * n + n);

export function createRuleView(): RuleView {
  const where = h('p', { class: 'where', 'data-rule': 'where' });
  const predict = h('p', { class: 'line', 'data-rule': 'predict' });
  const error = h('p', { class: 'line', 'data-rule': 'error' });
  const update = h('p', { class: 'line update', 'data-rule': 'update' });
  const change = h('p', { class: 'line', 'data-rule': 'change' });
  const before = h('span', { 'data-rule': 'before' });
  const delta = h('span', { 'data-rule': 'delta' });
  const after = h('span', { 'data-rule': 'after' });
  const weights = h('output', { class: 'weights', 'data-weights': '' });
  const element = h(
    'div',
    { class: 'rule-view' },
    where,
    predict,
    error,
    update,
    change,
    h('p', { class: 'now' }, h('span', { class: 'label' }, 'Weights now: w = (w₀, w₁, w₂) = '), weights),
  );

  return {
    element,
    show(walk, taken, rows, eta) {
      const n = (walk?.inputs ?? 2) + 1;
      const k = taken - 1;
      weights.textContent = walk && k >= 0 ? vec(slice(walk.after, k, n)) : vec(new Float32Array(n));
      if (!walk || k < 0) {
        where.textContent = 'Weights start at zero. Step to present the first example.';
        for (const line of [predict, error, update, change]) line.replaceChildren();
        return;
      }
      const xHat = slice(walk.xHat, k, n);
      const w = slice(walk.before, k, n);
      const y = walk.target[k] ?? 0;
      const yHat = walk.predicted[k] ?? 0;
      const err = walk.error[k] ?? 0;
      where.textContent = `Epoch ${(walk.epoch[k] ?? 0) + 1}, example ${(walk.example[k] ?? 0) + 1} of ${rows}: x̂ = ${vec(xHat)}, y = ${y}`;
      const terms = Array.from(w, (wj, j) => `${factor(wj)}·${factor(xHat[j] ?? 0)}`).join(' + ');
      const z = walk.z[k] ?? 0;
      predict.textContent = `w·x̂ = ${terms} = ${num(z)} → ŷ = step(${num(z)}) = ${yHat}${z === 0 ? ' (on the line: step(0) = 1 by convention)' : ''}`;
      error.textContent = `y − ŷ = ${y} − ${yHat} = ${num(err)}${err === 0 ? ': right, no update' : ': wrong, update'}`;
      before.textContent = vec(w);
      delta.textContent = vec(slice(walk.delta, k, n));
      after.textContent = vec(slice(walk.after, k, n));
      // w before, Δw and w after are each the core's vectors.
      update.replaceChildren('w ← w + η(y − ŷ)x̂ = ', before, ` + ${eta}·${factor(err)}·${vec(xHat)} = `, after);
      change.replaceChildren('Δw = ', delta);
    },
  };
}
