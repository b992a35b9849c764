// The data and the perceptron's line w₀ + w₁x₁ + w₂x₂ = 0 over the square
// [−0.25, 1.25]²: the ŷ = 1 side is tinted (step(0) = 1 puts the line itself
// there), the line before the last update is left faint, and the example just
// presented is ringed. Class 1 is a circle, class 0 a square, each two-toned
// so it stays visible on either tint. Click (or tap) to add a point; with the
// plot focused, arrows move a cursor and Enter adds one there.

import { h } from '../../ui/dom.ts';
import { s, svgPoint } from '../../ui/svg.ts';
import { type Point, VIEW } from './settings.ts';

export interface PlotState {
  points: readonly Point[];
  /** Weights now, and before the last step (null: no line yet). */
  weights: ArrayLike<number> | null;
  previous: ArrayLike<number> | null;
  /** Row of the example just presented, or −1. */
  current: number;
}

export interface Plot {
  readonly element: HTMLElement;
  show(state: PlotState): void;
}

const SIZE = 300;
const PAD = 22;
const span = VIEW.hi - VIEW.lo;
const px = (v: number): number => PAD + ((v - VIEW.lo) / span) * (SIZE - 2 * PAD);
const py = (v: number): number => SIZE - PAD - ((v - VIEW.lo) / span) * (SIZE - 2 * PAD);
const dx = (p: number): number => VIEW.lo + ((p - PAD) / (SIZE - 2 * PAD)) * span;
const dy = (p: number): number => VIEW.lo + ((SIZE - PAD - p) / (SIZE - 2 * PAD)) * span;

const CORNERS: [number, number][] = [[VIEW.lo, VIEW.lo], [VIEW.hi, VIEW.lo], [VIEW.hi, VIEW.hi], [VIEW.lo, VIEW.hi]];

/** w·x̂ at (x, y): only to place the drawing (the core decides every prediction). */
const side = (w: ArrayLike<number>) => (x: number, y: number): number => (w[0] ?? 0) + (w[1] ?? 0) * x + (w[2] ?? 0) * y;

/**
 * One walk round the square: the polygon where w·x̂ ≥ 0 (Sutherland–Hodgman
 * against one edge) and where the line w·x̂ = 0 crosses the border.
 */
function clip(w: ArrayLike<number>): { side: [number, number][]; ends: [number, number][] } {
  const f = side(w);
  const out = { side: [] as [number, number][], ends: [] as [number, number][] };
  CORNERS.forEach((a, i) => {
    const b = CORNERS[(i + 1) % 4] ?? a;
    const fa = f(...a);
    const fb = f(...b);
    const cross = (): [number, number] => [a[0] + (fa / (fa - fb)) * (b[0] - a[0]), a[1] + (fa / (fa - fb)) * (b[1] - a[1])];
    if (fa >= 0) out.side.push(a);
    if ((fa >= 0) !== (fb >= 0)) out.side.push(cross());
    if (fa === 0) out.ends.push(a);
    else if (fa * fb < 0) out.ends.push(cross());
  });
  return out;
}

function linePath(w: ArrayLike<number>): string {
  if ((w[1] ?? 0) === 0 && (w[2] ?? 0) === 0) return ''; // no line: one side everywhere
  const [a, b] = clip(w).ends;
  return a && b ? `M${px(a[0])},${py(a[1])} L${px(b[0])},${py(b[1])}` : '';
}

export function createPlot(o: { addLabel: () => number; onAdd(p: Point): void; label: string }): Plot {
  const positive = s('polygon', { class: 'side-one' });
  const before = s('path', { class: 'line-before' });
  const line = s('path', { class: 'line-now' });
  const points = s('g', { class: 'points' });
  const cursor = s('circle', { class: 'cursor', r: 6, visibility: 'hidden' });
  const ticks = s('g', { class: 'ticks' });
  for (const v of [0, 1]) {
    ticks.append(s('text', { x: px(v), y: SIZE - 6, 'text-anchor': 'middle' }, String(v)), s('text', { x: 8, y: py(v) + 4, 'text-anchor': 'middle' }, String(v)));
  }
  ticks.append(s('text', { x: px(0.5), y: SIZE - 6, 'text-anchor': 'middle', class: 'axis' }, 'x₁'), s('text', { x: 8, y: py(0.5) + 4, 'text-anchor': 'middle', class: 'axis' }, 'x₂'));
  const frame = s('rect', { class: 'frame', x: PAD, y: PAD, width: SIZE - 2 * PAD, height: SIZE - 2 * PAD });
  const svg = s(
    'svg',
    { class: 'data-plot', viewBox: `0 0 ${SIZE} ${SIZE}`, role: 'application', tabindex: 0, 'aria-label': o.label, 'aria-roledescription': 'plot' },
    frame,
    positive,
    before,
    line,
    points,
    cursor,
    ticks,
  );
  let at = { x: 0.5, y: 0.5 };
  let keyboard = false;
  const showCursor = (): void => {
    cursor.setAttribute('cx', String(px(at.x)));
    cursor.setAttribute('cy', String(py(at.y)));
    cursor.setAttribute('visibility', keyboard ? 'visible' : 'hidden');
  };
  svg.addEventListener('pointerdown', (e) => {
    if (e.button > 0) return;
    const p = svgPoint(svg, e);
    const x = dx(p.x);
    const y = dy(p.y);
    if (x < VIEW.lo || x > VIEW.hi || y < VIEW.lo || y > VIEW.hi) return;
    keyboard = false;
    showCursor();
    const label = o.addLabel();
    o.onAdd({ x, y, label: e.shiftKey ? 1 - label : label });
  });
  svg.addEventListener('keydown', (e) => {
    const step = 0.05;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      keyboard = true;
      at = { x: Math.min(VIEW.hi, Math.max(VIEW.lo, at.x + m[0])), y: Math.min(VIEW.hi, Math.max(VIEW.lo, at.y + m[1])) };
      showCursor();
    } else if (e.key === 'Enter' && keyboard) {
      e.preventDefault();
      o.onAdd({ ...at, label: o.addLabel() });
    }
  });
  svg.addEventListener('blur', () => {
    keyboard = false;
    showCursor();
  });

  return {
    element: h('div', { class: 'plot-frame' }, svg),
    show(st) {
      const w = st.weights;
      const shaded = w ? clip(w).side : [];
      positive.setAttribute('points', shaded.map(([x, y]) => `${px(x)},${py(y)}`).join(' '));
      line.setAttribute('d', w ? linePath(w) : '');
      before.setAttribute('d', st.previous ? linePath(st.previous) : '');
      points.replaceChildren(
        ...st.points.map((p, i) => {
          const mark =
            p.label === 1
              ? s('circle', { class: 'pt one', cx: px(p.x), cy: py(p.y), r: 6 })
              : s('rect', { class: 'pt zero', x: px(p.x) - 5.5, y: py(p.y) - 5.5, width: 11, height: 11 });
          if (i !== st.current) return mark;
          return s('g', { class: 'current' }, s('circle', { class: 'ring', cx: px(p.x), cy: py(p.y), r: 11 }), mark);
        }),
      );
    },
  };
}
