// A filled contour plot of a 2-D field (a loss surface) with paths drawn on
// it, a draggable start point and a colour bar — the picture of Distill's
// "Why Momentum Really Works", on one canvas so it saves as one PNG.
//
// The field (bands, axes, colour bar) is painted once into a cached layer;
// each animation frame only blits it and draws the paths. Fed plain arrays in
// data coordinates; knows nothing about optimizers.

import type { Colormap } from './colormap.ts';
import { viridis } from './colormap.ts';
import type { Rect } from './clip.ts';
import { type Frame, type FrameColours, paintAxes, paintColorbar, paintField } from './contour-frame.ts';
import { type LevelScale, type Levels, computeLevels } from './contour-levels.ts';
import { type MapPath, type MapPoint, type Overlay, paintCaption, paintPaths, paintStart } from './map-paths.ts';
import type { MarkerShape } from './markers.ts';
import { attachStartControl } from './start-control.ts';
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

  function paint(): void {
    frame = 0;
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
    const overlay: Overlay = { ctx, plot: r, data: dataRect(), toPx };
    paintPaths(overlay, paths, points);
    if (start) paintStart(overlay, start, document.activeElement === canvas && canvas.matches(':focus-visible') ? css('--focus', '#2456cc') : null);
    if (caption) paintCaption(overlay, caption);
    ctx.restore();
  }

  /** Coalesces repaint requests into one per animation frame. */
  function schedule(): void {
    if (frame) return;
    frame = requestAnimationFrame(paint);
  }

  // ---- the start point: pointer drag and keyboard nudges
  const onStart = options.onStart;
  if (onStart) attachStartControl(canvas, { plotRect, view, fromPx, start: () => start, onStart });
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

export type { MapPath, MapPoint, MarkerShape };
