// The main figure: the network's output over the plane [−6, 6]² with the
// training points (and the test points, on request) over it, as TF
// Playground shows it; a neuron in the diagram shown large in its place while
// it is hovered or focused; and the brush that draws points on it.

import { createHeatmap, type Projection } from '../../plots/heatmap.ts';
import { h, uid } from '../../ui/dom.ts';
import { checkField, fieldBinder } from '../kit/fields.ts';
import { applyStroke, attachBrush, type Brush, type XY } from './brush.ts';
import { CLASS_COLORS, CLASS_NAMES, NEUTRAL, css } from './colors.ts';
import { drawCursor, drawPoints, type ShownPoints } from './points.ts';
import type { PlaygroundSettings } from './settings.ts';

export const EXTENT = 6;
const DOMAIN = { x0: -EXTENT, x1: EXTENT, y0: -EXTENT, y1: EXTENT };

export interface OutputViewOptions {
  /** The most points a person may draw (the core's limit). */
  maxDrawn: number;
  onChange(changes: Partial<PlaygroundSettings>): void;
}

export interface OutputView {
  readonly element: HTMLElement;
  show(s: PlaygroundSettings): void;
  /** The points to draw over the map (null while none are known). */
  setPoints(shown: ShownPoints | null): void;
  /** Colours for the map (nx × ny, row 0 at the bottom), what it shows, and its numbers' digest (tests compare it). */
  setMap(rgba: Uint8ClampedArray, nx: number, ny: number, caption: string, digest: string): void;
  /** The brush's choices: one per class, or + / − for a regression set. */
  setClasses(classes: number): void;
  destroy(): void;
}

