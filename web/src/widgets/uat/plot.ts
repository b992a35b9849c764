// The approximation on [0, 1]: the target (thick), every unit's contribution
// α_j σ(w_j x + θ_j) (thin), their sum G (bold), and the sup-norm error drawn
// where it is reached — every number the core's. With a drawn target its
// knots show: drag across the plot (mouse, finger or pen) to draw, or focus
// it and use ←/→ to pick a knot, ↑/↓ to move it.

import type { UatCurvesResult } from '../../../generated/mlp-simd.mjs';
import { formatTick } from '../../plots/ticks.ts';
import { h, uid } from '../../ui/dom.ts';
import { num } from '../../ui/numbers.ts';
import { s, svgPoint } from '../../ui/svg.ts';
import { KNOTS, KNOT_RANGE } from './settings.ts';

const W = 560;
const H = 250;
const L = 34;
const R = 10;
const T = 10;
const B = 22;
const Y = 1.35;

const px = (x: number): number => L + x * (W - L - R);
const py = (y: number): number => T + ((Y - y) / (2 * Y)) * (H - T - B);
const dx = (p: number): number => (p - L) / (W - L - R);
const dy = (p: number): number => Y - ((p - T) / (H - T - B)) * 2 * Y;

export interface PlotState {
  curves: UatCurvesResult | null;
  units: number;
  /** The drawn curve's knots, or null when the target is not drawn. */
  knots: readonly number[] | null;
}

export interface UatPlot {
  readonly element: HTMLElement;
  show(st: PlotState): void;
}

function line(xs: ArrayLike<number>, ys: ArrayLike<number>, from = 0, n = xs.length): string {
  let d = '';
  for (let i = 0; i < n; i++) d += `${i === 0 ? 'M' : 'L'}${px(xs[i] ?? 0).toFixed(1)},${py(ys[from + i] ?? 0).toFixed(1)}`;
  return d;
}

const clampKnot = (v: number): number => Math.round(Math.max(-KNOT_RANGE, Math.min(KNOT_RANGE, v)) * 100) / 100;

