// Hebb's rule beside Rosenblatt's, one presentation at a time: the rows of a
// gate are shown in turn, Hebb's unit (its output clamped to the target)
// grows Δw = η y x̂, the perceptron changes by Δw = η (y − ŷ) x̂. The bars
// show both weight vectors on one scale: Hebb's only lengthen. The chart
// counts the rows each unit gets right. Every number comes from the core.

import type { HebbVsPerceptronResult } from '../../../generated/mlp-simd.mjs';
import { createLineChart } from '../../plots/line-chart.ts';
import { GATE_INPUTS } from '../../protocol.ts';
import { h } from '../../ui/dom.ts';
import { factor, num, vec } from '../../ui/numbers.ts';
import { s } from '../../ui/svg.ts';
import { selectField } from '../kit/fields.ts';
import { GATE_LABELS } from '../xor/gates.ts';
import { HEBB_GATES, HEBB_PRESENTATIONS, HEBB_RATES, type NeuronSettings } from './settings.ts';

export interface HebbHandlers {
  onChange(changes: Partial<NeuronSettings>): void;
}

export interface HebbPanel {
  readonly element: HTMLElement;
  /** The core's run (null while it is computed), the settings and the gate's targets. */
  show(run: HebbVsPerceptronResult | null, s: NeuronSettings, targets: readonly number[]): void;
  destroy(): void;
}

const BAR_W = 92;

function bars(label: string): { element: SVGSVGElement; set(w: ArrayLike<number>, scale: number): void } {
  const rows = [0, 1, 2].map((j) => {
    const bar = s('rect', { class: 'bar', x: 34 + BAR_W, y: 4 + j * 16, width: 0, height: 10 });
    const text = s('text', { class: 'value', x: 34 + 2 * BAR_W + 6, y: 13 + j * 16 });
    return { bar, text, row: s('g', {}, s('text', { class: 'w', x: 0, y: 13 + j * 16 }, `w${'₀₁₂'[j]}`), bar, text) };
  });
  const element = s('svg', { class: 'weight-bars', viewBox: `0 0 ${34 + 2 * BAR_W + 44} 52`, role: 'img', 'aria-label': label }, s('line', { class: 'axis', x1: 34 + BAR_W, x2: 34 + BAR_W, y1: 0, y2: 52 }), ...rows.map((r) => r.row));
  return {
    element,
    set(w, scale) {
      rows.forEach((r, j) => {
        const v = w[j] ?? 0;
        const len = (Math.abs(v) / scale) * BAR_W;
        r.bar.setAttribute('x', String(v >= 0 ? 34 + BAR_W : 34 + BAR_W - len));
        r.bar.setAttribute('width', String(len));
        r.bar.dataset.sign = v < 0 ? 'neg' : 'pos';
        r.text.textContent = num(v);
      });
      element.setAttribute('aria-label', `${label}: w = ${vec(w)}`);
    },
  };
}

