// One activation function's small plot: f (solid) and f′ (dashed) as the core
// sampled them, its saturated stretches shaded (ReLU's labelled as its dead
// region), the asymptotes the seed points at (the sigmoid's 0 and 1, ELU's
// −α), and the cursor with its values. Pointer, touch and pen move the
// cursor (onCursor); the readout above the plot says the numbers.

import type { ActivationCurveResult } from '../../../generated/mlp-simd.mjs';
import { formatTick, niceTicks } from '../../plots/ticks.ts';
import { h } from '../../ui/dom.ts';
import { num } from '../../ui/numbers.ts';
import { s, svgPoint } from '../../ui/svg.ts';
import type { FunctionInfo } from './settings.ts';

const W = 300;
const H = 120;
const L = 30;
const R = 6;
const T = 6;
const B = 16;

export interface CurvePlot {
  readonly element: HTMLElement;
  /** The curve (null while it is computed), the cursor's grid index, whether f′ shows, the α in use. */
  show(c: ActivationCurveResult | null, cursor: number, derivative: boolean, alpha: number): void;
}

function path(xs: ArrayLike<number>, ys: ArrayLike<number>, px: (v: number) => number, py: (v: number) => number): string {
  let d = '';
  for (let i = 0; i < xs.length; i++) d += `${i === 0 ? 'M' : 'L'}${px(xs[i] ?? 0).toFixed(1)},${py(ys[i] ?? 0).toFixed(1)}`;
  return d;
}

/** The curve split where it jumps (step at 0), so no vertical stroke joins the two sides. */
function jumpFree(c: ActivationCurveResult, ys: Float32Array, px: (v: number) => number, py: (v: number) => number): string {
  let d = '';
  for (let i = 0; i < c.z.length; i++) {
    const jump = i > 0 && Math.abs((ys[i] ?? 0) - (ys[i - 1] ?? 0)) > 0.5 && Math.abs((c.z[i] ?? 0) - (c.z[i - 1] ?? 0)) < 0.2;
    d += `${i === 0 || jump ? 'M' : 'L'}${px(c.z[i] ?? 0).toFixed(1)},${py(ys[i] ?? 0).toFixed(1)}`;
  }
  return d;
}

