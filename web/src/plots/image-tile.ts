// Small square images from flat arrays (a 28×28 digit, a unit's 784 input
// weights), painted at their own resolution into a canvas that CSS scales up
// with crisp pixels. Fed plain arrays; knows nothing about networks.

import { type Colormap, type RGB, buildLut, lutIndex } from './colormap.ts';

/** A side × side canvas; size it with CSS (the `image-tile` class keeps pixels square and sharp). */
export function tileCanvas(side: number, label?: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  canvas.className = 'image-tile';
  if (label) {
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label);
  } else {
    canvas.setAttribute('aria-hidden', 'true');
  }
  return canvas;
}

/**
 * Paints values[offset .. offset + side²) row by row; toUnit maps a value to
 * [0, 1] for the colormap (NaN paints as 0).
 */
export function paintTile(
  canvas: HTMLCanvasElement,
  values: Float32Array,
  offset: number,
  side: number,
  map: Colormap,
  toUnit: (v: number) => number,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(side, side);
  const px = img.data;
  for (let i = 0; i < side * side; i++) {
    const c = 3 * lutIndex(toUnit(values[offset + i] ?? NaN));
    px[4 * i] = map[c] ?? 0;
    px[4 * i + 1] = map[c + 1] ?? 0;
    px[4 * i + 2] = map[c + 2] ?? 0;
    px[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

/** A two-colour ramp, e.g. paper to ink for digits in the page's theme. */
export function ramp(from: RGB, to: RGB): Colormap {
  return buildLut([from, to]);
}

/** The largest |v| of values[offset .. offset + n), at least a tiny positive number. */
export function maxAbs(values: Float32Array, offset: number, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(values[offset + i] ?? 0);
    if (v > m) m = v;
  }
  return m > 0 ? m : 1e-12;
}

/** A CSS colour (as computed: "rgb(r, g, b)" or "#rrggbb") as RGB; null if unreadable. */
export function parseCssColor(text: string): RGB | null {
  const t = text.trim();
  const hex = /^#([0-9a-f]{6})$/i.exec(t);
  if (hex?.[1]) {
    const n = Number.parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(t);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}
