// Each layer's gradient per weight, ‖∂L/∂W_l‖ / √(weights in W_l), as bars on
// a log scale: outlined at the initial weights, filled now. Per weight, so a
// 2-input first layer and a width × width hidden one compare like with like.
// The first hidden layer's value over the last one's is written on top.

import type { LayerStatsResult } from '../../../generated/mlp-simd.mjs';
import { decadeLabel, scientific } from '../../plots/ticks.ts';
import { h } from '../../ui/dom.ts';
import { s } from '../../ui/svg.ts';

const W = 420;
const H = 200;
const L = 44;
const R = 8;
const T = 8;
const B = 22;

export interface GradientBars {
  readonly element: HTMLElement;
  show(initial: LayerStatsResult | null, now: LayerStatsResult | null): void;
}

export function layerName(l: number, layers: number): string {
  return l === layers - 1 ? 'out' : String(l + 1);
}

export function createGradientBars(): GradientBars {
  const svg = s('svg', { class: 'grad-bars', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Gradient per weight by layer' });
  const ratio = h('p', { class: 'ratio', 'data-ratio': '' });
  const legend = h('p', { class: 'legend' }, h('span', { class: 'key now' }, 'now'), h('span', { class: 'key start' }, 'at the start'));
  const element = h(
    'section',
    { class: 'figure-part bars-part', 'aria-label': 'Gradients by layer' },
    h('h2', {}, 'Gradient per weight, by layer ', h('span', { class: 'unit' }, '‖∂L/∂W‖ / √(weights), log scale')),
    svg,
    h('div', { class: 'under' }, legend, ratio),
  );

  return {
    element,
    show(initial, now) {
      const main = now ?? initial;
      if (!main) {
        svg.replaceChildren();
        ratio.textContent = 'Computing…';
        return;
      }
      const n = main.weightGradRms.length;
      const all = [...(initial?.weightGradRms ?? []), ...main.weightGradRms].filter((v) => v > 0 && Number.isFinite(v));
      let top = Math.ceil(Math.log10(Math.max(...all, 1e-12)));
      let bottom = Math.floor(Math.log10(Math.min(...all, 10 ** top)));
      if (top - bottom < 3) bottom = top - 3;
      if (top === bottom) top += 1;
      const y = (v: number): number => T + ((top - Math.log10(Math.max(v, 10 ** bottom))) / (top - bottom)) * (H - T - B);
      const slot = (W - L - R) / n;
      const parts: SVGElement[] = [];
      const stride = Math.ceil((top - bottom) / 6);
      for (let e = bottom; e <= top; e += stride) {
        parts.push(s('line', { class: 'grid', x1: L, x2: W - R, y1: y(10 ** e), y2: y(10 ** e) }), s('text', { class: 'tick', x: L - 5, y: y(10 ** e) + 4, 'text-anchor': 'end' }, decadeLabel(e)));
      }
      for (let l = 0; l < n; l++) {
        const x = L + slot * l;
        const v = main.weightGradRms[l] ?? 0;
        const v0 = initial?.weightGradRms[l];
        const base = H - B;
        parts.push(s('rect', { class: l === n - 1 ? 'bar now out' : 'bar now', x: x + slot * 0.18, width: slot * 0.64, y: y(v), height: Math.max(0, base - y(v)), 'data-layer': layerName(l, n), 'data-value': v }));
        if (v0 !== undefined) parts.push(s('rect', { class: 'bar start', x: x + slot * 0.1, width: slot * 0.8, y: y(v0), height: Math.max(0, base - y(v0)) }));
        parts.push(s('text', { class: 'tick', x: x + slot / 2, y: H - 6, 'text-anchor': 'middle' }, layerName(l, n)));
      }
      parts.push(s('text', { class: 'axis', x: L, y: H - 6, 'text-anchor': 'end' }, 'layer'));
      svg.replaceChildren(...parts);
      const first = main.weightGradRms[0] ?? NaN;
      const last = main.weightGradRms[n - 2] ?? NaN;
      const r = first / last;
      ratio.textContent = `first ÷ last hidden layer: ${scientific(r)}`;
      svg.setAttribute('aria-label', `Gradient per weight by layer, from the first hidden layer to the output: ${Array.from(main.weightGradRms, (v) => scientific(v)).join(', ')}. First over last hidden layer: ${scientific(r)}.`);
    },
  };
}