export function createCurvePlot(info: FunctionInfo, onCursor: (z: number) => void): CurvePlot {
  const readout = h('p', { class: 'readout', 'data-readout': info.name });
  const svg = s('svg', { class: 'curve-plot', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${info.title}: f and f′` });
  const remark = h('p', { class: 'remark', 'data-remark': info.name });
  const element = h(
    'section',
    { class: 'curve-card', 'data-function': info.name, 'aria-label': info.title },
    h('h2', {}, info.title, ' ', h('span', { class: 'formula' }, info.formula)),
    readout,
    svg,
    remark,
  );
  let z0 = -1;
  let z1 = 1;
  const zAt = (e: PointerEvent): number => z0 + ((svgPoint(svg, e).x - L) / (W - L - R)) * (z1 - z0);
  let dragging = false;
  svg.addEventListener('pointerdown', (e) => {
    if (e.button > 0) return;
    dragging = true;
    svg.dataset.pointer = e.pointerType; // mouse, touch or pen: what moved the cursor last
    svg.setPointerCapture(e.pointerId);
    onCursor(zAt(e));
  });
  // A mouse hovers; a finger or pen moves the cursor while it touches.
  svg.addEventListener('pointermove', (e) => {
    if (dragging || e.pointerType === 'mouse') onCursor(zAt(e));
  });
  const end = (): void => {
    dragging = false;
  };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);

  return {
    element,
    show(c, cursor, derivative, alpha) {
      if (!c) {
        svg.replaceChildren();
        readout.textContent = 'Computing…';
        return;
      }
      z0 = c.z[0] ?? -1;
      z1 = c.z[c.z.length - 1] ?? 1;
      let lo = 0;
      let hi = 1;
      for (let i = 0; i < c.z.length; i++) {
        lo = Math.min(lo, c.value[i] ?? 0, derivative ? (c.derivative[i] ?? 0) : 0);
        hi = Math.max(hi, c.value[i] ?? 0, derivative ? (c.derivative[i] ?? 0) : 0);
      }
      const pad = (hi - lo) * 0.08;
      lo -= pad;
      hi += pad;
      const px = (v: number): number => L + ((v - z0) / (z1 - z0)) * (W - L - R);
      const py = (v: number): number => T + ((hi - v) / (hi - lo)) * (H - T - B);
      const parts: SVGElement[] = [];
      const sat = c.saturated;
      for (let k = 0; k + 1 < sat.length; k += 2) {
        const a = px(sat[k] ?? 0);
        const b = px(sat[k + 1] ?? 0);
        parts.push(s('rect', { class: info.name === 'relu' ? 'sat dead' : 'sat', x: a, y: T, width: Math.max(0, b - a), height: H - T - B }));
        if (b - a > 46) parts.push(s('text', { class: 'sat-label', x: (a + b) / 2, y: T + 12, 'text-anchor': 'middle' }, info.name === 'relu' ? 'dead: f′ = 0' : 'saturated'));
      }
      for (const v of niceTicks(lo, hi, 3)) parts.push(s('line', { class: 'grid', x1: L, x2: W - R, y1: py(v), y2: py(v) }), s('text', { class: 'tick', x: L - 4, y: py(v) + 3.5, 'text-anchor': 'end' }, formatTick(v)));
      for (const v of niceTicks(z0, z1, 6)) parts.push(s('text', { class: 'tick', x: px(v), y: H - 4, 'text-anchor': 'middle' }, formatTick(v)));
      parts.push(s('line', { class: 'axis', x1: L, x2: W - R, y1: py(0), y2: py(0) }), s('line', { class: 'axis', x1: px(0), x2: px(0), y1: T, y2: H - B }));
      // The seed's asymptotes: the sigmoid's y = 0 and y = 1; ELU's floor −α.
      const asymptotes = info.name === 'sigmoid' ? [1] : info.name === 'elu' ? [-alpha] : [];
      for (const v of asymptotes) parts.push(s('line', { class: 'asymptote', x1: L, x2: W - R, y1: py(v), y2: py(v) }), s('text', { class: 'asymptote-label', x: L + 4, y: py(v) - 3 }, info.name === 'elu' ? `−α = ${num(-alpha, 3)}` : 'P = 1'));
      if (derivative) parts.push(s('path', { class: 'df', d: path(c.z, c.derivative, px, py) }));
      parts.push(s('path', { class: 'f', d: jumpFree(c, c.value, px, py) }));
      const zc = c.z[cursor] ?? 0;
      const f = c.value[cursor] ?? 0;
      const d = c.derivative[cursor] ?? 0;
      parts.push(s('line', { class: 'cursor', x1: px(zc), x2: px(zc), y1: T, y2: H - B }), s('circle', { class: 'dot f', cx: px(zc), cy: py(f), r: 3.5 }));
      if (derivative) parts.push(s('circle', { class: 'dot df', cx: px(zc), cy: py(d), r: 3 }));
      svg.replaceChildren(...parts);
      const saturated = c.saturated.length > 0 && Array.from({ length: c.saturated.length / 2 }, (_, k) => k).some((k) => zc >= (c.saturated[2 * k] ?? 0) && zc <= (c.saturated[2 * k + 1] ?? 0));
      readout.replaceChildren(
        h('span', { class: 'val f' }, `${info.symbol}(${num(zc, 4)}) = ${num(f, 4)}`),
        h('span', { class: 'val df' }, `${info.symbol}′ = ${num(d, 4)}`),
        ...(saturated ? [h('span', { class: 'flag' }, info.name === 'relu' ? 'dead' : 'saturated')] : []),
      );
      svg.setAttribute('aria-label', `${info.title}: at z = ${num(zc, 4)}, f = ${num(f, 4)}, f′ = ${num(d, 4)}${saturated ? ' (saturated)' : ''}`);
      remark.textContent = info.remark({ z: zc, f, d, alpha });
    },
  };
}
