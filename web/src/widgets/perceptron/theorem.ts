// The convergence theorem made visible: for generated sets with a growing
// margin γ, the updates Rosenblatt's rule needed (dots, one per set) against
// the theorem's bound (R/γ)² (rings): every dot lies under its ring, and both
// fall as the margin widens. Log scale; every number is the core's.

import type { MarginStudyResult } from '../../../generated/mlp-simd.mjs';
import { formatTick } from '../../plots/ticks.ts';
import { h } from '../../ui/dom.ts';
import { s } from '../../ui/svg.ts';

export const STUDY_MARGINS = [0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3];
export const STUDY_SETS = 8;
export const STUDY_POINTS = 40;

export interface TheoremView {
  readonly element: HTMLElement;
  show(study: MarginStudyResult | null): void;
}

const W = 300;
const H = 170;
const L = 40;
const B = 26;

export function createTheoremView(): TheoremView {
  const svg = s('svg', { class: 'theorem-plot', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Updates until convergence against the margin, with the bound (R/γ)²' });
  const summary = h('p', { class: 'card-note', 'data-theorem': 'summary' });
  const legend = h('p', { class: 'legend' }, h('span', { class: 'key dot' }, 'updates until convergence'), h('span', { class: 'key ring' }, 'bound (R/γ)²'));
  const element = h('div', { class: 'theorem' }, svg, legend, summary);

  return {
    element,
    show(st) {
      if (!st) {
        svg.replaceChildren();
        summary.textContent = 'Computing…';
        return;
      }
      const all = [...Array.from(st.updates).filter((u) => u > 0), ...st.bounds];
      const top = Math.ceil(Math.log10(Math.max(10, ...all)));
      const x = (m: number): number => L + (m / 0.3) * (W - L - 10);
      const y = (v: number): number => H - B - (Math.log10(Math.max(1, v)) / top) * (H - B - 10);
      const grid = [];
      for (let d = 0; d <= top; d++) grid.push(s('g', { class: 'grid' }, s('line', { x1: L, x2: W - 10, y1: y(10 ** d), y2: y(10 ** d) }), s('text', { x: L - 5, y: y(10 ** d) + 4, 'text-anchor': 'end' }, d === 0 ? '1' : d === 1 ? '10' : `10${'⁰¹²³⁴⁵⁶⁷⁸⁹'[d] ?? ''}`)));
      for (const m of [0, 0.1, 0.2, 0.3]) grid.push(s('text', { x: x(m), y: H - B + 15, 'text-anchor': 'middle' }, formatTick(m)));
      grid.push(s('text', { class: 'axis', x: (L + W) / 2, y: H - 1, 'text-anchor': 'middle' }, 'margin γ'));
      const marks = [];
      let under = 0;
      let runs = 0;
      for (let i = 0; i < st.margins.length; i++) {
        for (let k = 0; k < st.sets; k++) {
          const u = st.updates[i * st.sets + k] ?? -1;
          const b = st.bounds[i * st.sets + k] ?? 0;
          const jitter = ((k / Math.max(1, st.sets - 1)) - 0.5) * 8;
          const mx = x(st.margins[i] ?? 0) + jitter;
          marks.push(s('circle', { class: 'ring', cx: mx, cy: y(b), r: 3.5 }));
          if (u > 0) marks.push(s('circle', { class: 'dot', cx: mx, cy: y(u), r: 2.6 }));
          runs += 1;
          under += u > 0 && u <= b ? 1 : 0;
        }
      }
      svg.replaceChildren(...grid, ...marks);
      summary.textContent = `${under} of ${runs} sets converged within the theorem’s bound. The bound holds for every ordering and every η from zero weights; the real count is usually far below it.`;
    },
  };
}
