// The truth table: each input row, the gate's target, and what each model
// says. Correct and wrong are marked with a symbol as well as a colour.

import { GATE_INPUTS, type GateName } from '../../protocol.ts';
import { h } from '../../ui/dom.ts';
import { GATE_LABELS, gateTargets } from './gates.ts';

export interface TruthTable {
  readonly element: HTMLElement;
  setGate(gate: GateName): void;
  /** The perceptron's 0/1 outputs, or null before it ran. */
  setPerceptron(predictions: Int32Array | null): void;
  /** The MLP's output probabilities, rows × 2 (P(0), P(1)), or null. */
  setMlp(probabilities: Float32Array | null): void;
}

interface Row {
  target: HTMLElement;
  perceptron: HTMLElement;
  mlp: HTMLElement;
  probability: HTMLElement;
  bar: HTMLElement;
}

function verdict(cell: HTMLElement, value: number | null, target: number): void {
  if (value === null) {
    cell.replaceChildren(h('span', { class: 'pred empty' }, '–'));
    cell.removeAttribute('data-correct');
    return;
  }
  const ok = value === target;
  cell.dataset.correct = String(ok);
  cell.replaceChildren(
    h('span', { class: 'pred' }, String(value)),
    h('span', { class: 'mark', title: ok ? 'correct' : 'wrong' }, ok ? '✓' : '✗'),
    h('span', { class: 'visually-hidden' }, ok ? ' correct' : ' wrong'),
  );
}

export function createTruthTable(): TruthTable {
  const caption = h('caption', {}, 'Truth table');
  const body = h('tbody');
  const rows: Row[] = GATE_INPUTS.map(([a, b]) => {
    const r: Row = {
      target: h('td', { 'data-col': 'target' }),
      perceptron: h('td', { 'data-col': 'perceptron' }),
      mlp: h('td', { 'data-col': 'mlp' }),
      probability: h('td', { 'data-col': 'probability', class: 'prob' }),
      bar: h('span', { class: 'bar' }),
    };
    body.append(h('tr', {}, h('td', {}, String(a)), h('td', {}, String(b)), r.target, r.perceptron, r.mlp, r.probability));
    return r;
  });
  const table = h(
    'table',
    { class: 'truth-table' },
    caption,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'x₁'),
        h('th', { scope: 'col' }, 'x₂'),
        h('th', { scope: 'col' }, 'Target'),
        h('th', { scope: 'col' }, 'Perceptron'),
        h('th', { scope: 'col' }, 'MLP'),
        h('th', { scope: 'col' }, 'MLP P(1)'),
      ),
    ),
    body,
  );

  let targets = gateTargets('xor');
  let perceptron: Int32Array | null = null;
  let mlp: Float32Array | null = null;

  function render(): void {
    rows.forEach((r, i) => {
      const t = targets[i] ?? 0;
      r.target.textContent = String(t);
      verdict(r.perceptron, perceptron ? (perceptron[i] ?? null) : null, t);
      if (!mlp) {
        verdict(r.mlp, null, t);
        r.probability.replaceChildren(h('span', { class: 'pred empty' }, '–'));
        return;
      }
      const p1 = mlp[2 * i + 1] ?? NaN;
      const p0 = mlp[2 * i] ?? NaN;
      verdict(r.mlp, p1 > p0 ? 1 : 0, t); // argmax, as the core's predictLabels
      r.bar.style.setProperty('--p', String(Number.isFinite(p1) ? p1 : 0));
      r.probability.replaceChildren(h('span', { class: 'num' }, p1.toFixed(3)), r.bar);
    });
  }

  render();
  return {
    element: table,
    setGate(gate) {
      targets = gateTargets(gate);
      caption.textContent = `Truth table: ${GATE_LABELS[gate]}`;
      render();
    },
    setPerceptron(p) {
      perceptron = p;
      render();
    },
    setMlp(p) {
      mlp = p;
      render();
    },
  };
}
