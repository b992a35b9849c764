// A grid of values in [0, 1] drawn to a canvas through a colormap, with an
// optional overlay drawn on top in data coordinates. Fed plain arrays; it
// keeps the last grid so it can repaint on resize without asking again.

import { type Colormap, lutIndex, viridis } from './colormap.ts';

export interface Domain {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Maps data coordinates to canvas pixels (y grows upwards in data). */
export interface Projection {
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
  x(v: number): number;
  y(v: number): number;
}

export type Overlay = (ctx: CanvasRenderingContext2D, at: Projection) => void;

export interface HeatmapOptions {
  domain: Domain;
  /** Accessible name of the picture. */
  label: string;
  colormap?: Colormap;
}

export interface Heatmap {
  readonly element: HTMLCanvasElement;
  /** values: nx × ny, row-major, row 0 at y0 (the bottom), sampled at cell centres. */
  setGrid(values: Float32Array, nx: number, ny: number, stride?: number, offset?: number): void;
  /** Colours computed by the caller: nx × ny RGBA, row-major, row 0 at y0 (the bottom). */
  setPixels(rgba: Uint8ClampedArray, nx: number, ny: number): void;
  setOverlay(overlay: Overlay | null): void;
  /** Draws again, e.g. after the overlay's own data changed. */
  repaint(): void;
  destroy(): void;
}

export function createHeatmap(container: HTMLElement, options: HeatmapOptions): Heatmap {
  const map = options.colormap ?? viridis;
  const canvas = document.createElement('canvas');
  canvas.className = 'heatmap';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', options.label);
  container.append(canvas);
  // The grid is painted once at its own resolution and scaled up smoothly.
  const tile = document.createElement('canvas');
  let hasGrid = false;
  let overlay: Overlay | null = null;

  function paint(): void {
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
    const hgt = Math.max(1, Math.round(canvas.clientHeight * dpr));
    if (canvas.width !== w || canvas.height !== hgt) {
      canvas.width = w;
      canvas.height = hgt;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, hgt);
    if (hasGrid) {
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(tile, 0, 0, w, hgt);
    }
    const { x0, x1, y0, y1 } = options.domain;
    const at: Projection = {
      width: w,
      height: hgt,
      dpr,
      x: (v) => ((v - x0) / (x1 - x0)) * w,
      y: (v) => (1 - (v - y0) / (y1 - y0)) * hgt,
    };
    if (overlay) {
      ctx.save();
      overlay(ctx, at);
      ctx.restore();
    }
  }

  const resize = new ResizeObserver(() => paint());
  resize.observe(canvas);

  /** The tile at nx × ny and a fresh image for it, or null without a 2-D context. */
  function tileImage(nx: number, ny: number): { tctx: CanvasRenderingContext2D; img: ImageData } | null {
    if (tile.width !== nx || tile.height !== ny) {
      tile.width = nx;
      tile.height = ny;
    }
    const tctx = tile.getContext('2d');
    return tctx ? { tctx, img: tctx.createImageData(nx, ny) } : null;
  }

  return {
    element: canvas,
    setPixels(rgba, nx, ny) {
      const t = tileImage(nx, ny);
      if (!t) return;
      // Data row 0 is the bottom of the picture: rows are written upside down.
      for (let j = 0; j < ny; j++) t.img.data.set(rgba.subarray(4 * j * nx, 4 * (j + 1) * nx), 4 * (ny - 1 - j) * nx);
      t.tctx.putImageData(t.img, 0, 0);
      hasGrid = true;
      paint();
    },
    setGrid(values, nx, ny, stride = 1, offset = 0) {
      const t = tileImage(nx, ny);
      if (!t) return;
      const { tctx, img } = t;
      const px = img.data;
      for (let j = 0; j < ny; j++) {
        const row = ny - 1 - j; // data row 0 is the bottom of the picture
        for (let i = 0; i < nx; i++) {
          const c = 3 * lutIndex(values[(j * nx + i) * stride + offset] ?? NaN);
          const p = 4 * (row * nx + i);
          px[p] = map[c] ?? 0;
          px[p + 1] = map[c + 1] ?? 0;
          px[p + 2] = map[c + 2] ?? 0;
          px[p + 3] = 255;
        }
      }
      tctx.putImageData(img, 0, 0);
      hasGrid = true;
      paint();
    },
    setOverlay(next) {
      overlay = next;
      paint();
    },
    repaint: paint,
    destroy() {
      resize.disconnect();
      canvas.remove();
    },
  };
}
