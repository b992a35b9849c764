// Where Rosenblatt's rule goes on data no line separates: the core finds the
// epoch after which the weights come back, and this draws that cycle in
// weight space (w₀, w₁, w₂ in an oblique projection), the current weights
// ringed when training is inside it.

import type { PerceptronCycleResult } from '../../../generated/mlp-simd.mjs';
import { h } from '../../ui/dom.ts';
import { vec } from '../../ui/numbers.ts';
import { s } from '../../ui/svg.ts';

export interface CycleView {
  readonly element: HTMLElement;
  /** The cycle (null hides the view) and the index of the current weights along it, or −1. */
  show(cycle: PerceptronCycleResult | null, rows: number, at: number): void;
}

const W = 280;
const H = 170;
// Screen directions of the axes w₀ (receding), w₁ (right) and w₂ (up).
const AXES: [number, number][] = [[-0.55, 0.42], [1, 0], [0, -1]];

export function createCycleView(): CycleView {
  const verdict = h('p', { class: 'cycle-verdict', 'data-cycle': 'verdict' });
  const svg = s('svg', { class: 'cycle-plot', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'The cycle of the weights in weight space' });
  const element = h('section', { class: 'card cycle', 'aria-label': 'Does not converge', hidden: true }, h('h2', {}, 'Does not converge: the weights cycle'), verdict, svg);

  return {
    element,
    show(cycle, rows, at) {
      element.hidden = !cycle || cycle.start < 0;
      if (!cycle || cycle.start < 0) return;
      const n = cycle.cyclePath.length / 3;
      const pts = Array.from({ length: n }, (_, i) => [cycle.cyclePath[3 * i] ?? 0, cycle.cyclePath[3 * i + 1] ?? 0, cycle.cyclePath[3 * i + 2] ?? 0]);
      const flat = (w: number[]): [number, number] => [0, 1, 2].reduce<[number, number]>((p, j) => [p[0] + (w[j] ?? 0) * (AXES[j]?.[0] ?? 0), p[1] + (w[j] ?? 0) * (AXES[j]?.[1] ?? 0)], [0, 0]);
      const axisLen = Math.max(...pts.flat().map(Math.abs), 1e-9);
      const tips = [0, 1, 2].map((j) => [0, 1, 2].map((i) => (i === j ? axisLen : 0)));
      const proj = [...pts.map(flat), ...tips.map(flat), [0, 0] as [number, number]];
      const xs = proj.map((p) => p[0]);
      const ys = proj.map((p) => p[1]);
      const scale = Math.min((W - 60) / Math.max(1e-9, Math.max(...xs) - Math.min(...xs)), (H - 50) / Math.max(1e-9, Math.max(...ys) - Math.min(...ys)));
      const ox = 30 - Math.min(...xs) * scale;
      const oy = 25 - Math.min(...ys) * scale;
      const sx = (w: number[]): number => ox + flat(w)[0] * scale;
      const sy = (w: number[]): number => oy + flat(w)[1] * scale;
      const axes = tips.map((tip, j) => {
        return s('g', { class: 'axis' }, s('line', { x1: ox, y1: oy, x2: sx(tip), y2: sy(tip) }), s('text', { x: sx(tip) + 4, y: sy(tip) + 4 }, `w${'₀₁₂'[j]}`));
      });
      const path = s('path', { class: 'loop', d: pts.map((w, i) => `${i === 0 ? 'M' : 'L'}${sx(w)},${sy(w)}`).join(' ') });
      const dots = pts.slice(0, -1).map((w, i) => s('g', { class: i === at ? 'dot now' : 'dot' }, s('circle', { cx: sx(w), cy: sy(w), r: i === at ? 6 : 3.5 }), s('title', {}, `step ${i} of the cycle: w = ${vec(w)}`)));
      svg.replaceChildren(...axes, path, ...dots);
      const start = pts[0] ?? [0, 0, 0];
      verdict.textContent =
        `No line separates the points. From epoch ${cycle.start + 1} the weights come back to w = ${vec(start)} ` +
        `every ${cycle.length === 1 ? 'epoch' : `${cycle.length} epochs`} (${cycle.updatesPerCycle} updates in ${cycle.length * rows} steps), forever.`;
    },
  };
}
