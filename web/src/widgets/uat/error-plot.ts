// The best sup-norm error against the number of units N, both axes on log
// scales: one fit per N (the sweep job), dots joined as they land, and the
// sum on show (the live fit, or the one built by hand) ringed at its N.

import { decadeLabel } from '../../plots/ticks.ts';
import { h } from '../../ui/dom.ts';
import { num } from '../../ui/numbers.ts';
import { s } from '../../ui/svg.ts';

const W = 560;
const H = 118;
const L = 40;
const R = 10;
const T = 8;
const B = 28;

export interface ErrorPlot {
  readonly element: HTMLElement;
  show(sweep: { units: readonly number[]; errors: Float64Array } | null, current: { units: number; error: number } | null, done: boolean): void;
}

export function createErrorPlot(): ErrorPlot {
  const svg = s('svg', { class: 'error-plot', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Best sup-norm error against the number of units' });
  const note = h('p', { class: 'card-note', 'data-sweep': '' });
  const element = h('section', { class: 'card error-card', 'aria-label': 'Error against N' }, h('h2', {}, 'Best error against N'), svg, note);
  return {
    element,
    show(sweep, current, done) {
      const errs = sweep ? Array.from(sweep.errors).filter((e) => Number.isFinite(e) && e > 0) : [];
      const all = [...errs, ...(current && current.error > 0 ? [current.error] : [])];
      const top = Math.ceil(Math.log10(Math.max(...all, 1)));
      const bottom = Math.min(top - 2, Math.floor(Math.log10(Math.min(...all, 1))));
      const x = (n: number): number => L + (Math.log2(n) / 6) * (W - L - R);
      const y = (e: number): number => T + ((top - Math.log10(e)) / (top - bottom)) * (H - T - B);
      const parts: SVGElement[] = [];
      for (let e = bottom; e <= top; e++) parts.push(s('line', { class: 'grid', x1: L, x2: W - R, y1: y(10 ** e), y2: y(10 ** e) }), s('text', { class: 'tick', x: L - 5, y: y(10 ** e) + 4, 'text-anchor': 'end' }, decadeLabel(e)));
      for (const n of [1, 2, 4, 8, 16, 32, 64]) parts.push(s('text', { class: 'tick', x: x(n), y: H - 16, 'text-anchor': 'middle' }, String(n)));
      parts.push(s('text', { class: 'axis', x: (L + W - R) / 2, y: H - 3, 'text-anchor': 'middle' }, 'N, sigmoid units'));
      if (sweep) {
        let d = '';
        sweep.units.forEach((n, i) => {
          const e = sweep.errors[i] ?? NaN;
          if (!(Number.isFinite(e) && e > 0)) return;
          d += `${d === '' ? 'M' : 'L'}${x(n).toFixed(1)},${y(e).toFixed(1)}`;
          parts.push(s('circle', { class: 'dot', cx: x(n), cy: y(e), r: 3.5, 'data-n': n, 'data-error': e }));
        });
        parts.unshift(s('path', { class: 'sweep', d }));
      }
      if (current && current.error > 0) parts.push(s('circle', { class: 'current', cx: x(current.units), cy: y(current.error), r: 6 }));
      svg.replaceChildren(...parts);
      const landed = sweep ? sweep.units.filter((_, i) => Number.isFinite(sweep.errors[i] ?? NaN)).length : 0;
      note.textContent = !sweep
        ? 'Fitting one sum per N…'
        : done
          ? `Adam, ${sweep.units.length} fits of 2000 steps from the same seed. Ringed: the sum on show${current ? ` (N = ${current.units}, ${num(current.error, 3)})` : ''}.`
          : `Fitting one sum per N: ${landed} of ${sweep.units.length}…`;
      svg.setAttribute('aria-label', `Best sup-norm error against N: ${sweep ? sweep.units.map((n, i) => `N = ${n}: ${num(sweep.errors[i] ?? NaN, 3)}`).join(', ') : 'computing'}.`);
    },
  };
}