export function createOutputView(o: OutputViewOptions): OutputView {
  const frame = h('div', { class: 'output-frame' });
  const heatmap = createHeatmap(frame, {
    domain: DOMAIN,
    label: 'The network’s output over the plane from −6 to 6 on both axes, with the training points',
  });
  const canvas = heatmap.element;
  const help = h('p', { class: 'visually-hidden', id: uid('pg-brush-help') }, 'With a brush chosen: arrow keys move the crosshair, Enter puts a point there.');
  canvas.setAttribute('aria-describedby', help.id);
  const ticks = h(
    'div',
    { class: 'output-ticks', 'aria-hidden': 'true' },
    ...[-6, 0, 6].flatMap((v) => {
      const f = (v + EXTENT) / (2 * EXTENT);
      return [h('span', { class: 'tx', style: `left:${f * 100}%` }, String(v)), h('span', { class: 'ty', style: `top:${(1 - f) * 100}%` }, String(v))];
    }),
  );
  const caption = h('p', { class: 'output-caption', 'data-role': 'caption' });
  const plot = h('div', { class: 'output-plot' }, frame, ticks);

  let s: PlaygroundSettings | null = null;
  let shown: ShownPoints | null = null;
  let brush: Brush = { kind: 'off' };
  let classes = 2;

  const binder = fieldBinder<PlaygroundSettings>();
  const toggles = h(
    'div',
    { class: 'output-toggles' },
    binder.bind('test', checkField({ label: 'Show test data', name: 'test', value: false, onChange: (v) => o.onChange({ test: v }) })),
    binder.bind('disc', checkField({ label: 'Discretize output', name: 'disc', value: false, onChange: (v) => o.onChange({ disc: v }) })),
  );

  // ---- the brush: a radio group of tools, then Clear
  const brushRow = h('div', { class: 'brush-row', role: 'radiogroup', 'aria-label': 'Draw points on the map' });
  const clear = h('button', { type: 'button', class: 'button small', 'data-action': 'clear-drawn' }, 'Clear drawn');
  clear.addEventListener('click', () => o.onChange({ pts: [] }));
  const drawnCount = h('span', { class: 'drawn-count', 'aria-live': 'polite' });

  function tools(): { brush: Brush; label: string; swatch?: string }[] {
    const point = (label: number, name: string, color: string) => ({ brush: { kind: 'point', label } as Brush, label: name, swatch: color });
    const per =
      classes === 0
        ? [point(1, '+1', css(CLASS_COLORS[1] ?? NEUTRAL)), point(-1, '−1', css(CLASS_COLORS[0] ?? NEUTRAL))]
        : Array.from({ length: classes }, (_, c) => point(c, CLASS_NAMES[c] ?? String(c), css(CLASS_COLORS[c] ?? NEUTRAL)));
    return [{ brush: { kind: 'off' }, label: 'Look' }, ...per, { brush: { kind: 'erase' }, label: 'Erase' }];
  }
  const same = (a: Brush, b: Brush): boolean => a.kind === b.kind && (a.kind !== 'point' || (b.kind === 'point' && a.label === b.label));

  function renderTools(): void {
    const name = uid('pg-brush');
    brushRow.replaceChildren(
      h('span', { class: 'brush-title' }, 'Draw:'),
      ...tools().map((t) => {
        const id = uid('pg-tool');
        const input = h('input', { type: 'radio', name, id, checked: same(t.brush, brush) });
        input.addEventListener('change', () => {
          brush = t.brush;
          frame.dataset.brush = brush.kind;
          heatmap.repaint();
        });
        const swatch = t.swatch ? h('span', { class: 'tool-swatch', style: `background:${t.swatch}`, 'aria-hidden': 'true' }) : null;
        return h('span', { class: 'tool' }, input, h('label', { for: id }, swatch, t.label));
      }),
    );
  }

  const element = h(
    'section',
    { class: 'card output-card', 'aria-label': 'Output' },
    h('h2', {}, 'Output'),
    caption,
    plot,
    help,
    toggles,
    brushRow,
    h('div', { class: 'brush-foot' }, clear, drawnCount),
  );

  const toData = (e: { clientX: number; clientY: number }): XY => {
    const r = canvas.getBoundingClientRect();
    return [DOMAIN.x0 + ((e.clientX - r.left) / r.width) * (DOMAIN.x1 - DOMAIN.x0), DOMAIN.y1 - ((e.clientY - r.top) / r.height) * (DOMAIN.y1 - DOMAIN.y0)];
  };
  const snap = (p: XY): XY => p.map((v) => Math.round(Math.max(-EXTENT, Math.min(EXTENT, v)) * 100) / 100 || 0) as unknown as XY;
  const state = attachBrush(canvas, {
    brush: () => brush,
    toData,
    snap,
    commit: (b, points) => {
      if (!s) return;
      o.onChange({ pts: applyStroke(s.pts, b, points, o.maxDrawn) });
    },
    repaint: () => heatmap.repaint(),
  });

  heatmap.setOverlay((ctx: CanvasRenderingContext2D, at: Projection) => {
    if (shown) drawPoints(ctx, at, shown);
    const pending = state.pending();
    if (pending.length > 0 && brush.kind === 'point') {
      ctx.fillStyle = 'rgba(26, 29, 35, 0.6)';
      for (const [x, y] of pending) {
        ctx.beginPath();
        ctx.arc(at.x(x), at.y(y), 3 * at.dpr, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    const c = state.cursor();
    if (c) drawCursor(ctx, at, c[0], c[1], brush.kind === 'erase' ? 0.45 : 0.2);
  });

  renderTools();
  canvas.tabIndex = 0;

  return {
    element,
    show(next) {
      s = next;
      binder.sync(next);
      const n = Math.floor(next.pts.length / 3);
      drawnCount.textContent = n === 0 ? 'No points drawn' : `${n} point${n === 1 ? '' : 's'} drawn`;
      clear.disabled = n === 0;
    },
    setPoints(next) {
      shown = next;
      heatmap.repaint();
    },
    setMap(rgba, nx, ny, text, digest) {
      caption.textContent = text;
      frame.dataset.digest = digest;
      heatmap.setPixels(rgba, nx, ny);
    },
    setClasses(k) {
      if (k === classes) return;
      classes = k;
      if (brush.kind === 'point' && (k === 0 ? Math.abs(brush.label) !== 1 : brush.label >= k || brush.label < 0)) brush = { kind: 'off' };
      renderTools();
    },
    destroy() {
      state.detach();
      heatmap.destroy();
    },
  };
}