export function createUatPlot(onDraw: (knots: number[]) => void): UatPlot {
  const clip = uid('uat-clip');
  const frame = s('rect', { class: 'frame', x: L, y: T, width: W - L - R, height: H - T - B });
  const grid = s('g', { class: 'grid' });
  for (const v of [-1, -0.5, 0, 0.5, 1]) grid.append(s('line', { x1: L, x2: W - R, y1: py(v), y2: py(v), class: v === 0 ? 'zero' : '' }), s('text', { x: L - 5, y: py(v) + 4, 'text-anchor': 'end' }, formatTick(v)));
  for (const v of [0, 0.25, 0.5, 0.75, 1]) grid.append(s('text', { x: px(v), y: H - 6, 'text-anchor': 'middle' }, formatTick(v)));
  const units = s('g', { class: 'units', 'clip-path': `url(#${clip})` });
  const target = s('path', { class: 'target' });
  const sum = s('path', { class: 'sum' });
  const sup = s('g', { class: 'sup' });
  const knotMarks = s('g', { class: 'knots' });
  const svg = s(
    'svg',
    { class: 'uat-plot', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'The target, each unit’s contribution and their sum G on [0, 1]' },
    s('defs', {}, s('clipPath', { id: clip }, s('rect', { x: L, y: T, width: W - L - R, height: H - T - B }))),
    frame,
    grid,
    units,
    target,
    sum,
    sup,
    knotMarks,
  );
  const hint = h('p', { class: 'draw-hint', hidden: true }, 'Drag across the plot to draw the target (or focus it: ←/→ picks a knot, ↑/↓ moves it).');
  const element = h('div', { class: 'uat-plot-frame' }, svg, hint);

  let knots: number[] | null = null;
  let drawing: number[] | null = null;
  let last: { x: number; y: number } | null = null;
  let selected = Math.floor(KNOTS / 2);

  const showKnots = (): void => {
    const k = drawing ?? knots;
    if (!k) {
      knotMarks.replaceChildren();
      return;
    }
    const xs = k.map((_, i) => i / (KNOTS - 1));
    knotMarks.replaceChildren(
      s('path', { class: 'drawn', d: line(xs, k) }),
      ...k.map((v, i) => s('circle', { class: i === selected && svg === document.activeElement ? 'knot selected' : 'knot', cx: px(xs[i] ?? 0), cy: py(v), r: i === selected && svg === document.activeElement ? 4.5 : 2.5 })),
    );
  };

  /** Sets every knot between the last pointer position and this one (a fast stroke skips none). */
  const paint = (x: number, y: number): void => {
    if (!drawing) return;
    const from = last ?? { x, y };
    const k0 = Math.round(Math.min(from.x, x) * (KNOTS - 1));
    const k1 = Math.round(Math.max(from.x, x) * (KNOTS - 1));
    for (let k = Math.max(0, k0); k <= Math.min(KNOTS - 1, k1); k++) {
      const t = x === from.x ? 1 : (k / (KNOTS - 1) - from.x) / (x - from.x);
      drawing[k] = clampKnot(from.y + Math.max(0, Math.min(1, t)) * (y - from.y));
    }
    last = { x, y };
    showKnots();
  };
  svg.addEventListener('pointerdown', (e) => {
    if (!knots || e.button > 0) return;
    e.preventDefault();
    svg.dataset.pointer = e.pointerType; // mouse, touch or pen: what drew last
    svg.setPointerCapture(e.pointerId);
    drawing = [...knots];
    last = null;
    const p = svgPoint(svg, e);
    paint(dx(p.x), dy(p.y));
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drawing) return;
    const p = svgPoint(svg, e);
    paint(Math.max(0, Math.min(1, dx(p.x))), dy(p.y));
  });
  const finish = (): void => {
    if (!drawing) return;
    const done = drawing;
    drawing = null;
    last = null;
    knots = done;
    onDraw(done);
  };
  svg.addEventListener('pointerup', finish);
  svg.addEventListener('pointercancel', finish);
  svg.addEventListener('keydown', (e) => {
    if (!knots) return;
    const move: Record<string, () => void> = {
      ArrowLeft: () => (selected = Math.max(0, selected - 1)),
      ArrowRight: () => (selected = Math.min(KNOTS - 1, selected + 1)),
      ArrowUp: () => knots && onDraw(knots.map((v, i) => (i === selected ? clampKnot(v + 0.05) : v))),
      ArrowDown: () => knots && onDraw(knots.map((v, i) => (i === selected ? clampKnot(v - 0.05) : v))),
    };
    const f = move[e.key];
    if (!f) return;
    e.preventDefault();
    f();
    showKnots();
  });
  svg.addEventListener('focus', showKnots);
  svg.addEventListener('blur', showKnots);

  return {
    element,
    show(st) {
      knots = st.knots ? [...st.knots] : null;
      hint.hidden = !knots;
      svg.classList.toggle('drawable', knots !== null);
      if (knots) {
        svg.setAttribute('role', 'application');
        svg.setAttribute('tabindex', '0');
        svg.setAttribute('aria-roledescription', 'drawing');
      } else {
        svg.setAttribute('role', 'img');
        svg.removeAttribute('tabindex');
        svg.removeAttribute('aria-roledescription');
      }
      const c = st.curves;
      if (!c) {
        units.replaceChildren();
        target.setAttribute('d', '');
        sum.setAttribute('d', '');
        sup.replaceChildren();
        showKnots();
        return;
      }
      const n = c.x.length;
      units.replaceChildren(...Array.from({ length: st.units }, (_, j) => s('path', { class: 'unit', d: line(c.x, c.contributions, j * n, n), style: `--hue: ${(j * 137.5) % 360}` })));
      target.setAttribute('d', line(c.x, c.target));
      sum.setAttribute('d', line(c.x, c.g));
      // The sup-norm error where it is reached: from f(x*) to G(x*), G read off the plotted grid's nearest point.
      const at = c.sup.at;
      const i = Math.round(at * (n - 1));
      const gy = c.g[i] ?? 0;
      const fy = c.target[i] ?? 0;
      const labelX = px(at) + (at > 0.7 ? -6 : 6);
      sup.replaceChildren(
        s('line', { x1: px(at), x2: px(at), y1: py(fy), y2: py(gy) }),
        s('text', { x: labelX, y: Math.max(T + 12, Math.min(H - B - 4, (py(fy) + py(gy)) / 2)), 'text-anchor': at > 0.7 ? 'end' : 'start' }, `‖G − f‖∞ = ${num(c.sup.error, 3)}`),
      );
      svg.setAttribute('aria-label', `G, a sum of ${st.units} sigmoid unit${st.units === 1 ? '' : 's'}, against the target on [0, 1]: sup-norm error ${num(c.sup.error, 3)} at x = ${num(at, 3)}.`);
      showKnots();
    },
  };
}
