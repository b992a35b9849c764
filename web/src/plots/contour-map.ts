// A filled contour plot of a 2-D field (a loss surface) with paths drawn on
// it, a draggable start point and a colour bar — the picture of Distill's
// "Why Momentum Really Works", on one canvas so it saves as one PNG.
//
// The field (bands, axes, colour bar) is painted once into a cached layer;
// each animation frame only blits it and draws the paths. Fed plain arrays in
// data coordinates; knows nothing about optimizers.

import type { Colormap } from './colormap.ts';
import { viridis } from './colormap.ts';
import { clipSegment, inside, lastVisiblePoint, type Rect } from './clip.ts';
import { type Frame, type FrameColours, paintAxes, paintColorbar, paintField } from './contour-frame.ts';
import { type LevelScale, type Levels, computeLevels } from './contour-levels.ts';
import { drawMarker, type MarkerShape } from './markers.ts';
import { THEME_CHANGE } from '../theme.ts';
import { chartHeight } from './chart-height.ts';

/** Values at grid nodes: node (i, j) is at x0 + (x1 − x0)·i/(nx − 1), likewise y; row-major from (x0, y0). */
export interface Field {
  values: Float32Array;
  nx: number;
  ny: number;
  /** [x0, x1, y0, y1] */
  view: readonly [number, number, number, number];
  /** Log levels span this many decades below the maximum (overrides the option). */
  decades?: number;
}

export interface MapPath {
  key: string;
  color: string;
  marker: MarkerShape;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Draw the first `shown` points (default all). */
  shown?: number;
  /** The walk stopped at its last point because the next step diverged. */
  diverged?: boolean;
  /** A dot at every point (sparse paths, e.g. one point per epoch). */
  dots?: boolean;
  /** A hollow ring at the first point. */
  origin?: boolean;
}

export interface MapPoint {
  x: number;
  y: number;
  shape: MarkerShape;
  color: string;
}

export interface ContourMapOptions {
  /** Accessible name. */
  label: string;
  xLabel: string;
  yLabel: string;
  colorbarLabel: string;
  scale?: LevelScale | 'auto';
  levelCount?: number;
  /** Decades shown by log levels below the maximum. */
  decades?: number;
  /** Largest height of the whole plot in CSS pixels. */
  maxHeight?: number;
  /** Window height kept free for the page around the plot, so it fits on a laptop screen. */
  reserveHeight?: number;
  colormap?: Colormap;
  /** Dragging or nudging the start: `final` is false while a drag moves, true at its end and for key presses. */
  onStart?: (x: number, y: number, final: boolean) => void;
}

export interface ContourMap {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  setField(field: Field | null): void;
  setPaths(paths: readonly MapPath[]): void;
  setPoints(points: readonly MapPoint[]): void;
  setStart(start: readonly [number, number] | null): void;
  /** A short note in the plot's top-left corner ('' for none). */
  setCaption(text: string): void;
  /** Paints now instead of at the next frame (before saving the canvas). */
  flush(): void;
  destroy(): void;
}

// Margins in CSS pixels: ticks on the left and bottom, the colour bar on the right.
const M = { left: 46, right: 62, top: 10, bottom: 38 };
const HALO = 'rgba(255, 255, 255, 0.9)';
const NUDGE = 0.02;

