// Each hidden layer's activations on the probe batch as a histogram over the
// activation's range (sigmoid [0, 1], tanh [−1, 1], ReLU [0, 4], …; values
// beyond land in the end bins), one row per layer from the first (bottom) to
// the last (top), as in Glorot & Bengio's figures; beside each, its mean and
// the share of saturated units (|f′| below the threshold).

import type { LayerStatsResult } from '../../../generated/mlp-simd.mjs';
import { formatTick } from '../../plots/ticks.ts';
import { h } from '../../ui/dom.ts';
import { num } from '../../ui/numbers.ts';
import { s } from '../../ui/svg.ts';

const W = 300;
const ROW = 22;
const L = 32; // room for the rows' "layer" label
const R = 92;

export interface Histograms {
  readonly element: HTMLElement;
  show(now: LayerStatsResult | null): void;
}

export function createHistograms(): Histograms {
  const svg = s('svg', { class: 'histograms', role: 'img', 'aria-label': 'Activation histograms by layer' });
  const element = h(
    'section',
    { class: 'figure-part hist-part', 'aria-label': 'Activations by layer' },
    h('h2', {}, 'Activations, by layer ', h('span', { class: 'unit' }, 'histogram · mean · saturated')),
    svg,
  );
  return {
    element,
    show(st) {
      if (!st) {
        svg.replaceChildren();
        return;
      }
      const layers = st.activationMean.length;
      const height = layers * ROW + 16;
      svg.setAttribute('viewBox', `0 0 ${W} ${height}`);
      const parts: SVGElement[] = [];
      const bw = (W - L - R) / st.bins;
      for (let l = 0; l < layers; l++) {
        const top = (layers - 1 - l) * ROW;
        const base = top + ROW - 3;
        let peak = 0;
        for (let b = 0; b < st.bins; b++) peak = Math.max(peak, st.histogram[l * st.bins + b] ?? 0);
        parts.push(s('line', { class: 'base', x1: L, x2: W - R, y1: base, y2: base }), s('text', { class: 'tick', x: L - 4, y: base - 4, 'text-anchor': 'end' }, String(l + 1)));
        for (let b = 0; b < st.bins; b++) {
          const f = st.histogram[l * st.bins + b] ?? 0;
          const hgt = peak > 0 ? (f / peak) * (ROW - 5) : 0;
          if (hgt > 0) parts.push(s('rect', { class: 'bin', x: L + b * bw + 0.5, width: Math.max(0.5, bw - 1), y: base - hgt, height: hgt }));
        }
        const sat = st.saturated[l] ?? 0;
        parts.push(
          s('text', { class: 'stat', x: W - R + 6, y: base - 4, 'data-layer': l + 1, 'data-mean': st.activationMean[l] ?? 0, 'data-saturated': sat }, `${num(st.activationMean[l] ?? 0, 2)} · `, s('tspan', { class: sat > 0.5 ? 'hot' : '' }, `${Math.round(sat * 100)}%`)),
        );
      }
      const lo = st.range[0] ?? 0;
      const hi = st.range[1] ?? 1;
      const last = layers * ROW + 12;
      parts.push(s('text', { class: 'tick', x: L, y: last, 'text-anchor': 'start' }, formatTick(lo)), s('text', { class: 'tick', x: W - R, y: last, 'text-anchor': 'end' }, `${formatTick(hi)}${hi < 4 ? '' : '+'}`), s('text', { class: 'tick', x: L - 4, y: last, 'text-anchor': 'end' }, 'layer'));
      svg.replaceChildren(...parts);
      svg.setAttribute(
        'aria-label',
        `Activations by hidden layer (mean, saturated share): ${Array.from(st.activationMean, (m, l) => `layer ${l + 1}: ${num(m, 2)}, ${Math.round((st.saturated[l] ?? 0) * 100)}%`).join('; ')}.`,
      );
    },
  };
}