export function createHebbPanel(initial: NeuronSettings, handlers: HebbHandlers): HebbPanel {
  const gate = selectField({ label: 'Gate', name: 'hebb-gate', options: HEBB_GATES.map((g) => ({ value: g, label: GATE_LABELS[g] })), value: initial.hgate, onChange: (v) => handlers.onChange({ hgate: v, hk: 0 }) });
  const eta = selectField({ label: 'η', name: 'hebb-eta', options: HEBB_RATES.map((r) => ({ value: r, label: r })), value: initial.heta, onChange: (v) => handlers.onChange({ heta: v, hk: 0 }) });
  let k = initial.hk;
  const back = h('button', { type: 'button', class: 'button small', 'data-action': 'hebb-back', title: 'Take back the last presentation (←)' }, '← Back');
  const next = h('button', { type: 'button', class: 'button small primary', 'data-action': 'hebb-next', title: 'Present the next row (→)' }, 'Present next →');
  const reset = h('button', { type: 'button', class: 'button small', 'data-action': 'hebb-reset', title: 'Start from zero weights' }, 'Reset');
  back.addEventListener('click', () => handlers.onChange({ hk: Math.max(0, k - 1) }));
  next.addEventListener('click', () => handlers.onChange({ hk: Math.min(HEBB_PRESENTATIONS, k + 1) }));
  reset.addEventListener('click', () => handlers.onChange({ hk: 0 }));

  const presented = h('p', { class: 'presented', 'data-hebb': 'presented' });
  const hebbRule = h('p', { class: 'rule', 'data-hebb': 'hebb' });
  const rosenRule = h('p', { class: 'rule', 'data-hebb': 'perceptron' });
  const hebbBars = bars('Hebb’s weights');
  const rosenBars = bars('The perceptron’s weights');
  const chartHost = h('div', { class: 'hebb-chart' });
  const element = h(
    'section',
    { class: 'card hebb', 'aria-label': 'Hebb’s rule' },
    h('div', { class: 'card-head' }, h('h2', {}, 'Hebb (1949)'), h('span', { class: 'formula' }, 'Δw = η x y  vs  Δw = η (y − ŷ) x')),
    h('div', { class: 'hebb-controls' }, gate.element, eta.element, h('div', { class: 'button-row' }, back, next, reset)),
    presented,
    h('div', { class: 'rules' }, h('div', {}, hebbRule, hebbBars.element), h('div', {}, rosenRule, rosenBars.element)),
    chartHost,
    h('p', { class: 'card-note' }, 'With 0/1 signals η x y is never negative: Hebb’s weights only grow, and nothing tells the unit it was wrong. Rosenblatt’s rule learns from the error y − ŷ.'),
  );
  const chart = createLineChart(chartHost, {
    label: 'Rows of the gate each unit gets right, after each presentation',
    xLabel: 'presentation',
    yLabel: 'rows right',
    series: [
      { label: 'Hebb', colorVar: '--series-2', points: true },
      { label: 'Perceptron', colorVar: '--series-1', points: true },
    ],
    height: 110,
  });

  return {
    element,
    show(run, st, targets) {
      k = st.hk;
      gate.set(st.hgate);
      eta.set(st.heta);
      back.disabled = k === 0;
      next.disabled = k >= HEBB_PRESENTATIONS;
      const n = 3;
      const at = (a: Float32Array, i: number): Float32Array => (i < 0 ? new Float32Array(n) : a.subarray(i * n, i * n + n));
      if (!run) return;
      let scale = 1;
      for (const v of [...run.hebbWeights, ...run.perceptronWeights]) scale = Math.max(scale, Math.abs(v));
      hebbBars.set(at(run.hebbWeights, k - 1), scale);
      rosenBars.set(at(run.perceptronWeights, k - 1), scale);
      const xs = Array.from({ length: k }, (_, i) => i + 1);
      chart.setData(xs, Array.from(run.hebbCorrect.subarray(0, k)), Array.from(run.perceptronCorrect.subarray(0, k)));
      if (k === 0) {
        presented.textContent = `Press “Present next”: the rows of ${GATE_LABELS[st.hgate]} come one at a time, both units starting from w = (0, 0, 0).`;
        hebbRule.textContent = 'Hebb: w = (0, 0, 0)';
        rosenRule.textContent = 'Perceptron: w = (0, 0, 0)';
        return;
      }
      const i = k - 1;
      const row = run.example[i] ?? 0;
      const [a = 0, b = 0] = GATE_INPUTS[row] ?? [];
      const y = targets[row] ?? 0;
      const xHat = [1, a, b];
      const yHat = run.perceptronPredicted[i] ?? 0;
      presented.textContent = `Presentation ${k}: x̂ = ${vec(xHat)}, target y = ${y}.`;
      hebbRule.textContent = `Hebb: Δw = η·y·x̂ = ${st.heta}·${y}·${vec(xHat)} = ${vec(at(run.hebbDelta, i))}; right on ${run.hebbCorrect[i]} of 4`;
      rosenRule.textContent = `Perceptron: ŷ = ${yHat}, Δw = η(y − ŷ)x̂ = ${st.heta}·${factor(y - yHat)}·${vec(xHat)} = ${vec(at(run.perceptronDelta, i))}; right on ${run.perceptronCorrect[i]} of 4`;
    },
    destroy() {
      chart.destroy();
    },
  };
}
