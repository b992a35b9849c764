// One parameter's chain rule written out with the core's numbers, as the
// seed writes it: for a weight into the output, ∂E/∂wⱼᵢ = ∂E/∂xᵢ · ∂xᵢ/∂sᵢ ·
// ∂sᵢ/∂wⱼᵢ; for one into the hidden layer, the same with ∂E/∂xⱼ = Σᵢ ∂E/∂sᵢ wⱼᵢ
// carried back. Beside it the finite difference (the slow way) and, at the
// update, the new value.

import type { BackpropTraceResult } from '../../../generated/mlp-simd.mjs';
import { h } from '../../ui/dom.ts';
import { factor, num } from '../../ui/numbers.ts';
import { PHASES, unitName, type OutputKind, type Param, type Phase } from './settings.ts';

export interface ChainState {
  param: Param | undefined;
  index: number;
  weight: number;
  trace: BackpropTraceResult | null;
  finiteDifferences: Float64Array | null;
  phase: Phase;
  out: OutputKind;
  lr: number;
}

export interface ChainView {
  readonly element: HTMLElement;
  show(st: ChainState): void;
}

const DIGITS = 6;

export function createChainView(): ChainView {
  const title = h('p', { class: 'chain-title' });
  const formula = h('p', { class: 'chain-line', 'data-chain': 'formula' });
  const where = h('p', { class: 'chain-line where', 'data-chain': 'where' });
  const compare = h('p', { class: 'chain-line', 'data-chain': 'compare' });
  const update = h('p', { class: 'chain-line', 'data-chain': 'update' });
  const element = h('div', { class: 'chain', 'aria-live': 'off' }, title, formula, where, compare, update);

  return {
    element,
    show({ param: p, index, weight, trace, finiteDifferences, phase, out, lr }) {
      if (!p) return;
      title.textContent = `The chain rule for ${p.label} = ${num(weight)}`;
      const reached = PHASES.indexOf(phase) >= PHASES.indexOf(p.layer === 1 ? 'back-output' : 'back-hidden');
      const lt = trace?.layers[p.layer];
      if (!trace || !lt || !reached) {
        formula.textContent = `Step on to the backward pass through the ${p.layer === 1 ? 'output' : 'hidden'} layer to see ∂E/∂${p.kind}.`;
        where.textContent = '';
        compare.textContent = '';
        update.textContent = '';
        return;
      }
      const i = p.to;
      const unit = unitName(p.layer, i);
      const below = p.kind === 'b' ? 1 : p.layer === 0 ? (trace.input[p.from] ?? NaN) : (trace.layers[0]?.x[p.from] ?? NaN);
      const belowName = p.kind === 'b' ? '1' : `x(${unitName(p.layer === 0 ? -1 : 0, p.from)})`;
      const g = trace.gradient[index] ?? NaN;
      const dEdx = lt.dEdx[i] ?? NaN;
      const dxds = lt.dxds[i] ?? NaN;
      const dEds = lt.dEds[i] ?? NaN;
      const coupled = p.layer === 1 && out === 'softmax';
      const ds = p.kind === 'b' ? '∂s/∂b' : '∂s/∂w';
      // Softmax couples its outputs: ∂E/∂s is the whole Jacobian's product, x − t, not the diagonal's.
      formula.textContent = coupled
        ? `∂E/∂${p.kind} = ∂E/∂s · ${ds} = ${factor(dEds, DIGITS)} · ${factor(below)} = ${num(g, DIGITS)}`
        : `∂E/∂${p.kind} = ∂E/∂x · ∂x/∂s · ${ds} = ${factor(dEdx, DIGITS)} · ${factor(dxds, DIGITS)} · ${factor(below)} = ${num(g, DIGITS)}`;
      const upstream = coupled
        ? `∂E/∂s = x − t at ${unit} (softmax couples its outputs)`
        : p.layer === 1
          ? `∂E/∂x, ∂x/∂s at ${unit}`
          : `∂E/∂x = Σᵢ ∂E/∂sᵢ · w(${unit}→oᵢ) and ∂x/∂s at ${unit}`;
      // ∂s/∂w, the edge's local derivative, is the value flowing along it: xⱼ of the unit below.
      where.textContent = `where ${upstream}; ${ds} = ${belowName}${p.kind === 'b' ? '' : ` = ${num(below, DIGITS)}`}.`;
      const fd = finiteDifferences?.[index];
      compare.replaceChildren(
        'Backprop: ',
        h('output', { 'data-value': 'backprop' }, num(g, DIGITS)),
        ' · finite difference: ',
        h('output', { 'data-value': 'finite' }, fd === undefined ? '—' : num(fd, DIGITS)),
      );
      update.textContent =
        PHASES.indexOf(phase) >= PHASES.indexOf('update') && trace.updated[index] !== undefined
          ? `Update: ${p.kind} ← ${p.kind} − η ∂E/∂${p.kind} = ${num(weight)} − ${num(lr)} · ${factor(g, DIGITS)} = ${num(trace.updated[index] ?? NaN)}`
          : '';
    },
  };
}