export function createContourMap(container: HTMLElement, options: ContourMapOptions): ContourMap {
  const map = options.colormap ?? viridis;
  const element = document.createElement('div');
  element.className = 'contour-map';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-label', options.label);
  if (options.onStart) {
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-roledescription', 'contour plot with a movable start point');
    canvas.dataset.interactive = 'true';
  } else {
    canvas.setAttribute('role', 'img');
  }
  element.append(canvas);
  container.append(element);

  const base = document.createElement('canvas');
  let field: Field | null = null;
  let levels: Levels | null = null;
  let paths: readonly MapPath[] = [];
  let points: readonly MapPoint[] = [];
  let start: readonly [number, number] | null = null;
  let caption = '';
  let cssW = 0;
  let cssH = 0;
  let dpr = 1;
  let baseValid = false;
  let frame = 0;

  const css = (name: string, fallback: string): string =>
    getComputedStyle(element).getPropertyValue(name).trim() || fallback;

  const plotRect = (): Rect => ({ x0: M.left, y0: M.top, x1: cssW - M.right, y1: cssH - M.bottom });
  const view = (): readonly [number, number, number, number] => field?.view ?? [0, 1, 0, 1];
  const toPx = (x: number, y: number): [number, number] => {
    const [x0, x1, y0, y1] = view();
    const r = plotRect();
    return [r.x0 + ((x - x0) / (x1 - x0)) * (r.x1 - r.x0), r.y0 + (1 - (y - y0) / (y1 - y0)) * (r.y1 - r.y0)];
  };
  const fromPx = (px: number, py: number): [number, number] => {
    const [x0, x1, y0, y1] = view();
    const r = plotRect();
    return [x0 + ((px - r.x0) / (r.x1 - r.x0)) * (x1 - x0), y0 + (1 - (py - r.y0) / (r.y1 - r.y0)) * (y1 - y0)];
  };
  const dataRect = (): Rect => {
    const [x0, x1, y0, y1] = view();
    return { x0, x1, y0, y1 };
  };

  /**
   * Height from the width: equal units on both axes where the height allows;
   * or, where the layout gives the map its height (--chart-fill, the embed
   * view), that height.
   */
  function layout(): boolean {
    const w = Math.max(240, Math.floor(element.clientWidth));
    const [x0, x1, y0, y1] = view();
    const plotW = w - M.left - M.right;
    const cap = Math.min(options.maxHeight ?? 480, Math.max(300, window.innerHeight - (options.reserveHeight ?? 0)));
    const maxPlotH = cap - M.top - M.bottom;
    const plotH = Math.max(160, Math.min(maxPlotH, plotW * ((y1 - y0) / (x1 - x0))));
    const h = chartHeight(element, Math.round(plotH + M.top + M.bottom));
    const ratio = window.devicePixelRatio || 1;
    if (w === cssW && h === cssH && ratio === dpr) return false;
    cssW = w;
    cssH = h;
    dpr = ratio;
    canvas.style.height = `${h}px`;
    for (const c of [canvas, base]) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    return true;
  }

  function paintBase(): void {
    const ctx = base.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const colours: FrameColours = {
      surface: css('--surface', '#fff'),
      empty: css('--surface-2', '#eee'),
      border: css('--border', '#ccc'),
      muted: css('--muted', '#666'),
      text: css('--text', '#222'),
    };
    const frameGeometry: Frame = { width: cssW, height: cssH, plot: plotRect(), view: view(), toPx };
    ctx.fillStyle = colours.surface;
    ctx.fillRect(0, 0, cssW, cssH);
    paintField(ctx, frameGeometry, field && levels ? { field, levels } : null, map, colours);
    paintAxes(ctx, frameGeometry, options.xLabel, options.yLabel, colours);
    if (levels) paintColorbar(ctx, frameGeometry, levels, map, options.colorbarLabel, colours);
  }

  function strokePath(ctx: CanvasRenderingContext2D, p: MapPath, n: number, far: Rect): void {
    ctx.beginPath();
    let pen = false;
    // The previous point drawn: steps shorter than half a pixel are merged (100k SGD steps).
    let [ax, ay] = toPx(p.x[0] ?? NaN, p.y[0] ?? NaN);
    for (let k = 1; k < n; k++) {
      const [bx, by] = toPx(p.x[k] ?? NaN, p.y[k] ?? NaN);
      if (![ax, ay, bx, by].every(Number.isFinite)) {
        pen = false;
        [ax, ay] = [bx, by];
        continue;
      }
      if (k < n - 1 && Math.abs(bx - ax) < 0.5 && Math.abs(by - ay) < 0.5) continue;
      if (inside(ax, ay, far) && inside(bx, by, far)) {
        if (!pen) ctx.moveTo(ax, ay);
        ctx.lineTo(bx, by);
        pen = true;
        [ax, ay] = [bx, by];
        continue;
      }
      const t = clipSegment(ax, ay, bx, by, far);
      pen = false;
      if (t) {
        ctx.moveTo(ax + (bx - ax) * t[0], ay + (by - ay) * t[0]);
        ctx.lineTo(ax + (bx - ax) * t[1], ay + (by - ay) * t[1]);
      }
      [ax, ay] = [bx, by];
    }
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    // Thousands of SGD steps would paint a solid blob at full width.
    const thin = n > 800;
    ctx.lineWidth = thin ? 2.6 : 4.5;
    ctx.strokeStyle = HALO;
    ctx.stroke();
    ctx.lineWidth = thin ? 1.1 : 2;
    ctx.strokeStyle = p.color;
    ctx.stroke();
  }

  /** Label boxes placed in this frame, so several "diverged" labels do not overprint. */
  let placed: Rect[] = [];

  function paintDiverged(ctx: CanvasRenderingContext2D, p: MapPath, n: number): void {
    const at = lastVisiblePoint(p.x, p.y, n, dataRect());
    if (!at) return;
    const [px, py] = toPx(at[0], at[1]);
    drawMarker(ctx, 'cross', px, py, 7, p.color, '#000');
    const r = plotRect();
    ctx.font = '600 12px system-ui, sans-serif';
    const label = 'diverged';
    const w = ctx.measureText(label).width + 6;
    const hgt = 18;
    // Inside the plot, next to the marker, moved along until it overlaps no other label.
    const lx = Math.min(r.x1 - w - 2, Math.max(r.x0 + 2, px + 10));
    let ly = Math.min(r.y1 - hgt - 2, Math.max(r.y0 + 2, py - 21));
    const overlaps = (y: number): boolean => placed.some((b) => lx < b.x1 && lx + w > b.x0 && y < b.y1 && y + hgt > b.y0);
    for (let tries = 0; tries < 12 && overlaps(ly); tries++) ly = ly - hgt - 2 < r.y0 ? ly + (hgt + 2) * (tries + 1) : ly - hgt - 2;
    placed.push({ x0: lx, y0: ly, x1: lx + w, y1: ly + hgt });
    ctx.fillStyle = 'rgba(0, 0, 0, 0.7)';
    ctx.fillRect(lx, ly, w, hgt);
    ctx.strokeStyle = p.color;
    ctx.lineWidth = 2;
    ctx.strokeRect(lx, ly, w, hgt);
    ctx.fillStyle = '#fff';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(label, lx + 3, ly + hgt / 2);
  }

  function paint(): void {
    frame = 0;
    placed = [];
    const resized = layout();
    if (resized || !baseValid) {
      paintBase();
      baseValid = true;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(base, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const r = plotRect();
    ctx.save();
    ctx.beginPath();
    ctx.rect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    ctx.clip();
    // Segments are clipped to a rectangle a little larger than the plot.
    const pad = Math.max(r.x1 - r.x0, r.y1 - r.y0);
    const far: Rect = { x0: r.x0 - pad, y0: r.y0 - pad, x1: r.x1 + pad, y1: r.y1 + pad };
    for (const pt of points) {
      const [px, py] = toPx(pt.x, pt.y);
      drawMarker(ctx, pt.shape, px, py, 6, pt.color, 'rgba(0, 0, 0, 0.75)');
    }
    for (const p of paths) {
      const n = Math.min(p.shown ?? p.x.length, p.x.length, p.y.length);
      if (n <= 0) continue;
      strokePath(ctx, p, n, far);
      if (p.dots) {
        for (let k = 0; k < n; k++) {
          const [px, py] = toPx(p.x[k] ?? NaN, p.y[k] ?? NaN);
          if (!inside(px, py, r)) continue;
          ctx.beginPath();
          ctx.arc(px, py, 2.2, 0, 2 * Math.PI);
          ctx.fillStyle = p.color;
          ctx.fill();
        }
      }
      if (p.origin) {
        const [ox, oy] = toPx(p.x[0] ?? NaN, p.y[0] ?? NaN);
        ctx.beginPath();
        ctx.arc(ox, oy, 5, 0, 2 * Math.PI);
        ctx.lineWidth = 3.5;
        ctx.strokeStyle = HALO;
        ctx.stroke();
        ctx.lineWidth = 1.8;
        ctx.strokeStyle = p.color;
        ctx.stroke();
      }
      const [hx, hy] = toPx(p.x[n - 1] ?? NaN, p.y[n - 1] ?? NaN);
      if (p.diverged && n >= p.x.length) paintDiverged(ctx, p, n);
      else if (inside(hx, hy, r)) drawMarker(ctx, p.marker, hx, hy, 5, p.color);
    }
    if (start) paintStart(ctx, r);
    if (caption) {
      ctx.font = '12px system-ui, sans-serif';
      const w = Math.min(ctx.measureText(caption).width, r.x1 - r.x0 - 22);
      ctx.fillStyle = 'rgba(0, 0, 0, 0.55)';
      ctx.fillRect(r.x0 + 6, r.y0 + 6, w + 10, 20);
      ctx.fillStyle = '#fff';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(caption, r.x0 + 11, r.y0 + 16, w);
    }
    ctx.restore();
  }

  function paintStart(ctx: CanvasRenderingContext2D, r: Rect): void {
    if (!start) return;
    const [sx, sy] = toPx(start[0], start[1]);
    if (!inside(sx, sy, r)) return;
    ctx.beginPath();
    ctx.arc(sx, sy, 8, 0, 2 * Math.PI);
    ctx.fillStyle = 'rgba(255, 255, 255, 0.35)';
    ctx.fill();
    ctx.lineWidth = 3.5;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
    ctx.stroke();
    ctx.lineWidth = 1.8;
    ctx.strokeStyle = '#fff';
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(sx, sy, 2, 0, 2 * Math.PI);
    ctx.fillStyle = '#fff';
    ctx.fill();
    if (document.activeElement === canvas && canvas.matches(':focus-visible')) {
      ctx.beginPath();
      ctx.arc(sx, sy, 13, 0, 2 * Math.PI);
      ctx.lineWidth = 2;
      ctx.strokeStyle = css('--focus', '#2456cc');
      ctx.stroke();
    }
  }

  /** Coalesces repaint requests into one per animation frame. */
  function schedule(): void {
    if (frame) return;
    frame = requestAnimationFrame(paint);
  }

  // ---- the start point: pointer drag and keyboard nudges
  let dragging = false;
  const eventPoint = (e: PointerEvent): [number, number] | null => {
    const b = canvas.getBoundingClientRect();
    const px = e.clientX - b.left;
    const py = e.clientY - b.top;
    const r = plotRect();
    const cx = Math.min(r.x1, Math.max(r.x0, px));
    const cy = Math.min(r.y1, Math.max(r.y0, py));
    return fromPx(cx, cy);
  };
  const onDown = (e: PointerEvent): void => {
    if (!options.onStart || e.button !== 0) return;
    const b = canvas.getBoundingClientRect();
    if (!inside(e.clientX - b.left, e.clientY - b.top, plotRect())) return;
    const p = eventPoint(e);
    if (!p) return;
    dragging = true;
    canvas.setPointerCapture(e.pointerId);
    canvas.dataset.dragging = 'true';
    options.onStart(p[0], p[1], false);
  };
  const onMove = (e: PointerEvent): void => {
    if (!dragging || !options.onStart) return;
    const p = eventPoint(e);
    if (p) options.onStart(p[0], p[1], false);
  };
  const onUp = (e: PointerEvent): void => {
    if (!dragging || !options.onStart) return;
    dragging = false;
    delete canvas.dataset.dragging;
    const p = eventPoint(e);
    if (p) options.onStart(p[0], p[1], true);
  };
  const onKey = (e: KeyboardEvent): void => {
    if (!options.onStart || !start || e.altKey || e.ctrlKey || e.metaKey) return;
    const [x0, x1, y0, y1] = view();
    const f = e.shiftKey ? NUDGE * 5 : NUDGE;
    const d: Record<string, [number, number]> = {
      ArrowLeft: [-(x1 - x0) * f, 0],
      ArrowRight: [(x1 - x0) * f, 0],
      ArrowUp: [0, (y1 - y0) * f],
      ArrowDown: [0, -(y1 - y0) * f],
    };
    const step = d[e.key];
    if (!step) return;
    e.preventDefault();
    e.stopPropagation(); // arrows here move the start, not the animation
    const x = Math.min(x1, Math.max(x0, start[0] + step[0]));
    const y = Math.min(y1, Math.max(y0, start[1] + step[1]));
    options.onStart(x, y, true);
  };
  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onUp);
  canvas.addEventListener('keydown', onKey);
  canvas.addEventListener('focus', schedule);
  canvas.addEventListener('blur', schedule);

  const resize = new ResizeObserver(() => schedule());
  resize.observe(element);
  const onTheme = (): void => {
    baseValid = false;
    schedule();
  };
  document.addEventListener(THEME_CHANGE, onTheme);

  return {
    element,
    canvas,
    setField(next) {
      field = next;
      levels = next
        ? computeLevels(next.values, next.nx, next.ny, {
            scale: options.scale ?? 'auto',
            count: options.levelCount ?? 22,
            decades: next.decades ?? options.decades ?? 6,
          })
        : null;
      baseValid = false;
      schedule();
    },
    setPaths(next) {
      paths = next;
      schedule();
    },
    setPoints(next) {
      points = next;
      schedule();
    },
    setStart(next) {
      start = next;
      schedule();
    },
    setCaption(text) {
      caption = text;
      schedule();
    },
    flush() {
      if (frame) cancelAnimationFrame(frame);
      paint();
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      resize.disconnect();
      document.removeEventListener(THEME_CHANGE, onTheme);
      element.remove();
    },
  };
}

export type { MarkerShape };
